import { describe, expect, it } from 'vitest';
import {
  coarseClass,
  countsOf,
  decodeXml,
  type GoldRelation,
  matchRelations,
  misaligned,
  parseDrugprot,
  perClass,
  type PredRelation,
  prf,
  toGold,
} from '../../src/evaluate/corpora/drugprot.ts';

// title at 0, abstract passage at offset 30 (a gap of spaces after the 27-character title)
const TITLE = 'Lapatinib &amp; HER2 in BC.';
const ABSTRACT = 'Lapatinib inhibits HER2 &lt;EGFR&gt; kinases.';
const SAMPLE = `<?xml version='1.0' encoding='utf-8' standalone='yes'?>
<collection>
  <source></source>
  <document>
    <id>111</id>
    <passage>
      <infon key="type">title</infon>
      <offset>0</offset>
      <text>${TITLE}</text>
      <annotation id="T1">
        <infon key="type">CHEMICAL</infon>
        <infon key="identifier">lapatinib</infon>
        <location offset="0" length="9"/>
        <text>Lapatinib</text>
      </annotation>
    </passage>
    <passage>
      <infon key="type">abstract</infon>
      <offset>30</offset>
      <text>${ABSTRACT}</text>
      <sentence>
        <offset>30</offset>
        <text>${ABSTRACT}</text>
        <annotation id="T2">
          <infon key="type">CHEMICAL</infon>
          <infon key="identifier">lapatinib</infon>
          <location offset="30" length="9"/>
          <text>Lapatinib</text>
        </annotation>
        <annotation id="T3">
          <infon key="type">GENE-Y</infon>
          <infon key="identifier">her2</infon>
          <location offset="49" length="4"/>
          <text>HER2</text>
        </annotation>
        <annotation id="T4">
          <infon key="type">GENE-N</infon>
          <infon key="identifier">egfr</infon>
          <location offset="55" length="4"/>
          <text>EGFR</text>
        </annotation>
        <relation id="">
          <infon key="type">INHIBITOR</infon>
          <node refid="T2" role="head"/>
          <node refid="T3" role="tail"/>
        </relation>
        <relation id="R2">
          <infon key="type">ANTAGONIST</infon>
          <node refid="T4" role="Arg2"/>
          <node refid="T2" role="Arg1"/>
        </relation>
        <relation id="R3">
          <infon key="type">INHIBITOR</infon>
          <node refid="T2" role="head"/>
          <node refid="T9" role="tail"/>
        </relation>
      </sentence>
    </passage>
  </document>
  <document>
    <id>222</id>
    <passage>
      <offset>0</offset>
      <text>cut off`;

describe('parseDrugprot', () => {
  const corpus = parseDrugprot(SAMPLE);
  const [doc] = corpus.documents;
  it('reads complete documents and counts a truncated one', () => {
    expect(corpus.documents.map((d) => d.id)).toEqual(['111']);
    expect(corpus.truncated).toBe(1);
  });
  it('places passages at their offsets, fills the gap with spaces and decodes entities', () => {
    expect(doc.text).toBe('Lapatinib & HER2 in BC.' + ' '.repeat(7) + 'Lapatinib inhibits HER2 <EGFR> kinases.');
    expect(doc.text.length).toBe(30 + 'Lapatinib inhibits HER2 <EGFR> kinases.'.length);
    expect(doc.sentences).toEqual([{ start: 30, end: 69, text: 'Lapatinib inhibits HER2 <EGFR> kinases.' }]);
  });
  it('reads annotations at every level whose offsets point at their text', () => {
    expect(doc.annotations.map((a) => [a.id, a.type, a.start, a.end, a.text])).toEqual([
      ['T1', 'CHEMICAL', 0, 9, 'Lapatinib'],
      ['T2', 'CHEMICAL', 30, 39, 'Lapatinib'],
      ['T3', 'GENE-Y', 49, 53, 'HER2'],
      ['T4', 'GENE-N', 55, 59, 'EGFR'],
    ]);
    expect(misaligned(doc)).toEqual([]);
  });
  it('resolves relations to a chemical and a gene whatever the roles or their order', () => {
    expect(doc.relations.map((r) => [r.type, r.chemical.id, r.gene.id])).toEqual([
      ['INHIBITOR', 'T2', 'T3'],
      ['ANTAGONIST', 'T2', 'T4'],
    ]);
    expect(doc.unresolved).toBe(1);
    expect(toGold(doc)[0]).toMatchObject({ doc: '111', cls: 'INHIBITOR', chemical: { start: 30, end: 39 }, gene: { start: 49, end: 53 } });
  });
  it('decodes character references and leaves unknown ones', () => {
    expect(decodeXml('a &amp; b &#945; &#x3B2; &quot;x&quot; &foo;')).toBe('a & b α β "x" &foo;');
    expect(parseDrugprot('')).toEqual({ documents: [], truncated: 0 });
  });
});

