/**
 * SQLite export (better-sqlite3): documents, evidence sentences, entities, triples, statements
 * (with their evidence triples) and an empty curation table keyed by triple id, with keys and
 * indexes for the queries curators and loaders run (by gene, drug, predicate, document).
 * The database is built in a temp file beside the target and renamed over it, so a re-run
 * replaces it whole and a reader never sees half a database.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PREDICATE_BY_ID } from '../relate/predicates.js';
import { originalText, type Run } from './run.js';

export const SQLITE_SCHEMA = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, format TEXT NOT NULL, pmid TEXT, pmcid TEXT,
  sha256 TEXT NOT NULL, chars INTEGER NOT NULL, sentences INTEGER NOT NULL, status TEXT NOT NULL, error TEXT,
  original TEXT -- the text every offset indexes (NULL when its source could not be read)
);
CREATE TABLE evidence (
  id TEXT PRIMARY KEY, -- <doc>:<start>-<end>
  doc TEXT NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL, section TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE TABLE entities (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL, text TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, norm TEXT NOT NULL, name TEXT NOT NULL, sentence INTEGER NOT NULL, source TEXT NOT NULL
);
CREATE TABLE triples (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
  subject_norm TEXT NOT NULL, subject_name TEXT NOT NULL, subject_type TEXT NOT NULL, subject_text TEXT NOT NULL, subject_start INTEGER NOT NULL, subject_end INTEGER NOT NULL,
  predicate TEXT NOT NULL, biolink_predicate TEXT,
  object_norm TEXT NOT NULL, object_name TEXT NOT NULL, object_type TEXT NOT NULL, object_text TEXT NOT NULL, object_start INTEGER NOT NULL, object_end INTEGER NOT NULL,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  negated INTEGER NOT NULL, hedged INTEGER NOT NULL, confidence REAL NOT NULL, rule TEXT NOT NULL, trigger TEXT NOT NULL
);
CREATE TABLE statements (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
  subject_norm TEXT NOT NULL, subject_name TEXT NOT NULL, subject_type TEXT NOT NULL, predicate TEXT NOT NULL,
  object_norm TEXT NOT NULL, object_name TEXT NOT NULL, object_type TEXT NOT NULL,
  negated INTEGER NOT NULL, hedged INTEGER NOT NULL, confidence REAL NOT NULL
);
CREATE TABLE statement_evidence (
  statement_id TEXT NOT NULL REFERENCES statements(id), triple_id TEXT NOT NULL REFERENCES triples(id),
  PRIMARY KEY (statement_id, triple_id)
);
CREATE TABLE curation ( -- filled by curators; keyed by triple id (a verdict may outlive its triple)
  triple_id TEXT PRIMARY KEY, verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'correct')),
  reason TEXT, corrected_predicate TEXT, curator TEXT NOT NULL, curated_at TEXT NOT NULL
);
CREATE INDEX entities_doc ON entities(doc, start);
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX evidence_doc ON evidence(doc, start);
CREATE INDEX triples_doc ON triples(doc);
CREATE INDEX triples_object ON triples(object_norm, predicate);
CREATE INDEX triples_subject ON triples(subject_norm, predicate);
CREATE INDEX statements_spo ON statements(subject_norm, predicate, object_norm);
CREATE INDEX statements_object ON statements(object_norm, predicate);
CREATE INDEX statement_evidence_triple ON statement_evidence(triple_id);
`;

const bool = (b: boolean) => (b ? 1 : 0);

export function exportSqlite(run: Run, target: string): { rows: Record<string, number> } {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const db = new Database(tmp);
  const rows: Record<string, number> = {};
  try {
    db.pragma('foreign_keys = ON');
    db.exec(SQLITE_SCHEMA);
    const insert = (table: string, columns: string[]) => {
      const stmt = db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      return (row: Record<string, unknown>) => { stmt.run(row); rows[table] = (rows[table] ?? 0) + 1; };
    };
    const load = db.transaction(() => {
      const doc = insert('documents', ['id', 'source', 'format', 'pmid', 'pmcid', 'sha256', 'chars', 'sentences', 'status', 'error', 'original']);
      for (const d of run.documents)
        if (d.status === 'ok') doc({ id: d.id, source: d.source, format: d.format, pmid: d.pmid ?? null, pmcid: d.pmcid ?? null, sha256: d.sha256, chars: d.chars, sentences: d.sentences, status: d.status, error: d.error ?? null, original: originalText(run, d) ?? null });
      const entity = insert('entities', ['id', 'doc', 'type', 'text', 'start', 'end', 'norm', 'name', 'sentence', 'source']);
      for (const e of run.entities) entity({ ...e });
      const evidence = insert('evidence', ['id', 'doc', 'sentence', 'section', 'text', 'start', 'end']);
      const seen = new Set<string>();
      const triple = insert('triples', ['id', 'doc', 'subject_norm', 'subject_name', 'subject_type', 'subject_text', 'subject_start', 'subject_end', 'predicate', 'biolink_predicate', 'object_norm', 'object_name', 'object_type', 'object_text', 'object_start', 'object_end', 'evidence_id', 'negated', 'hedged', 'confidence', 'rule', 'trigger']);
      for (const t of run.triples) {
        const ev = t.evidence;
        const evidenceId = `${t.doc}:${ev.start}-${ev.end}`;
        if (!seen.has(evidenceId)) { seen.add(evidenceId); evidence({ id: evidenceId, doc: t.doc, sentence: ev.sentence, section: ev.section, text: ev.text, start: ev.start, end: ev.end }); }
        const s = t.subject, o = t.object;
        triple({
          id: t.id, doc: t.doc, predicate: t.predicate, biolink_predicate: PREDICATE_BY_ID.get(t.predicate)?.biolink ?? null,
          subject_norm: s.norm, subject_name: s.name, subject_type: s.type, subject_text: s.text, subject_start: s.start, subject_end: s.end,
          object_norm: o.norm, object_name: o.name, object_type: o.type, object_text: o.text, object_start: o.start, object_end: o.end,
          evidence_id: evidenceId, negated: bool(t.negated), hedged: bool(t.hedged), confidence: t.confidence, rule: t.rule, trigger: t.trigger,
        });
      }
      const statement = insert('statements', ['id', 'doc', 'subject_norm', 'subject_name', 'subject_type', 'predicate', 'object_norm', 'object_name', 'object_type', 'negated', 'hedged', 'confidence']);
      const link = insert('statement_evidence', ['statement_id', 'triple_id']);
      for (const st of run.statements) {
        statement({
          id: st.id, doc: st.doc, predicate: st.predicate, subject_norm: st.subject.norm, subject_name: st.subject.name, subject_type: st.subject.type,
          object_norm: st.object.norm, object_name: st.object.name, object_type: st.object.type, negated: bool(st.negated), hedged: bool(st.hedged), confidence: st.confidence,
        });
        for (const tripleId of st.evidence) link({ statement_id: st.id, triple_id: tripleId });
      }
    });
    load();
    db.close();
    renameSync(tmp, target);
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
  return { rows };
}
