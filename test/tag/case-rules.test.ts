import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../src/tag/abbreviations.js';
import { type CaseMode, TermAutomaton, caseMatches } from '../../src/tag/automaton.js';
import { caseForm } from '../../src/tag/tokens.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const ok = (mode: CaseMode, term: string, surface: string) => caseMatches({ case: mode, form: caseForm(term) }, caseForm(surface), surface);

describe('case modes (each row: a passing and a failing surface)', () => {
  const rows: [CaseMode, string, string, string][] = [
    // mode, term, surface that matches, surface that does not
    ['exact', 'MET', 'MET', 'Met'],
    ['title', 'ARG1', 'Arg1', 'arg1'],
    ['title', 'BTK', 'Btk', 'bTK'],
    ['shape', 'GP78', 'gp78', 'gP78'],
    ['shape', 'AT3', 'AT3', 'at 3'],
    ['shape', 'C-Kit', 'c-kit', 'C-KIT'],
    ['shape', 'p20', 'p20', 'P20'],
  ];
  for (const [mode, term, yes, no] of rows) {
    it(`${mode} ${term}: "${yes}" matches, "${no}" does not`, () => {
      expect(ok(mode, term, yes)).toBe(true);
      expect(ok(mode, term, no)).toBe(false);
    });
  }
  it('fold accepts any case (the automaton key already compared the letters)', () => expect(ok('fold', 'trastuzumab', 'TRASTUZUMAB')).toBe(true));
  it('the automaton applies the entry case mode', () => {
    const a = new TermAutomaton();
    a.add('BTK', { type: 'gene', norm: 'NCBIGene:695', name: 'BTK', case: 'title', source: 't' });
    a.add('AT3', { type: 'gene', norm: 'NCBIGene:462', name: 'SERPINC1', case: 'shape', source: 't' });
    const text = 'Btk and BTK but not bTk; AT3 yes, at 3 no';
    expect(a.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['Btk', 'BTK', 'AT3']);
  });
});

describe('abbreviation definitions with extra parenthesis content', () => {
  const long = (t: string) => findAbbreviations(t, [{ start: 0, end: t.length }]).map((d) => [d.short, t.slice(d.longStart, d.longEnd)]);
  it('takes the short form before ; or ,', () => {
    expect(long('X-linked hypophosphatemic rickets (XLH; OMIM 307800) is rare')).toEqual([['XLH', 'X-linked hypophosphatemic rickets']]);
    expect(long('Calbindin-D28k (CB, ref. 4) binds calcium')).toEqual([['CB', 'Calbindin-D28k']]);
  });
  it('still rejects parentheses that are no definition', () => {
    expect(long('cells were treated (n = 4; p < 0.05) with drug')).toEqual([]);
  });
});

describe('abbreviation whose long form is a known name plus an isoform tag', () => {
  const automaton = new TermAutomaton();
  automaton.add('calbindin', { type: 'gene', norm: 'NCBIGene:793', name: 'CALB1', case: 'fold', source: 'alias' });
  const lexicon = { automaton, stopKeys: new Set<string>(), files: [] };
  const tagged = (text: string) => tagEntities(text, segmentText(text), lexicon).map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);
  it('binds the short form ("Calbindin-D28k (CB)")', () => {
    expect(tagged('Calbindin-D28k (CB) buffers calcium. Loss of CB harms neurons.')).toEqual(['Calbindin=NCBIGene:793', 'CB=NCBIGene:793', 'CB=NCBIGene:793']);
  });
  it('does not bind a short form that is another gene itself ("ubiquitin carboxy-terminal hydrolase-L1 (UCH-L1)")', () => {
    const a = new TermAutomaton();
    a.add('ubiquitin carboxy-terminal hydrolase', { type: 'gene', norm: 'NCBIGene:8314', name: 'BAP1', case: 'fold', source: 'designation' });
    a.add('UCH-L1', { type: 'gene', norm: 'NCBIGene:7345', name: 'UCHL1', case: 'fold', source: 'alias' });
    const lx = { automaton: a, stopKeys: new Set<string>(), files: [] };
    const text = 'ubiquitin carboxy-terminal hydrolase-L1 (UCH-L1) is neuronal. UCH-L1 levels fell.';
    const got = tagEntities(text, segmentText(text), lx).map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);
    expect(got.filter((g) => g.startsWith('UCH-L1'))).toEqual(['UCH-L1=NCBIGene:7345', 'UCH-L1=NCBIGene:7345']);
  });
  it('does not bind when the rest of the long form is more words ("calbindin binding sites (CBS)")', () => {
    expect(tagged('Calbindin binding sites (CBS) were mapped. CBS were many.')).toEqual(['Calbindin=NCBIGene:793']);
  });
});

describe('abbreviation that prefixes a numbered series: "receptor (HER)2"', () => {
  const automaton = new TermAutomaton();
  automaton.add('epidermal growth factor receptor', { type: 'gene', norm: 'NCBIGene:1956', name: 'EGFR', case: 'fold', source: 'name' });
  automaton.add('HER family', { type: 'gene', norm: 'FPLX:ERBB', name: 'ERBB', case: 'fold', source: 'overlay' });
  automaton.add('growth factor', { type: 'gene', norm: 'FPLX:Growth_factor', name: 'Growth_factor', case: 'fold', source: 'famplex' });
  const lexicon = { automaton, stopKeys: new Set<string>(), files: [] };
  const tagged = (text: string) => tagEntities(text, segmentText(text), lexicon).filter((m) => text.slice(m.start, m.end) !== 'HER family').map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);
  it('binds the short form to "<SHORT> family" when the lexicon has it', () => {
    expect(tagged('The human epidermal growth factor receptor (HER)2 is amplified. A pan-HER inhibitor.').filter((m) => m.startsWith('HER='))).toEqual(['HER=FPLX:ERBB', 'HER=FPLX:ERBB']);
  });
  it('suppresses it otherwise ("transforming growth factor (TGF)-beta1")', () => {
    expect(tagged('Transforming growth factor (TGF)-beta1 rose. TGF levels too.').filter((m) => m.startsWith('TGF='))).toEqual([]);
  });
  it('a plain definition still binds ("human epidermal growth factor receptor (HER) is")', () => {
    expect(tagged('The human epidermal growth factor receptor (HER) is amplified. HER rose.').filter((m) => m.startsWith('HER='))).toEqual(['HER=NCBIGene:1956', 'HER=NCBIGene:1956']);
  });
});

describe('series prefix detection', () => {
  const series = (t: string) => findAbbreviations(t, [{ start: 0, end: t.length }]).map((d) => [d.short, d.seriesPrefix]);
  it('a number or Greek letter after the parenthesis marks a series; a word does not', () => {
    expect(series('the human epidermal growth factor receptor (HER)2 gene')).toEqual([['HER', true]]);
    expect(series('transforming growth factor (TGF)-beta1 rose')).toEqual([['TGF', true]]);
    expect(series('the androgen receptor (AR)-dependent actions')).toEqual([['AR', false]]);
  });
});
