import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline.js';

const readJsonl = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const input = 'test/fixtures/given/given.pubtator';

describe('--entities: relations between the input\'s own entity annotations', () => {
  it('given: the PubTator mention lines are the mentions (ids as CURIEs), and relations are found between them', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'biotriples-given-'));
    await runPipeline({ input, out, entities: 'given', ledger: undefined });
    const entities = readJsonl(path.join(out, 'entities.jsonl'));
    // "compound X" and "kinase Y" are in no dictionary; "wrong" does not match its offsets and is left out
    expect(entities.map((e) => [e.text, e.type, e.norm])).toEqual([
      ['Gefitinib', 'chemical', 'text:gefitinib'], ['compound X', 'chemical', 'MESH:D999999'], ['kinase Y', 'gene', 'NCBIGene:12345'],
    ]);
    const triples = readJsonl(path.join(out, 'triples.jsonl'));
    expect(triples.map((t) => `${t.subject.text} ${t.predicate} ${t.object.text}`)).toContain('compound X inhibits kinase Y');
    const [title, abstract] = readFileSync(input, 'utf8').split('\n').map((l) => l.replace(/^901\|[ta]\|/, ''));
    const original = `${title} ${abstract}`;
    for (const e of entities) expect(original.slice(e.start, e.end)).toBe(e.text);
  });
  it('tagger (the default) ignores the annotations; both merges them with the tagger\'s', async () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'biotriples-tagger-'));
    await runPipeline({ input, out: a, ledger: undefined });
    const tagged = readJsonl(path.join(a, 'entities.jsonl')).map((e) => e.text);
    expect(tagged).not.toContain('compound X');
    expect(tagged).toContain('EGFR');
    const b = mkdtempSync(path.join(os.tmpdir(), 'biotriples-both-'));
    await runPipeline({ input, out: b, entities: 'both', ledger: undefined });
    const both = readJsonl(path.join(b, 'entities.jsonl')).map((e) => e.text);
    expect(both).toEqual(expect.arrayContaining(['Gefitinib', 'EGFR', 'compound X', 'kinase Y']));
  });
  it('given: BioC annotations too (passages at their offsets), with the same result as the PubTator lines', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'biotriples-given-bioc-'));
    await runPipeline({ input: 'test/fixtures/given/given.bioc.xml', out, entities: 'given', ledger: undefined });
    const entities = readJsonl(path.join(out, 'entities.jsonl'));
    expect(entities.map((e) => [e.text, e.type, e.norm])).toEqual([
      ['Gefitinib', 'chemical', 'text:gefitinib'], ['compound X', 'chemical', 'MESH:D999999'], ['kinase Y', 'gene', 'NCBIGene:12345'],
    ]);
    const saved = readFileSync(path.join(out, 'texts', '902.txt'), 'utf8');
    for (const e of entities) expect(saved.slice(e.start, e.end)).toBe(e.text);
    expect(readJsonl(path.join(out, 'triples.jsonl')).map((t) => `${t.subject.text} ${t.predicate} ${t.object.text}`)).toContain('compound X inhibits kinase Y');
  });
});
