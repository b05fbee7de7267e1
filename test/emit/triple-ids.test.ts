import { cpSync, appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignTripleIds } from '../../src/emit/to-records.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import { processDocument } from '../../src/pipeline.js';
import { buildLexicon } from '../../src/tag/dictionary.js';

const lexicon = buildLexicon('test/fixtures/dictionaries', { cache: false });
const doc = (text: string): SourceDocument => ({ id: 'd', source: 'd.txt', format: 'text', text, sha256: '0'.repeat(64) });
const ids = (text: string, lex = lexicon) => Object.fromEntries(processDocument(doc(text), lex).triples.map((t) => [`${t.subject.text} ${t.predicate} ${t.object.text}`, t.id]));

const BASE = 'Lapatinib inhibits HER2. Trastuzumab binds HER2 in resistant cells.';

describe('triple ids', () => {
  const before = ids(BASE);

  it('the fixture gives the triples these tests follow', () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['Lapatinib inhibits HER2', 'Trastuzumab binds HER2']));
  });

  it('survive an unrelated sentence inserted before them (offsets shift, ids do not)', () => {
    const after = ids(`The weather was mild that year. ${BASE}`);
    expect(after).toEqual(before);
  });

  it('change when the evidence sentence itself changes', () => {
    const after = ids('Lapatinib strongly inhibits HER2. Trastuzumab binds HER2 in resistant cells.');
    expect(after['Lapatinib inhibits HER2']).not.toBe(before['Lapatinib inhibits HER2']);
    expect(after['Trastuzumab binds HER2']).toBe(before['Trastuzumab binds HER2']);
  });

  it('survive an unrelated dictionary row', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-dict-'));
    cpSync('test/fixtures/dictionaries', dir, { recursive: true });
    appendFileSync(path.join(dir, 'drugs.tsv'), 'aspirin\tDrugBank:DB00945\tAcetylsalicylic acid\tfold\tdrugbank\n');
    expect(ids(BASE, buildLexicon(dir, { cache: false }))).toEqual(before);
  });

  it('do not depend on rule, confidence or flags, and count repeats of the same claim', () => {
    const [t] = processDocument(doc(BASE), lexicon).triples;
    const again = assignTripleIds([{ ...t, rule: 'other-rule', confidence: 0.1, hedged: !t.hedged, id: '' }]);
    expect(again[0].id).toBe(t.id);
    const twice = processDocument(doc('Lapatinib inhibits HER2. Lapatinib inhibits HER2.'), lexicon).triples;
    expect(twice).toHaveLength(2);
    expect(new Set(twice.map((x) => x.id)).size).toBe(2);
    expect(twice.map((x) => x.id)).toContain(before['Lapatinib inhibits HER2']);
  });
});
