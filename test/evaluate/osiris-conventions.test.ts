import { describe, expect, it } from 'vitest';
import { coreSpan, mapOsirisConventions, RESTATEMENT } from '../../src/evaluate/ner/osiris-conventions.ts';

const core = (t: string) => { const c = coreSpan(t, 0, t.length); return [t.slice(c.start, c.end), ...c.groups.map(([a, b]) => t.slice(a, b))]; };

describe('OSIRIS span conventions', () => {
  it('takes off enclosing brackets and trailing bracketed restatements', () => {
    expect(core('A341V (KCNQ1)')).toEqual(['A341V', 'KCNQ1']);
    expect(core('(V109G)')).toEqual(['V109G']);
    expect(core('386 Val/Ala (T/C) (rs4541)')).toEqual(['386 Val/Ala', 'rs4541', 'T/C']);
    expect(core('+326T>G [V109G]')).toEqual(['+326T>G', 'V109G']);
    expect(core('T(27)-C')).toEqual(['T(27)-C']);
    expect(core('C1431T')).toEqual(['C1431T']);
  });
  it('adds the core as an alternative span and the groups as neutral mentions', () => {
    const text = 'the A341V (KCNQ1) variant';
    const [d] = mapOsirisConventions([{ id: '1', text, mentions: [{ start: 4, end: 17, text: 'A341V (KCNQ1)', type: 'variant', ids: [] }] }]);
    expect(d.mentions[0].alternatives).toEqual([{ start: 4, end: 9 }]);
    expect(d.mentions[1]).toMatchObject({ start: 11, end: 16, text: 'KCNQ1', type: RESTATEMENT });
  });
});
