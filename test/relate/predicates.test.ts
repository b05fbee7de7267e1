import { describe, expect, it } from 'vitest';
import { DRUGPROT_BY_TRIGGER, drugprotClass, triggerLemma } from '../../src/relate/predicates.js';

describe('DrugProt class by predicate and trigger (each example is a test)', () => {
  for (const row of DRUGPROT_BY_TRIGGER)
    for (const ex of row.examples)
      it(`${row.drugprot}: ${ex.sentence}`, () => expect(drugprotClass(row.predicate, ex.trigger, ex.object)).toBe(row.drugprot));
  it('falls back to the predicate class', () => {
    expect(drugprotClass('inhibits', 'inhibitor', 'HER2')).toBe('INHIBITOR');
    expect(drugprotClass('inhibits', 'inhibited by', 'HER2')).toBe('INHIBITOR');
    expect(drugprotClass('activates', 'activates', 'AKT')).toBe('ACTIVATOR');
    expect(drugprotClass('targets', 'targeting', 'HER2')).toBe('INHIBITOR');
    expect(drugprotClass('confers_resistance_to', 'confers', 'trastuzumab')).toBeNull();
  });
  it('a blocker of a channel or enzyme stays an inhibitor', () => expect(drugprotClass('inhibits', 'blocker', 'L-type calcium channel')).toBe('INHIBITOR'));
  it('the lemma is the trigger\'s: antagonists → antagonist, antagonized by → antagonize, antagonises → antagonize', () => {
    expect(['antagonists', 'Antagonized by', 'antagonises', 'blockers', 'agonists'].map(triggerLemma)).toEqual(['antagonist', 'antagonize', 'antagonize', 'blocker', 'agonist']);
  });
});
