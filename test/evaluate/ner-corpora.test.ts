import { describe, expect, it } from 'vitest';
import { parseBc2gm, parseMutationFinder, parseOsiris, parsePubtatorNer } from '../../src/evaluate/corpora/ner.ts';
import { f1, prf, scoreDocument, scoreSets, type NerScore } from '../../src/evaluate/ner-score.ts';

const fresh = (): NerScore => ({ exact: prf(), overlap: prf(), id: prf(), errors: [] });

describe('NER corpus readers', () => {
  it('reads PubTator mentions with ids and keeps the tmVar form only', () => {
    const [d] = parsePubtatorNer('1|t|BRAF V600E\n1|a|in mice\n1\t0\t4\tBRAF\tGene\t673\n1\t5\t10\tV600E\tProteinMutation\tp|SUB|V|600|E;Gene:673\n');
    expect(d.text).toBe('BRAF V600E in mice');
    expect(d.mentions.map((m) => m.ids)).toEqual([['673'], ['p|SUB|V|600|E']]);
  });
  it('maps BC2GM space-free offsets to characters and links ALTGENE alternatives', () => {
    const [d] = parseBc2gm('S1 the Abl kinase binds\n', 'S1|3 5|Abl\n', 'S1|3 11|Abl kinase\n');
    expect(d.mentions[0]).toMatchObject({ start: 4, end: 7, text: 'Abl' });
    expect(d.mentions[0].alternatives).toEqual([{ start: 4, end: 14 }]);
  });
  it('strips OSIRIS inline tags into offsets over title + space + abstract', () => {
    const [d] = parseOsiris('<Articles><Article><Pmid>9</Pmid><Title>A <gene g_id="1">TP53</gene> study</Title><Abstract>The <variant v_norm="R72P">R72P &amp; X</variant>.</Abstract></Article></Articles>');
    expect(d.text).toBe('A TP53 study The R72P & X.');
    expect(d.mentions.map((m) => d.text.slice(m.start, m.end))).toEqual(['TP53', 'R72P & X']);
    expect(d.mentions[1].ids).toEqual(['R72P']);
  });
  it('reads OSIRIS annotations that touch or nest back to the text once, each mention in place', () => {
    const xml = '<Article><Pmid>1</Pmid><Title><variant v_norm="C242T">C242T</variant><gene>CYBA</gene> polymorphism</Title>' +
      '<Abstract>Cases with <variant v_norm="I462V">Ile/Val at CYP1A1 codon 462</variant><gene>CYP1A1</gene> codon 462 were older; ' +
      'carriers of <gene>MC4R</gene><gene>MC4R gene</gene> mutations; <variant>R72P</variant> in<gene>TP53</gene>; ' +
      'the <variant>G allele of the TNFRII gene (TNFRII 196R)</variant> gene (<gene>TNFRII</gene> <variant>196R</variant>) has; ' +
      '<variant>C1431T </variant><variant>1431T</variant> variants, not T</Abstract></Article>';
    const [d] = parseOsiris(xml);
    expect(d.text).toBe('C242T CYBA polymorphism Cases with Ile/Val at CYP1A1 codon 462 were older; carriers of MC4R gene mutations; R72P inTP53; ' +
      'the G allele of the TNFRII gene (TNFRII 196R) has; C1431T variants, not T');
    expect(d.mentions.map((m) => m.text)).toEqual(['C242T', 'CYBA', 'Ile/Val at CYP1A1 codon 462', 'CYP1A1', 'MC4R', 'MC4R gene', 'R72P', 'TP53',
      'G allele of the TNFRII gene (TNFRII 196R)', 'TNFRII', '196R', 'C1431T', '1431T']);
    for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
    expect(d.mentions[3].start).toBe(d.text.indexOf('CYP1A1'));
  });
  it('reads MutationFinder gold as per-abstract sets', () => {
    const [d] = parseMutationFinder('5\tTitle\tA G12V and G12V.\n', '5\tG12V\tG12V\n');
    expect(d.mentions.map((m) => m.text)).toEqual(['G12V']);
  });
});

describe('NER scoring', () => {
  const doc = { id: 'd', text: 'x', mentions: [] };
  it('counts exact, overlap and id; neutral spans are left out', () => {
    const s = fresh();
    const gold = [{ start: 0, end: 4, text: 'BRAF', type: 'Gene', ids: ['673'] }, { start: 10, end: 14, text: 'KRAS', type: 'Gene', ids: ['3845'] }];
    const neutral = [{ start: 20, end: 23, text: 'RAS', type: 'FamilyName', ids: [] }];
    const pred = [{ start: 0, end: 4, text: 'BRAF', id: '673' }, { start: 10, end: 12, text: 'KR', id: '1' }, { start: 20, end: 23, text: 'RAS', id: 'FPLX:RAS' }];
    scoreDocument(s, doc, gold, neutral, pred, (p, g) => g.ids.includes(p.id!));
    expect(s.exact).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.overlap).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(s.id).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(f1(s.exact)).toBeCloseTo(0.5);
  });
  it('scores document-level sets', () => {
    const s = fresh();
    scoreSets(s, doc, ['G12V', 'Q61K'], ['G12V', 'A1T', 'G12V']);
    expect(s.id).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});
