/**
 * The original text of each document of a run, as its offsets see it: `<run>/texts/<id>.txt`
 * when the run kept one (PDFs), else the input named by `source` in documents.jsonl, read by the
 * same ingest code (PubTator files give one text per PMID). A text whose spans no longer match
 * (the input was edited after the run) is reported, not guessed at.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFile } from '../../ingest/ingest.js';
import type { Run } from '../run.js';

export interface DocText { text?: string; from?: string; problem?: string }

export async function loadTexts(run: Run): Promise<Map<string, DocText>> {
  const out = new Map<string, DocText>();
  const bySource = new Map<string, Map<string, string>>();
  for (const d of run.documents) {
    if (d.status !== 'ok') { out.set(d.id, { problem: `not extracted: ${d.error ?? 'error'}` }); continue; }
    const kept = run.dir ? path.join(run.dir, 'texts', `${d.id}.txt`) : undefined;
    if (kept && existsSync(kept)) { out.set(d.id, { text: readFileSync(kept, 'utf8'), from: kept }); continue; }
    if (d.format === 'pdf') { out.set(d.id, { problem: `the run kept no texts/${d.id}.txt for this PDF` }); continue; }
    try {
      let texts = bySource.get(d.source);
      if (!texts) {
        const docs = (await ingestFile(d.source)).documents;
        // a one-document file's id is the run's (path-derived, document-ids.ts), not necessarily its base name
        texts = new Map(docs.length === 1 ? [[d.id, docs[0].text]] : docs.map((s) => [s.id, s.text]));
        bySource.set(d.source, texts);
      }
      const text = texts.get(d.id);
      out.set(d.id, text === undefined ? { problem: `${d.source} no longer holds document ${d.id}` } : { text, from: d.source });
    } catch (e) {
      out.set(d.id, { problem: `cannot read ${d.source}: ${(e as Error).message}` });
    }
  }
  // every span must still be the text it names, or the input changed since the run
  const bad = new Map<string, number>();
  for (const e of run.entities) {
    const t = out.get(e.doc)?.text;
    if (t !== undefined && t.slice(e.start, e.end) !== e.text) bad.set(e.doc, (bad.get(e.doc) ?? 0) + 1);
  }
  for (const [doc, n] of bad) out.set(doc, { problem: `${out.get(doc)!.from} changed since the run: ${n} mention span(s) no longer match its text` });
  return out;
}
