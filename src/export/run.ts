/**
 * A finished run folder read back: its rows and, per document, the original text every offset
 * indexes (the input file, <run>/texts/<id>.txt for PDFs and structured formats, or the
 * PubTator title + abstract). Exports and the span check read runs through this.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentRecord, Entity, Manifest, Statement, Triple } from '../model/schemas.js';
import { parsePubtator, pubtatorText } from '../ingest/pubtator.js';
import { groupByDoc } from '../emit/dataset.js';
export { groupByDoc };

export interface Run {
  dir: string;
  manifest: Manifest;
  documents: DocumentRecord[];
  entities: Entity[];
  triples: Triple[];
  statements: Statement[];
}

const readJsonl = <T>(file: string): T[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T) : [];

export function readRun(dir: string): Run {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${dir} is not a finished run (no manifest.json)`);
  return {
    dir,
    manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest,
    documents: readJsonl<DocumentRecord>(path.join(dir, 'documents.jsonl')),
    entities: readJsonl<Entity>(path.join(dir, 'entities.jsonl')),
    triples: readJsonl<Triple>(path.join(dir, 'triples.jsonl')),
    statements: readJsonl<Statement>(path.join(dir, 'statements.jsonl')),
  };
}

const pubtatorCache = new Map<string, Map<string, string>>();

/** The original text of an ok document, or undefined when its source can no longer be read. */
export function originalText(run: Run, doc: DocumentRecord): string | undefined {
  if (doc.status !== 'ok') return undefined;
  const file = doc.textFile ? path.join(run.dir, doc.textFile) : doc.source;
  if (!existsSync(file)) return undefined;
  if (doc.format !== 'pubtator') return readFileSync(file, 'utf8');
  let texts = pubtatorCache.get(file);
  if (!texts) {
    texts = new Map(parsePubtator(readFileSync(file, 'utf8')).map((d) => [d.pmid, pubtatorText(d)]));
    pubtatorCache.set(file, texts);
  }
  return texts.get(doc.id);
}

