import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';
import { ORGANISM, REAGENTS, REAGENT_EXAMPLES } from '../../src/tag/reagents.ts';

const run = (text: string) => processDocument({ id: 'r', source: 'r', format: 'markdown', text, sha256: '' }, defaultLexicon());

describe('reagents and organisms are not drugs', () => {
  for (const ex of REAGENT_EXAMPLES) {
    it(`${ex.mention} in ${ex.section}: ${ex.expected}`, () => {
      const text = `# ${ex.section}\n\n${ex.text}\n`;
      const e = run(text).entities.find((x) => x.text === ex.mention);
      if (ex.expected === 'dropped') expect(e, 'an organism is no mention').toBeUndefined();
      else {
        expect(e?.type).toBe(ex.expected);
        expect(e?.section).toBe(ex.section);
      }
    });
  }
  it('keeps a Methods-only reagent a drug outside Methods', () => {
    expect(run('# Results\n\nAmpicillin-treated patients recovered.\n').entities.find((x) => /ampicillin/i.test(x.text))?.type).toBe('drug');
  });
  it('lists each reagent once and recognizes organisms by name', () => {
    expect(REAGENTS.get('dmso')).toBe('always');
    expect(REAGENTS.get('ampicillin')).toBe('methods');
    expect(ORGANISM.test('Bifidobacterium longum')).toBe(true);
    expect(ORGANISM.test('Doxorubicin')).toBe(false);
  });
});
