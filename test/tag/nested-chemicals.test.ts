import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';
import { NESTED_EXAMPLES, NESTED_SOURCE } from '../../src/tag/nested-chemicals.ts';

const run = (text: string) => processDocument({ id: 'x', source: 'x', format: 'pubtator', text, sha256: '' }, defaultLexicon());

describe('chemicals nested inside gene, class and residue names', () => {
  for (const ex of NESTED_EXAMPLES) {
    it(`${ex.tagged ? 'nests' : 'does not nest'} ${ex.chemical} in "${ex.text}"`, () => {
      const nested = run(ex.text).entities.filter((e) => e.source.startsWith(NESTED_SOURCE)).map((e) => e.text);
      expect(nested.includes(ex.chemical)).toBe(ex.tagged);
      if (ex.tagged && ex.host) expect(ex.text.includes(ex.host)).toBe(true);
    });
  }
  it('keeps the host name as the gene mention', () => {
    const ents = run('Binding to the dopamine D2 receptor was weak.').entities.map((e) => `${e.type}:${e.text}`);
    expect(ents).toEqual(['gene:dopamine D2 receptor', 'drug:dopamine']);
  });
  it('nests the longest chemical name ("nitric oxide", not "oxide")', () => {
    const nested = run('nitric oxide synthase activity').entities.filter((e) => e.source.startsWith(NESTED_SOURCE)).map((e) => e.text);
    expect(nested).toEqual(['nitric oxide']);
  });
  it('gives no relation: "dopamine" inside the receptor name is no agent acting on it', () => {
    const r = run('Haloperidol blocks the dopamine D2 receptor.');
    expect(r.triples.map((t) => t.subject.text)).not.toContain('dopamine');
    expect(r.entities.some((e) => e.text === 'dopamine')).toBe(true);
  });
  it('adds nothing where the text names the chemical on its own', () => {
    expect(run('Dopamine release increased in the striatum.').entities.filter((e) => e.source.startsWith(NESTED_SOURCE))).toEqual([]);
  });
});
