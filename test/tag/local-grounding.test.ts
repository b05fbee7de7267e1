import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { documentCandidate, LOCAL_REWRITES, sameSpelling } from '../../src/tag/local-grounding.js';
import type { Mention } from '../../src/tag/mention.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = defaultLexicon();
const genes = (text: string) =>
  tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);

/** spellings each rewrite must leave alone */
const UNTOUCHED: Record<string, string[]> = {
  greek: ['alpha-actinin', 'IFN-gamma'],
  initials: ['interleukin-6', 'IL (6)'],
  'glued-word': ['Jagged', 'p53', 'cyclin'],
  'c-prefix': ['cyclin', 'CKit'],
  hyphen: ['IL-6', 'Bcl-2', 'interferon-gamma-inducible'],
  phospho: ['p53', 'pS', 'PERK'],
  'splice-variant': ['Nav1', 'lv2'],
  soluble: ['sFas', 'siRNA', 'shRNA', 'sRNA', 'SNAP25'],
  'dominant-negative': ['DNMT3', 'DNA', 'p63'],
  'genotype-suffix': ['H2Kd', 'Pten-KO', 'KO'],
  'head-word': ['kinase', 'Lyn kinase domain'],
};

describe('rewrites of LOCAL: gene spans', () => {
  for (const r of LOCAL_REWRITES) {
    it(`${r.id}: its examples, and spellings it leaves alone`, () => {
      for (const [from, to] of r.examples) expect(r.rewrite(from)).toBe(to);
      for (const s of UNTOUCHED[r.id] ?? []) expect(r.rewrite(s)).toBeUndefined();
    });
  }
  it('grounds learned spans the dictionary holds in another spelling, and only the id changes', () => {
    const out = genes('Levels of IL-15Ralpha rose, with interleukin (IL)-6, cyclinD1 and FLNBv4.');
    expect(out).toEqual(['IL-15Ralpha=NCBIGene:3601', 'interleukin (IL)-6=NCBIGene:3569', 'cyclinD1=NCBIGene:595', 'FLNBv4=NCBIGene:2317']);
  });
  it('same-spelling: a LOCAL span takes the one identifier the document gives the same spelling elsewhere (case aside)', () => {
    const text = 'LEM2 binds. Lem2 rose. Lem2p fell. MK2 and MK2 and Mk2.';
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const m = (start: number, len: number, norm: string): Mention => ({ type: 'gene', start, end: start + len, norm, name: '', sentence: 0, source: norm.startsWith('LOCAL:') ? 'learned' : 'symbol' });
    const out = sameSpelling(text, [m(0, 4, 'NCBIGene:221496'), m(at('Lem2 '), 4, 'LOCAL:lem2'), m(at('Lem2p'), 5, 'LOCAL:lem2p'),
      m(at('MK2'), 3, 'NCBIGene:8569'), m(at('MK2', at('MK2') + 1), 3, 'NCBIGene:9261'), m(at('Mk2'), 3, 'LOCAL:mk2')]);
    expect(out.map((x) => `${text.slice(x.start, x.end)}=${x.norm}`)).toEqual(['LEM2=NCBIGene:221496', 'Lem2=NCBIGene:221496', 'Lem2p=LOCAL:lem2p', 'MK2=NCBIGene:8569', 'MK2=NCBIGene:9261', 'Mk2=LOCAL:mk2']);
    expect(out[1].source).toBe('learned|local:same-spelling');
  });
  it('grounds soluble, dominant-negative and genotype-marked forms to the gene they name', () => {
    const text = 'Levels of soluble TNF receptor 2 (sTNF-R2) were higher in patients. DNp63a expression was lost in tumours.';
    const all = tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}|${m.source.split('|').find((x) => x.startsWith('local:')) ?? '-'}`);
    expect(all).toContain('sTNF-R2=NCBIGene:7133|local:soluble');
    expect(all).toContain('DNp63a=NCBIGene:8626|local:dominant-negative');
  });
  it('document-candidate: an ambiguous name takes the one claimant the document otherwise names', () => {
    // valid: IL6ST (3572) is named, so gp130 (IL6ST | CNTFR... claimants) takes it; TICAM1 named, so TRIF takes it
    const valid = [
      'Interleukin-6 signal transducer (IL6ST) expression rose in tumours. Levels of gp130 correlated with STAT3 activation.',
      'TICAM1 is an adaptor. Loss of TRIF abolished interferon induction in macrophages.',
    ];
    for (const text of valid) {
      const all = tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene' && m.source.includes('local:document-candidate'));
      expect(all.length, text).toBe(1);
    }
    expect(genes(valid[0])).toContain('gp130=NCBIGene:3572');
    expect(genes(valid[1])).toContain('TRIF=NCBIGene:148022');
    // invalid: no claimant named elsewhere, so the span stays LOCAL
    const alone = 'Levels of gp130 correlated with STAT3 activation in tumours.';
    expect(genes(alone)).toContain('gp130=LOCAL:gp130');
    // invalid: two claimants named, so neither is taken
    const text = 'ABC1 and XYZ2 were named; then AMB rose.';
    const m = (s: string, norm: string): Mention => ({ type: 'gene', start: text.indexOf(s), end: text.indexOf(s) + s.length, norm, name: s, sentence: 0, source: norm.startsWith('LOCAL:') ? 'learned' : 'symbol' });
    const ambiguous = new Map([['amb', ['NCBIGene:1', 'NCBIGene:2']]]);
    const two = documentCandidate(text, [m('ABC1', 'NCBIGene:1'), m('XYZ2', 'NCBIGene:2'), m('AMB', 'LOCAL:amb')], ambiguous);
    expect(two[2].norm).toBe('LOCAL:amb');
    const one = documentCandidate(text, [m('ABC1', 'NCBIGene:1'), m('XYZ2', 'NCBIGene:3'), m('AMB', 'LOCAL:amb')], ambiguous);
    expect(one[2].norm).toBe('NCBIGene:1');
    expect(one[2].source).toBe('learned|local:document-candidate');
  });
  it('document-candidate spans: an ambiguous word no tagger found becomes the one claimant the document names', () => {
    const fired = (text: string) => tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene' && m.source === 'ambiguous|local:document-candidate')
      .map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);
    // valid: AP4 is claimed by TFAP4 and another gene; the document names TFAP4
    expect(fired('The transcription factor TFAP4 is encoded by a c-MYC target gene. Inhibition of AP4 in CRC cells decreased migration.')).toEqual(['AP4=NCBIGene:7023']);
    // invalid: no claimant named
    expect(fired('Inhibition of AP4 in CRC cells decreased migration.')).toEqual([]);
    // invalid: a label of a numbered series (AP3 beside AP4)
    expect(fired('The transcription factor TFAP4 is a c-MYC target. Variants were found in exon 2 (AP3 and AP4).')).toEqual([]);
    // invalid: a short form the document defines as something else
    expect(fired('Arylsulfatase A (ARSA) deficiency causes metachromatic leukodystrophy (MLD). Patients with MLD were examined.')).toEqual([]);
  });
});
