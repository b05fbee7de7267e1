import { describe, expect, it } from 'vitest';
import { CELL_LINE_SHAPES, findCellLineShapes } from '../../src/tag/species-cell-lines.js';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { findSpecies } from '../../src/tag/species.js';

describe.each(CELL_LINE_SHAPES)('cell line shape $id', (shape) => {
  // each shape alone: its own pattern, with the context test findCellLineShapes applies
  const alone = (text: string) => findCellLineShapes(text).filter((c) => { const p = new RegExp(shape.pattern.source, 'y'); p.lastIndex = c.start; return p.test(text); });
  it.each(shape.examples.valid)('valid: %s', (text) => expect(alone(text).length).toBeGreaterThan(0));
  it.each(shape.examples.invalid)('invalid: %s', (text) => expect(alone(text)).toEqual([]));
});

describe('cell line shapes among the species cues', () => {
  const species = defaultLexicon().species!;
  const cues = (text: string) => findSpecies(text, species).map((s) => `${text.slice(s.start, s.end)}:${s.taxon}`);
  it('adds shaped names in text order, a listed name once', () => {
    expect(cues('Mice and NCI-H2052 cells; H1299 and H2691 cells.')).toEqual(['Mice:10090', 'NCI-H2052:9606', 'H1299:9606', 'H2691:9606']);
  });
  it('a bare number far from any cell word is no cell line', () => {
    expect(cues('Mutation of H219 abolished binding in mice.')).toEqual(['mice:10090']);
  });
});
