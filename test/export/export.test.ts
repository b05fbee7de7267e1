import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRun, originalText } from '../../src/export/run.js';
import { exportSqlite } from '../../src/export/sqlite.js';
import { exportKgx, KGX_EDGE_COLUMNS, KGX_NODE_COLUMNS } from '../../src/export/kgx.js';
import { exportBioc } from '../../src/export/bioc.js';
import { runPipeline } from '../../src/pipeline.js';
import { PREDICATES } from '../../src/relate/predicates.js';
import { parseXml, childElements, at, textContent, type XmlElement } from '../../src/ingest/xml.js';
import { readBiocXml } from '../../src/ingest/bioc.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-export-'));
const committed = readRun('output');

/** the SQL shown in README under <!-- erbb2-query --> */
function readmeQuery(): string {
  const readme = readFileSync('README.md', 'utf8');
  const m = /<!-- erbb2-query -->\s*```sql\n([\s\S]+?)```/.exec(readme);
  if (!m) throw new Error('README lacks the ERBB2 query block');
  return m[1];
}

describe('SQLite export of the committed output/', () => {
  const file = path.join(tmp(), 'biotriples.sqlite');
  beforeAll(() => { exportSqlite(committed, file); exportSqlite(committed, file); });

  it("answers the README's ERBB2 query: every drug that inhibits ERBB2, with evidence sentences and document ids", () => {
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(readmeQuery()).all() as { drug: string; drug_id: string; doc: string; pmid: string | null; evidence: string }[];
    db.close();
    // the same answer computed from triples.jsonl without SQL
    const expected = committed.triples
      .filter((t) => t.predicate === 'inhibits' && t.object.norm === 'NCBIGene:2064' && ['drug', 'chemical', 'drug_class'].includes(t.subject.type) && !t.negated)
      .map((t) => `${t.subject.norm} ${t.doc} ${t.evidence.text}`);
    expect(rows.map((r) => `${r.drug_id} ${r.doc} ${r.evidence}`).sort()).toEqual(expected.sort());
    expect([...new Set(rows.map((r) => r.drug))]).toEqual(expect.arrayContaining(['Lapatinib', 'Neratinib', 'Tucatinib']));
    expect(rows.every((r) => r.evidence.length > 20)).toBe(true);
  });

  it('is re-runnable (one copy of every row, no temp file left), with keys, indexes and an empty curation table', () => {
    expect(readdirSync(path.dirname(file))).toEqual(['biotriples.sqlite']);
    const db = new Database(file, { readonly: true });
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('triples')).toBe(committed.triples.length);
    expect(count('entities')).toBe(committed.entities.length);
    expect(count('statements')).toBe(committed.statements.length);
    expect(count('curation')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['triples_object', 'entities_norm', 'statements_spo']));
    // originals are stored, and evidence spans hold against them
    const ev = db.prepare('SELECT e.text, e.start, e."end", d.original FROM evidence e JOIN documents d ON d.id = e.doc').all() as { text: string; start: number; end: number; original: string }[];
    expect(ev.length).toBeGreaterThan(50);
    for (const e of ev) expect(e.original.slice(e.start, e.end)).toBe(e.text);
    db.close();
  });
});

