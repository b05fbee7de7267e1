import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePubtatorId, encodePubtatorId, parsePubtator, pubtatorText } from '../../src/ingest/pubtator.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { toPubtator } from '../../src/emit/pubtator.js';
import type { Entity } from '../../src/model/schemas.js';

const readJsonl = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const tmpFile = (name: string, content: string) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'biotriples-pt-')), name);
  writeFileSync(file, content);
  return file;
};

describe('PubTator ids', () => {
  it.each(['PMC123-x', 'a|b', 'tab\there', 'new\nline', '50%', 'space d', 'naïve/ü'])('%j is escaped on output and read back', (id) => {
    const encoded = encodePubtatorId(id);
    expect(encoded).not.toMatch(/[|\s]/);
    expect(decodePubtatorId(encoded)).toEqual({ id });
  });
  it('plain ids stay as they are', () => {
    expect(encodePubtatorId('trastuzumab-resistance-review-2022')).toBe('trastuzumab-resistance-review-2022');
  });
  it.each([['', /empty/], ['a b', /whitespace/], ['x%zz', /malformed/], ['%FF', /not UTF-8/], ['9'.repeat(201), /longer than 200/]])('%j is not a valid id', (raw, reason) => {
    expect(decodePubtatorId(raw)).toEqual({ problem: expect.stringMatching(reason) });
  });

  it('the writer and the reader round-trip ids with newline, tab, | and - (entities still line up)', () => {
    const text = 'Lapatinib title\nLapatinib inhibits HER2.';
    const ent = (id: string): Entity => ({ doc: id, id: `${id}#drug:0-9`, type: 'drug', text: 'Lapatinib', start: 0, end: 9, norm: 'DrugBank:DB01259', name: 'lapatinib', sentence: 0, section: '', source: 'test' });
    const ids = ['a-b', 'x\ny', 't\tz', 'p|q'];
    const parsed = parsePubtator(toPubtator(ids.map((id) => ({ id, text, entities: [ent(id)], statements: [] }))));
    expect(parsed.map((d) => d.pmid)).toEqual(ids);
    for (const d of parsed) {
      expect(pubtatorText(d)).toBe(text.replace('\n', ' '));
      expect(d.annotations).toHaveLength(1);
      expect(pubtatorText(d).slice(Number(d.annotations[0][1]), Number(d.annotations[0][2]))).toBe('Lapatinib');
    }
  });
});

describe('PubTator input problems are per document', () => {
  it('a PMID given twice is an error for that PMID (no copy used); the others are read', async () => {
    const file = tmpFile('dup.pubtator', '1|t|One.\n1|a|Lapatinib.\n\n2|t|Two.\n2|a|Neratinib.\n\n1|t|Other one.\n1|a|Trastuzumab.\n1\t0\t5\tOther\tGene\t1\n');
    const { documents, problems } = await ingestFile(file);
    expect(documents.map((d) => d.id)).toEqual(['2']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, code: 'duplicate-id', where: { doc: '1', position: { line: 7 } } });
    expect(problems[0].reason).toMatch(/PMID 1 appears 2 times \(lines 1, 7\)/);
  });
  it('an invalid id is an error for that document only', async () => {
    const file = tmpFile('bad-id.pubtator', 'a b|t|Spaced.\na b|a|Text.\n\n3|t|Three.\n3|a|Text.\n');
    const { documents, problems } = await ingestFile(file);
    expect(documents.map((d) => d.id)).toEqual(['3']);
    expect(problems.map((p) => [p.code, p.where.position?.line])).toEqual([['pubtator-id', 1]]);
  });
});

describe('round trip of the project\'s own output', () => {
  it('the committed output/annotations.pubtator reads back with the corpus ids and texts', async () => {
    if (!existsSync('output/annotations.pubtator')) return;
    const { documents, problems } = await ingestFile('output/annotations.pubtator');
    expect(problems).toEqual([]);
    const records = readJsonl('output/documents.jsonl').filter((d) => d.status === 'ok');
    expect(documents.map((d) => d.id)).toEqual(records.map((d) => d.id));
    expect(documents.some((d) => d.id.includes('-'))).toBe(true);
    for (const d of documents) {
      const original = readFileSync(records.find((r) => r.id === d.id).source, 'utf8');
      // title + separator + abstract is the original with its first newline (and tabs, |) as spaces
      expect(d.text).toBe(original.replace('\n', ' ').replace(/[\r\n\t|]/g, ' '));
    }
    const entities = readJsonl('output/entities.jsonl');
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const lines = parsePubtator(readFileSync('output/annotations.pubtator', 'utf8')).flatMap((d) => d.annotations.filter((a) => /^\d+$/.test(a[1])).map((a) => ({ doc: d.pmid, a })));
    expect(lines).toHaveLength(entities.length);
    for (const { doc, a } of lines) expect(texts.get(doc)!.slice(Number(a[1]), Number(a[2]))).toBe(a[3]);
  });
});
