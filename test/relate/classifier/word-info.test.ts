import { describe, expect, it } from 'vitest';
import { NEGATION_CUES } from '../../../src/relate/cues.js';
import { TRIGGERS } from '../../../src/relate/triggers.js';
import { W, wordId } from '../../../src/relate/classifier/feature-names.js';
import { stem } from '../../../src/relate/classifier/stem.js';
import { CLAUSE_WORDS, ownOf, wordInfo } from '../../../src/relate/classifier/word-info.js';

describe('wordInfo', () => {
  it('gives what the trigger lexicon, the negation cues and the clause words say of a word', () => {
    for (const w of ['inhibits', 'failed', 'which', ',', 'lapatinib', 'no', 'lack']) {
      const info = wordInfo(w);
      expect(info.trigger).toBe(TRIGGERS.get(w));
      const cues = NEGATION_CUES.filter((c) => c.words[0] === w).map((c) => c.words);
      expect(info.negations).toEqual(cues.length ? cues : undefined);
      expect(info.clause).toBe(CLAUSE_WORDS.has(w));
    }
    expect(wordInfo('inhibits').trigger).toBeDefined();
    expect(wordInfo('failed').negations).toEqual([['failed', 'to']]);
    expect(wordInfo('which').clause).toBe(true);
  });

  it("gives a word's own id: '<num>' for digits, else its stem's", () => {
    expect(ownOf('123', wordInfo('123'))).toBe(W['<num>']);
    expect(ownOf('inhibits', wordInfo('inhibits'))).toBe(wordId(stem('inhibits')));
    expect(ownOf('inhibits', wordInfo('inhibits'))).toBe(ownOf('inhibits', wordInfo('inhibits')));
  });
});