describe('KGX export', () => {
  const dir = tmp();
  const structured = tmp();
  beforeAll(async () => {
    await exportKgx(committed, dir);
    await runPipeline({ input: 'test/fixtures/formats', out: structured });
    await exportKgx(readRun(structured), path.join(structured, 'kgx'));
  }, 60_000);
  const readTsv = (file: string) => {
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const cols = header.split('\t');
    return { cols, rows: lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v]))) };
  };

  it('has the required columns, Biolink categories and predicates, and every edge endpoint is a node', () => {
    const nodes = readTsv(path.join(dir, 'nodes.tsv'));
    const edges = readTsv(path.join(dir, 'edges.tsv'));
    expect(nodes.cols).toEqual([...KGX_NODE_COLUMNS]);
    expect(edges.cols).toEqual(expect.arrayContaining(['id', 'subject', 'predicate', 'object', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'publications']));
    expect(edges.cols).toEqual([...KGX_EDGE_COLUMNS]);
    const ids = new Set(nodes.rows.map((n) => n.id));
    expect(ids.size).toBe(nodes.rows.length);
    for (const n of nodes.rows) {
      expect(n.id, n.id).toMatch(/^[A-Za-z][\w.]*:\S/);
      expect(n.category).toMatch(/^biolink:(Gene|GeneFamily|Drug|ChemicalEntity|SequenceVariant|Pathway)$/);
    }
    const biolink = new Set(PREDICATES.map((p) => p.biolink));
    expect(edges.rows.length).toBeGreaterThan(50);
    for (const e of edges.rows) {
      expect(ids.has(e.subject) && ids.has(e.object), `${e.subject} ${e.object}`).toBe(true);
      expect(biolink.has(e.predicate), e.predicate).toBe(true);
      expect([e.knowledge_level, e.agent_type, e.primary_knowledge_source]).toEqual(['not_provided', 'text_mining_agent', 'infores:biotriples']);
    }
    for (const e of edges.rows.filter((x) => ['biotriples:binds', 'biotriples:combined_with', 'biotriples:associated_with'].includes(x.original_predicate)))
      expect(e.subject < e.object, `${e.subject} ${e.object}`).toBe(true);
    const lapatinib = edges.rows.find((e) => e.subject === 'DRUGBANK:DB01259' && e.object === 'NCBIGene:2064' && e.original_predicate === 'biotriples:inhibits');
    expect(lapatinib?.predicate).toBe('biolink:decreases_activity_of');
  });

  it('lists PMIDs as publications where the document has one, and re-runs byte for byte', async () => {
    const edges = readTsv(path.join(structured, 'kgx', 'edges.tsv')).rows;
    expect(edges.some((e) => e.publications.split('|').includes('PMID:11111111'))).toBe(true);
    expect(edges.every((e) => e.publications === '' || /^PMID:\d+(\|PMID:\d+)*$/.test(e.publications))).toBe(true);
    const before = readFileSync(path.join(dir, 'edges.tsv'), 'utf8');
    await exportKgx(committed, dir);
    expect(readFileSync(path.join(dir, 'edges.tsv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['edges.jsonl', 'edges.tsv', 'nodes.jsonl', 'nodes.tsv']);
  });

  it("writes a '|' inside a list element (a file named a|b.txt) as %7C, so a KGX reader splitting on '|' gets one document", async () => {
    const renamed = (id: string) => id.replace(/^/, 'a|b/');
    const run = {
      ...committed,
      documents: committed.documents.map((d) => ({ ...d, id: renamed(d.id) })),
      statements: committed.statements.map((s) => ({ ...s, doc: renamed(s.doc) })),
    };
    const out = tmp();
    await exportKgx(run, out);
    const edges = readTsv(path.join(out, 'edges.tsv')).rows;
    const jsonl = readFileSync(path.join(out, 'edges.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { documents: string[] });
    expect(edges.length).toBe(jsonl.length);
    edges.forEach((e, i) => {
      const cells = e.documents.split('|');
      expect(cells.length).toBe(jsonl[i].documents.length);
      expect(cells.every((c) => c.startsWith('a%7Cb/'))).toBe(true);
      // JSON keeps the id as it is
      expect(jsonl[i].documents.every((d) => d.startsWith('a|b/'))).toBe(true);
    });
  });
});

describe('BioC export', () => {
  const dir = tmp();
  beforeAll(async () => { await exportBioc(committed, dir); });

  const checkCollection = (docs: { id: string; passages: { offset: number; text: string; annotations: { id: string; text: string; locations: { offset: number; length: number }[] }[] }[]; relations: { nodes: { refid: string }[] }[] }[]) => {
    let annotations = 0;
    for (const d of docs) {
      const ids = new Set<string>();
      for (const p of d.passages)
        for (const a of p.annotations) {
          ids.add(a.id);
          for (const l of a.locations) {
            annotations++;
            expect(p.text.slice(l.offset - p.offset, l.offset - p.offset + l.length), a.id).toBe(a.text);
          }
        }
      for (const r of d.relations) for (const n of r.nodes) expect(ids.has(n.refid), n.refid).toBe(true);
    }
    return annotations;
  };

  it('XML parses back; every annotation offset/length is its text in the passage; relations point at annotations', () => {
    const root = parseXml(readFileSync(path.join(dir, 'collection.xml'), 'utf8'));
    const infons = (el: XmlElement) => Object.fromEntries(childElements(el, 'infon').map((i) => [i.attrs.key, textContent(i)]));
    const docs = childElements(root, 'document').map((d) => ({
      id: textContent(at(d, 'id')),
      passages: childElements(d, 'passage').map((p) => ({
        offset: Number(textContent(at(p, 'offset'))),
        text: textContent(at(p, 'text')),
        annotations: childElements(p, 'annotation').map((a) => ({
          id: a.attrs.id, text: textContent(at(a, 'text')), identifier: infons(a).identifier,
          locations: childElements(a, 'location').map((l) => ({ offset: Number(l.attrs.offset), length: Number(l.attrs.length) })),
        })),
      })),
      relations: childElements(d, 'relation').map((r) => ({ type: infons(r).type, nodes: childElements(r, 'node').map((n) => ({ refid: n.attrs.refid })) })),
    }));
    expect(docs.length).toBe(committed.documents.length);
    expect(checkCollection(docs)).toBeGreaterThanOrEqual(committed.entities.length);
    expect(docs.flatMap((d) => d.relations).length).toBe(committed.triples.length);
    expect(docs.flatMap((d) => d.passages.flatMap((p) => p.annotations)).every((a) => a.identifier)).toBe(true);
  });

  it('re-runs byte for byte, leaving no temp file', async () => {
    const before = ['collection.xml', 'collection.json'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
    await exportBioc(committed, dir);
    expect(['collection.xml', 'collection.json'].map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['collection.json', 'collection.xml']);
  });

  it('JSON holds the same collection', () => {
    const json = JSON.parse(readFileSync(path.join(dir, 'collection.json'), 'utf8'));
    expect(checkCollection(json.documents)).toBeGreaterThanOrEqual(committed.entities.length);
  });

  it("biotriples' own BioC reader reads the export back to the original texts", () => {
    const records = readBiocXml(parseXml(readFileSync(path.join(dir, 'collection.xml'), 'utf8')));
    for (const d of committed.documents) {
      const back = records.find((r) => r.id === d.id);
      // blank lines are not passages: the reader fills the gap between passages with newlines
      const original = originalText(committed, d)!.replace(/^[^\S\n]+$/gm, (m) => '\n'.repeat(m.length));
      expect(back!.text, d.id).toBe(original.trimEnd());
    }
  });
});

describe('npm run export (the CLI)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { encoding: 'utf8' });

  it('writes the target it is asked for and says where', () => {
    const out = path.join(tmp(), 'db.sqlite');
    const r = run(['--to', 'sqlite', '--run', 'output', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`triples ${committed.triples.length}, .*→ ${out}`));
  }, 30_000);

  it('rejects an unknown target and a folder that is not a run, with exit status 2', () => {
    expect(run(['--to', 'rdf']).stderr).toMatch(/--to must be sqlite, kgx or bioc/);
    const r = run(['--to', 'kgx', '--run', tmp()]);
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/not a finished run/)]);
  }, 30_000);
});
