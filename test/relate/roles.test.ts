import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/model/schemas.js';
import {
  adjunctGerundOfOther, byObjectHead, clauseSubject, coordinatedVerb, invert, isClassifier, isModifier, lostSubject, namesDrugClass, objectHead,
} from '../../src/relate/roles.js';
import { viewSentence, groupOf } from '../../src/relate/sentence-view.js';
import type { Mention } from '../../src/tag/mention.js';

/** a view of `text` whose entities are the given strings (first occurrence each, typed gene unless given) */
function view(text: string, ...names: (string | [string, EntityType])[]) {
  const mentions: Mention[] = names.map((n) => {
    const [s, type] = typeof n === 'string' ? [n, 'gene' as EntityType] : n;
    const start = text.indexOf(s);
    return { type, start, end: start + s.length, norm: `X:${s}`, name: s, sentence: 0, source: 't' };
  });
  const v = viewSentence(text, 0, text.length, mentions);
  const group = (s: string) => groupOf(v, v.args.find((a) => text.slice(a.mention.start, a.mention.end) === s)!);
  const at = (w: string) => v.words.indexOf(w);
  return { v, group, at };
}

describe('object head noun', () => {
  it('reads "HEAD of Y" and "Y (modifiers) HEAD"', () => {
    const a = view('X suppressed the expressions of HER2.', 'HER2');
    expect(objectHead(a.v, a.group('HER2'))).toBe('amount');
    const b = view('X reduced HER2 protein levels and AKT kinase activity.', 'HER2', 'AKT');
    expect(objectHead(b.v, b.group('HER2'))).toBe('amount');
    expect(objectHead(b.v, b.group('AKT'))).toBe('activity');
    // activation and phosphorylation of Y are its activity: "induces activation of Y" activates Y
    const c = view('X inhibits HER2 phosphorylation.', 'HER2');
    expect(objectHead(c.v, c.group('HER2'))).toBe('activity');
    const d = view('X did not change HER2.', 'HER2');
    expect(objectHead(d.v, d.group('HER2'))).toBeUndefined();
  });
  it('turns activity verbs into amount predicates and back', () => {
    expect(['inhibits', 'activates', 'upregulates', 'binds'].map((p) => byObjectHead(p, 'amount'))).toEqual(['downregulates', 'upregulates', 'upregulates', 'binds']);
    expect(['downregulates', 'upregulates', 'inhibits'].map((p) => byObjectHead(p, 'activity'))).toEqual(['inhibits', 'activates', 'inhibits']);
    expect([invert('inhibits'), invert('upregulates'), invert('binds')]).toEqual(['activates', 'downregulates', undefined]);
  });
});

describe('subject roles', () => {
  it('"loss of (the) X" flips the sign', () => {
    const a = view('The loss of the ARID1A gene activates AKT.', 'ARID1A', 'AKT');
    expect(lostSubject(a.v, a.group('ARID1A'))).toBe(true);
    expect(lostSubject(a.v, a.group('AKT'))).toBe(false);
  });
  it('classifiers, modifiers and drug classes do not act', () => {
    const a = view('HER2-positive cells, EGF-induced growth and PI3K inhibitors.', 'HER2', 'EGF', 'PI3K');
    expect(isClassifier(a.v, a.group('HER2'))).toBe(true);
    expect(isModifier(a.v, a.group('EGF'))).toBe(true);
    expect(namesDrugClass(a.v, a.group('PI3K'))).toBe(true);
    const b = view('HER2 induced growth.', 'HER2');
    expect(isModifier(b.v, b.group('HER2'))).toBe(false);
  });
  it('a verb coordinated after an object is not that object\'s', () => {
    expect(coordinatedVerb(['and', 'potentially', 'dimerizes', 'with'])).toBe(true);
    expect(coordinatedVerb([')', ',', 'and', 'then', 'activate', 'the'])).toBe(true);
    expect(coordinatedVerb(['and', 'the'])).toBe(false);
    expect(coordinatedVerb(['activates', 'and', 'inhibits'])).toBe(false);
  });
  it('an adjunct gerund belongs to the clause subject', () => {
    const a = view('ERK can crosstalk with AKT by phosphorylating and activating mTOR.', 'ERK', 'AKT', 'mTOR');
    const from = a.v.args[1].last + 1;
    expect(adjunctGerundOfOther(a.v, from, a.at('activating'))).toBe(true);
    expect(clauseSubject(a.v, a.group('AKT'))?.map((x) => x.mention.name)).toEqual(['ERK']);
    const b = view('Lapatinib inhibits growth by blocking HER2.', ['Lapatinib', 'drug'], 'HER2');
    expect(adjunctGerundOfOther(b.v, b.v.args[0].last + 1, b.at('blocking'))).toBe(false);
    const c = view('The effects of X were ablated by neutralizing EGF.', ['X', 'drug'], 'EGF');
    expect(adjunctGerundOfOther(c.v, c.v.args[0].last + 1, c.at('neutralizing'))).toBe(true);
  });
  it('the clause subject is no prepositional object, unless nominalised', () => {
    const a = view('Cells with AKT express HER2 and activate EGFR.', 'AKT', 'HER2', 'EGFR');
    expect(clauseSubject(a.v, a.group('HER2'))).toBeUndefined();
    const b = view('The activation of STAT3 then initiates pathways involving GPCR, leading to resistance.', 'STAT3', 'GPCR');
    expect(clauseSubject(b.v, b.group('GPCR'))?.map((x) => x.mention.name)).toEqual(['STAT3']);
  });
});
