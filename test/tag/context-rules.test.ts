import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';

const run = (text: string) => processDocument({ id: 'f', source: 'f', format: 'markdown', text, sha256: '' }, defaultLexicon());

// from the shared research PDFs: figure references reached the output as FIG4 and a fly gene, and a variant took FIG4 as its gene
describe('figure and table references are no entities, through every tagger', () => {
  const text = '# Results\n\nThe mutations S54E and S107R in the CDR loops improved binding compared to the native nanobody (Fig 4). '
    + 'Spn-E accumulated in nuage (Fig 1B) and IL-2 rose (see Figs. S1 to S17 and Fig\nS13–S15).\n';
  const out = run(text);
  const refs = [...text.matchAll(/Figs?\.?\s(S?\d+[A-Z]?( to S17)?)|S1[57]/g)].map((m) => [m.index!, m.index! + m[0].length]);

  it('tags nothing inside a reference', () => {
    const inside = out.entities.filter((e) => refs.some(([s, t]) => e.start < t && s < e.end)).map((e) => e.text);
    expect(inside).toEqual([]);
  });
  it('grounds no variant to a reference', () => {
    expect(out.entities.filter((e) => e.type === 'mutation').map((e) => e.norm).filter((n) => /^FIG4:/.test(n ?? ''))).toEqual([]);
  });
  it('still tags the genes around them', () => {
    expect(out.entities.some((e) => e.text === 'IL-2' && e.type === 'gene')).toBe(true);
  });
});
