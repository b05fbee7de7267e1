import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';
import { SUBSCRIPT_EXAMPLES, SYSTEMATIC_EXAMPLES, findSystematicNames } from '../../src/tag/chemical-names.ts';

const run = (text: string) => processDocument({ id: 'x', source: 'x', format: 'pubtator', text, sha256: '' }, defaultLexicon()).entities;

describe('systematic chemical names by their morphology', () => {
  for (const ex of SYSTEMATIC_EXAMPLES) {
    it(`${ex.tagged ? 'tags' : 'does not tag'} ${ex.mention} in "${ex.text}"`, () => {
      expect(findSystematicNames(ex.text).map(([a, b]) => ex.text.slice(a, b)).includes(ex.mention)).toBe(ex.tagged);
    });
  }
  it('tags the name as an ungrounded chemical and binds the short form the text defines for it', () => {
    const ents = run("The compound 4'-chloro-3-methylbenzophenone (CMBP) was given. CMBP was cleared.");
    const chem = ents.filter((e) => e.type === 'chemical').map((e) => `${e.text} ${e.norm} ${e.source}`);
    expect(chem).toEqual([
      "4'-chloro-3-methylbenzophenone LOCAL:4'-chloro-3-methylbenzophenone shape:systematic",
      "CMBP LOCAL:4'-chloro-3-methylbenzophenone abbreviation",
      "CMBP LOCAL:4'-chloro-3-methylbenzophenone abbreviation",
    ]);
  });
  it('binds a short form whose long form the text writes with locants before it', () => {
    const ents = run('The herbicide 2,6-dichlorobenzonitrile (DCBN) is a nasal toxicant. DCBN is metabolized.');
    expect(ents.filter((e) => e.text === 'DCBN').map((e) => e.norm)).toEqual(['MeSH:C055869', 'MeSH:C055869']);
  });
  it('leaves a word a dictionary term covers to the dictionary', () => {
    const e = run('Treatment with phenylalanine restored growth.').find((x) => x.text === 'phenylalanine');
    expect(e?.source).not.toBe('shape:systematic');
  });
});

describe('parenthesized subscripts: the name the lexicon knows without them', () => {
  for (const ex of SUBSCRIPT_EXAMPLES) {
    it(`${ex.tagged ? 'tags' : 'does not tag'} ${ex.mention} in "${ex.text}"`, () => {
      expect(run(ex.text).some((e) => (e.type === 'drug' || e.type === 'chemical') && e.text === ex.mention)).toBe(ex.tagged);
    });
  }
});
