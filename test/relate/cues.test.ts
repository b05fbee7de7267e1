import { describe, expect, it } from 'vitest';
import { HEDGE_CUES, NEGATION_CUES, findCue, hasCue } from '../../src/relate/cues.js';
import { relateSentence, scoreConfidence } from '../../src/relate/relate.js';
import { segmentText } from '../../src/segment/segment.js';
import { TermAutomaton } from '../../src/tag/automaton.js';
import { tagEntities } from '../../src/tag/tag-entities.js';

const automaton = new TermAutomaton();
automaton.add('lapatinib', { type: 'drug', norm: 'DrugBank:DB01259', name: 'Lapatinib', case: 'fold', source: 't' });
automaton.add('HER2', { type: 'gene', norm: 'NCBIGene:2064', name: 'ERBB2', case: 'exact', source: 't' });
const lexicon = { automaton, stopKeys: new Set<string>(), files: [] };
const relate = (t: string) => {
  const s = segmentText(t);
  return relateSentence(t, s[0], tagEntities(t, s, lexicon));
};

const NEGATED: Record<string, string> = {
  'neg-not': 'Lapatinib did not inhibit HER2.',
  'neg-no': 'Lapatinib had no inhibiting effect, inhibiting HER2 no more.',
  'neg-failed': 'Lapatinib failed to inhibit HER2.',
  'neg-fails': 'Lapatinib fails to inhibit HER2.',
  'neg-unable': 'Lapatinib was unable to inhibit HER2.',
  'neg-cannot': 'Lapatinib cannot inhibit HER2.',
  'neg-neither': 'Lapatinib neither inhibits HER2.',
  'neg-without': 'Lapatinib, without inhibiting HER2.',
  'neg-independent': 'Lapatinib, independent of inhibiting HER2.',
  'neg-lack': 'Lapatinib, for lack of inhibiting HER2.',
  'neg-absence': 'Lapatinib, in absence of inhibiting HER2.',
};

describe('negation cues', () => {
  for (const cue of NEGATION_CUES)
    it(cue.id, () => {
      const [r] = relate(NEGATED[cue.id]);
      expect(r.negated).toBe(true);
      expect(r.confidence).toBeLessThan(relate('Lapatinib inhibits HER2.')[0].confidence);
    });
  it('an affirmative sentence is not negated', () => expect(relate('Lapatinib inhibits HER2.')[0].negated).toBe(false));
});

describe('hedge cues', () => {
  for (const cue of HEDGE_CUES)
    it(cue.id, () => {
      const [r] = relate(`Lapatinib inhibits HER2, ${cue.words.join(' ')} x.`);
      expect(r.hedged).toBe(true);
      expect(r.negated).toBe(false);
    });
  it('a plain statement is not hedged', () => expect(relate('Lapatinib inhibits HER2.')[0].hedged).toBe(false));
});

describe('confidence', () => {
  it('falls with distance, negation and hedging and stays in [0.05, 0.99]', () => {
    expect(scoreConfidence(0.8, 2, false, false)).toBe(0.8);
    expect(scoreConfidence(0.8, 12, false, false)).toBeLessThan(0.8);
    expect(scoreConfidence(0.8, 2, true, false)).toBeLessThan(scoreConfidence(0.8, 2, false, true));
    expect(scoreConfidence(0.01, 50, true, true)).toBe(0.05);
  });
});

describe('hasCue', () => {
  it('says whether findCue finds a cue, on every window of cue-like words', () => {
    // same first letter and length as cues ("mat" / "may"), two-word cues cut at the end, cues mid-window
    const words = 'mat may failed to failed fails unable to thought tx appears to lack of x no'.split(' ');
    let found = 0;
    for (const cues of [NEGATION_CUES, HEDGE_CUES])
      for (let i = 0; i <= words.length; i++)
        for (let j = i; j <= words.length; j++) {
          const window = words.slice(i, j);
          expect(hasCue(window, cues), window.join(' ')).toBe(!!findCue(window, cues));
          if (hasCue(window, cues)) found++;
        }
    expect(found).toBeGreaterThan(50);
    expect(hasCue(['failed'], NEGATION_CUES)).toBe(false);
    expect(hasCue(['mat', 'mas'], HEDGE_CUES)).toBe(false);
  });
});
