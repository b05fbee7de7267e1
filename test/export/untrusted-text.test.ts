/**
 * Paper text is untrusted (SECURITY.md): a paper written to break the exports, with SQL quotes
 * and statements, markup, tabs, `|` and line breaks in entity and evidence text, comes out of
 * the SQLite export as data (bound parameters), of the KGX TSV as one row per line with every
 * column, and of the BioC XML as escaped text the project's own reader reads back.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { originalText, readRun, type Run } from '../../src/export/run.js';
import { exportSqlite } from '../../src/export/sqlite.js';
import { exportKgx, KGX_EDGE_COLUMNS, KGX_NODE_COLUMNS } from '../../src/export/kgx.js';
import { exportBioc } from '../../src/export/bioc.js';
import { readBiocXml } from '../../src/ingest/bioc.js';
import { parseXml } from '../../src/ingest/xml.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildLexicon } from '../../src/tag/dictionary.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-untrusted-'));
const HOSTILE = [
  "Lapatinib inhibits HER2'); DROP TABLE documents; -- in cells.",
  'Neratinib\tinhibits EGFR | "quoted" <script>alert(1)</script> & more.',
  "Trastuzumab binds HER2 ]]></text><infon key=\"x\">y</infon> with 'single' quotes.",
].join('\n');

let run: Run;
const out = tmp();
beforeAll(async () => {
  const input = tmp();
  writeFileSync(path.join(input, 'evil.txt'), HOSTILE);
  await runPipeline({ input, out, lexicon: buildLexicon('test/fixtures/dictionaries') });
  run = readRun(out);
  expect(run.triples.length).toBeGreaterThanOrEqual(3);
}, 60_000);

describe('untrusted paper text in the exports', () => {
  it('SQLite: every value is a bound parameter, so the text is stored as it is and no statement in it runs', () => {
    const file = path.join(tmp(), 'x.sqlite');
    exportSqlite(run, file);
    const db = new Database(file, { readonly: true });
    const docs = db.prepare('SELECT id, original FROM documents').all() as { id: string; original: string }[];
    const evidence = (db.prepare('SELECT COUNT(*) AS n FROM triples').get() as { n: number }).n;
    db.close();
    expect(docs).toEqual([{ id: 'evil', original: HOSTILE }]);
    expect(evidence).toBe(run.triples.length);
  });

  it('KGX TSV: tabs and line breaks in text never split a row or a column', async () => {
    const dir = tmp();
    await exportKgx(run, dir);
    for (const [f, columns] of [['nodes.tsv', KGX_NODE_COLUMNS], ['edges.tsv', KGX_EDGE_COLUMNS]] as const) {
      const lines = readFileSync(path.join(dir, f), 'utf8').trimEnd().split('\n');
      expect(lines[0].split('\t')).toEqual([...columns]);
      for (const l of lines) expect(l.split('\t'), `${f}: ${l}`).toHaveLength(columns.length);
    }
    const edges = readFileSync(path.join(dir, 'edges.tsv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(edges).toBeGreaterThan(0);
  });

  it('BioC XML: markup and CDATA ends in the text are escaped; the reader gets the original text back', async () => {
    const dir = tmp();
    await exportBioc(run, dir);
    const xml = readFileSync(path.join(dir, 'collection.xml'), 'utf8');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<infon key="x">y</infon>');
    const [record] = readBiocXml(parseXml(xml));
    expect(record.text).toBe(originalText(run, run.documents[0])!.trimEnd());
    expect(record.text).toBe(HOSTILE);
  });
});
