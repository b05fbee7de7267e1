import { describe, expect, it } from 'vitest';
import { onlyTerms, ROWS, rowSelected } from '../../src/cli/eval-ner.ts';

describe('eval:ner --only', () => {
  const names = (arg?: string) => ROWS.filter((r) => rowSelected(r, onlyTerms(arg))).map((r) => `${r.corpus} ${r.split}`);

  it('selects every row without a term', () => {
    expect(names()).toHaveLength(ROWS.length);
  });

  it('takes several comma-separated substrings, case-insensitive', () => {
    const one = names('nlm-gene test');
    const two = names('BioRED dev');
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(names('NLM-Gene test, BioRED dev')).toEqual(ROWS.map((r) => `${r.corpus} ${r.split}`).filter((n) => one.includes(n) || two.includes(n)));
  });

  it('ignores empty terms', () => {
    expect(onlyTerms(' ,osiris,, ')).toEqual(['osiris']);
  });
});
