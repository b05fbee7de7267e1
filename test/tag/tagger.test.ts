import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../src/tag/abbreviations.js';
import { TermAutomaton } from '../../src/tag/automaton.js';
import { CONTEXT_RULES, rejectedBy } from '../../src/tag/context-rules.js';
import { buildLexicon, defaultLexicon } from '../../src/tag/dictionary.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { termKey, tokenize } from '../../src/tag/tokens.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = buildLexicon('test/fixtures/dictionaries');
const tag = (text: string) => tagEntities(text, segmentText(text), lexicon).map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);

describe('tokens', () => {
  it('keys spelling variants alike', () => {
    expect(termKey('HER2')).toBe(termKey('HER-2'));
    expect(termKey('TGF-α')).toBe(termKey('TGF alpha'));
    expect(termKey('HER2/neu')).toBe('her 2 / neu');
  });
  it('marks word boundaries', () => {
    const t = tokenize('p95HER2 x');
    expect(t.map((x) => [x.key, x.wordStart, x.wordEnd])).toEqual([['p', true, false], ['95', false, false], ['her', false, false], ['2', false, true], ['x', true, true]]);
  });
});

describe('TermAutomaton', () => {
  const a = new TermAutomaton();
  a.add('HER2', { type: 'gene', norm: 'NCBIGene:2064', name: 'ERBB2', case: 'exact', source: 't' });
  a.add('trastuzumab', { type: 'drug', norm: 'DrugBank:DB00072', name: 'Trastuzumab', case: 'fold', source: 't' });
  it('matches hyphen and space variants on word boundaries only', () => {
    expect(a.scan('HER-2 and HER2x and Trastuzumab').map((m) => [m.start, m.end])).toEqual([[0, 5], [20, 31]]);
  });
  it('applies the case rule of exact entries', () => expect(a.scan('her2 HER2').map((m) => m.start)).toEqual([5]));
});

describe('ambiguity control', () => {
  it('stop list: a stop-listed symbol is never tagged', () => {
    expect(tag('CAT levels rose while HER2 fell.')).toEqual(['HER2=NCBIGene:2064']);
  });
  it('case rule: lower-case "her2" is not the exact symbol', () => {
    expect(tag('her2 and HER2.')).toEqual(['HER2=NCBIGene:2064']);
  });
  it('abbreviation binds a short form to its long form for the document', () => {
    const text = 'The human epidermal growth factor receptor 2 (HEGR2) is amplified. HEGR2 drives growth.';
    expect(tag(text).filter((m) => m.startsWith('HEGR2'))).toEqual(['HEGR2=NCBIGene:2064', 'HEGR2=NCBIGene:2064']);
  });
  it('abbreviation with a non-gene long form suppresses the short form', () => {
    expect(tag('Endoplasmic reticulum (ER) stress rose. ER was swollen.')).toEqual([]);
    expect(tag('Estrogen receptor ESR1 and ER status.')).toContain('ER=NCBIGene:2099');
  });
  it('a microRNA long form the dictionary lacks (micro-RNA-200a) keeps its short form a gene; a non-molecule long form still suppresses', () => {
    const full = (text: string) => tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene').map((m) => text.slice(m.start, m.end));
    expect(full('Tbeta4 induced micro-RNA-200a (miR-200a) in rat cells. The miR-200a levels rose.').filter((s) => s === 'miR-200a')).toEqual(['miR-200a', 'miR-200a']);
    expect(full('Total antioxidant capacity (TAC) fell. TAC rose in plasma.')).toEqual([]);
    expect(full('TAC rose in plasma.')).toEqual(['TAC']);
  });
  it('a long form naming a cell type or an organelle suppresses its short form even when that is an official symbol or curated term', () => {
    const full = (text: string) => tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene').map((m) => text.slice(m.start, m.end));
    expect(full('Mesenchymal stem cells (MSC) were grown. MSC migrated.')).toEqual([]);
    expect(full('Stress within the endoplasmic reticulum (ER) rose. The ER swelled.')).toEqual([]);
    // other unknown long forms keep a symbol's meaning
    expect(full('Mutations of Bicaudal D2 (BICD2) cause disease. BICD2 binds.').filter((s) => s === 'BICD2')).toHaveLength(2);
    expect(full('Levels of MSC rose.')).toEqual(['MSC']);
    // study measures too: "standard deviation scores (SDS)", "prevalence ratio (PR)"
    expect(full('Height standard deviation scores (SDS) fell. SDS rose.')).toEqual([]);
  });
  it('a short form written as a plural suppresses its singular too, unless the document defines the singular itself', () => {
    // the full lexicon: HCC is an alias of HYCC1, RCC an old symbol of XRCC1
    const full = (text: string) => tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene').map((m) => text.slice(m.start, m.end));
    expect(full('Patients with hepatocellular carcinomas (HCCs) were seen. HCC recurred in 5.')).toEqual([]);
    expect(full('Human renal cell carcinomas (RCCs) express IL-15. RCC cells migrate.')).toEqual(['IL-15']);
    // a binding is not inherited: the plural names a class ("N-acetyltransferases (NATs)"), the singular is not made that class
    expect(full('Arylamine N-acetyltransferases (NATs) acetylate. NAT activity rose.')).toEqual(['Arylamine N-acetyltransferases', 'NATs']);
  });
  it('finds Schwartz-Hearst definitions', () => {
    const t = 'progression-free survival (PFS) was longer';
    const [d] = findAbbreviations(t, [{ start: 0, end: t.length }]);
    expect(t.slice(d.longStart, d.longEnd)).toBe('progression-free survival');
    expect(d.short).toBe('PFS');
  });
  it('longest match wins: a pathway name over the gene inside it', () => {
    expect(tag('HER2 activates the PI3K pathway.')).toEqual(['HER2=NCBIGene:2064', 'PI3K pathway=KEGG:hsa04151']);
  });
  describe('context rules (each example is a test)', () => {
    for (const rule of CONTEXT_RULES)
      for (const ex of rule.examples)
        it(`${rule.id}: ${ex.text}`, () => {
          const start = ex.text.indexOf(ex.mention);
          const by = rejectedBy(ex.text, start, start + ex.mention.length, rule.types[0]);
          // an example either passes every rule or is rejected by this one
          expect(by?.id).toBe(ex.tagged ? undefined : rule.id);
        });
    it('cell lines are not genes in the tagger', () => expect(tag('JIMT-1 cells and CD44 levels.')).toEqual(['CD44=NCBIGene:960']));
  });
});

describe('mutations in the tagger', () => {
  it('tags variants and prefixes the gene of the sentence', () => {
    expect(tag('HER2 V777L and L755_T759del are activating.')).toEqual(['HER2=NCBIGene:2064', 'V777L=ERBB2:p.V777L', 'L755_T759del=ERBB2:p.L755_T759del']);
  });
});