describe('matchRelations', () => {
  const span = (start: number, end: number, text = 'x') => ({ start, end, text });
  const gold = (cls: string, c: [number, number], g: [number, number], doc = 'd'): GoldRelation =>
    ({ doc, cls, chemical: span(...c), gene: span(...g) });
  const pred = (cls: string, d: [number, number], g: [number, number], doc = 'd'): PredRelation =>
    ({ doc, cls, drug: span(...d), gene: span(...g), predicate: 'inhibits', rule: 'r', trigger: 't', sentence: '' });

  it('matches on overlapping spans and equal class, one to one', () => {
    const g = [gold('INHIBITOR', [0, 9], [20, 24])];
    // "HER2 kinase" vs gold "HER2": overlap is enough
    const m = matchRelations([pred('INHIBITOR', [0, 9], [20, 31]), pred('INHIBITOR', [2, 5], [21, 22])], g);
    expect(m.predToGold).toEqual([0, -1]);
    expect(countsOf(m)).toEqual({ tp: 1, fp: 1, fn: 0 });
  });
  it('does not match touching spans, other documents or another class', () => {
    const g = [gold('INHIBITOR', [0, 9], [20, 24])];
    expect(countsOf(matchRelations([pred('INHIBITOR', [9, 12], [20, 24])], g))).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(countsOf(matchRelations([pred('INHIBITOR', [0, 9], [20, 24], 'e')], g))).toEqual({ tp: 0, fp: 1, fn: 1 });
    const m = matchRelations([pred('ACTIVATOR', [0, 9], [20, 24])], g);
    expect(countsOf(m)).toEqual({ tp: 0, fp: 1, fn: 1 });
    const pc = perClass([pred('ACTIVATOR', [0, 9], [20, 24])], g, m);
    expect(pc.get('ACTIVATOR')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(pc.get('INHIBITOR')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
  it('coarse view: antagonists inhibit, agonists activate', () => {
    expect(['ANTAGONIST', 'AGONIST', 'AGONIST-ACTIVATOR', 'AGONIST-INHIBITOR', 'SUBSTRATE'].map(coarseClass))
      .toEqual(['INHIBITOR', 'ACTIVATOR', 'ACTIVATOR', 'INHIBITOR', 'SUBSTRATE']);
    const g = [gold('ANTAGONIST', [0, 9], [20, 24]), gold('AGONIST', [30, 35], [40, 44])];
    const p = [pred('INHIBITOR', [0, 9], [20, 24]), pred('ACTIVATOR', [30, 35], [40, 44])];
    expect(countsOf(matchRelations(p, g))).toEqual({ tp: 0, fp: 2, fn: 2 });
    const coarse = matchRelations(p, g, (x) => coarseClass(x.cls));
    expect(countsOf(coarse)).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(prf(countsOf(coarse))).toEqual({ p: 1, r: 1, f1: 1 });
  });
  it('uses every location of a discontinuous annotation', () => {
    const g: GoldRelation = { doc: 'd', cls: 'INHIBITOR', chemical: { start: 0, end: 30, text: 'x', spans: [{ start: 0, end: 5 }, { start: 25, end: 30 }] }, gene: span(40, 44) };
    expect(countsOf(matchRelations([pred('INHIBITOR', [10, 15], [40, 44])], [g])).tp).toBe(0);
    expect(countsOf(matchRelations([pred('INHIBITOR', [26, 28], [40, 44])], [g])).tp).toBe(1);
  });
});
