/**
 * The streaming merge: the shards of a run, each sorted by document id, merged k ways into the
 * dataset files (same files and bytes as emit/dataset.ts wrote from memory), one document at a
 * time. Many shards are first merged in passes of at most FAN_IN open files. The first document
 * (in listing order) to claim an id keeps it; later ones become `duplicate-id` failures.
 * Curation and statements apply per document, so they stream too.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentRecord, Manifest, Triple, type Entity } from '../model/schemas.js';
import { sortFailures, textFilePath, validate, type FailedInput } from '../emit/dataset.js';
import { applyCuration, type CurationSummary } from '../curate/apply.js';
import type { LedgerEntry } from '../curate/ledger.js';
import type { RunContext } from './engine.js';
import { LineWriter } from './line-writer.js';
import { payloadPart, payloadParts, readShardDocuments, readShardHeader, SHARD_FORMAT, type ShardEntry } from './shard.js';
import { parseLines, renderDocument, type RenderedRows } from './render.js';
import { toolVersion } from './result-cache.js';
import { heapTrim } from './heap-trim.js';

/** open shards per merge pass: each holds a 128 KB read buffer */
export const FAN_IN = 256;
/** documents merged between checks of this thread's heap */
const TRIM_EVERY = 500;

export interface MergeShard { index: number; file: string; shard: string }
export interface Curation { verdicts: Map<string, LedgerEntry>; ledger: { file: string; sha256: string } }

type Placed = ShardEntry & { head: { item: number } };

const order = ({ head: a }: Placed, { head: b }: Placed) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.item - b.item || a.k - b.k);
const cmp = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1);
const jsonl = (row: unknown) => JSON.stringify(row) + '\n';

async function* placed(s: { shard: string; index?: number }): AsyncGenerator<Placed> {
  // a shard's documents take its item index; an intermediate file's heads carry theirs
  for await (const d of readShardDocuments(s.shard)) { if (s.index !== undefined) d.head.item = s.index; yield d as Placed; }
}

/** k-way merge of sorted streams by (id, item, k); fan-in is the number of streams given. */
async function* mergeStreams(streams: AsyncGenerator<Placed>[]): AsyncGenerator<Placed> {
  try {
    const heads: Array<Placed | undefined> = await Promise.all(streams.map(async (s) => (await s.next()).value ?? undefined));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (best < 0 || order(heads[i]!, heads[best]!) < 0)) best = i;
      if (best < 0) return;
      yield heads[best]!;
      heads[best] = (await streams[best].next()).value ?? undefined;
    }
  } finally {
    // a merge that stops early (an error while writing) closes every open shard, not only at garbage collection
    await Promise.allSettled(streams.map((s) => s.return(undefined)));
  }
}

/** The triples back in the order the document's processing gave them (its ids' order): curation lists and re-sorts them from there, as before rendering. */
function inShardOrder(triples: Triple[], ids: string[]): Triple[] {
  const at = new Map<string, number[]>();
  ids.forEach((id, i) => { const list = at.get(id); if (list) list.push(i); else at.set(id, [i]); });
  return triples.map((t) => ({ t, i: at.get(t.id)!.shift()! })).sort((a, b) => a.i - b.i).map((x) => x.t);
}

/** How many sources the next pass merges into one: just enough to leave `fanIn` (0 when there are no more than that). */
export function fanInGroup(sources: number, fanIn: number): number {
  return sources <= fanIn ? 0 : Math.min(fanIn, sources - fanIn + 1);
}

/**
 * Merges sources into intermediate files until at most `fanIn` remain, copying as little as it
 * can: each pass merges only as many of the smallest sources as it takes to get down to `fanIn`
 * (73 shards and a fan-in of 64: the 10 smallest into one, not 64 of them), so most documents are
 * read and written once, by the final merge. The output is the same for any grouping: the
 * final order is (id, item, k), which every line carries.
 */
async function reduceFanIn(shards: MergeShard[], work: string, fanIn: number): Promise<Array<{ shard: string; index?: number }>> {
  let sources: Array<{ shard: string; index?: number; bytes: number }> = await Promise.all(shards.map(async (s) => ({ shard: s.shard, index: s.index, bytes: (await stat(s.shard)).size })));
  for (let pass = 0; sources.length > fanIn; pass++) {
    await mkdir(work, { recursive: true });
    sources.sort((a, b) => a.bytes - b.bytes);
    const group = sources.slice(0, fanInGroup(sources.length, fanIn));
    const file = path.join(work, `merge-${pass}.jsonl`);
    const out = new LineWriter(file);
    out.write(jsonl({ format: SHARD_FORMAT, file: '', failures: [], records: [], chars: 0 }));
    try {
      for await (const d of mergeStreams(group.map(placed))) {
        out.write(jsonl(d.head));
        if (out.write(d.payload)) await out.flush();
      }
      await out.close();
    } catch (e) {
      await out.abort();
      throw e;
    }
    sources = [...sources.slice(group.length), { shard: file, bytes: (await stat(file)).size }];
  }
  return sources;
}

function addCounts(counts: Map<string, number>, add: Record<string, number>) { for (const k in add) counts.set(k, (counts.get(k) ?? 0) + add[k]); }
const sortedCounts = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));


export interface MergeSummary {
  documents: number;
  failed: FailedInput[];
  entities: Record<string, number>;
  triples: Record<string, number>;
  statements: number;
  curation?: CurationSummary;
}

/** Writes the dataset into `dir` (a fresh folder); the manifest goes last. `failed` gains the duplicate-id failures. */
export async function writeMergedDataset(dir: string, shards: MergeShard[], failed: FailedInput[], context: RunContext, curation: Curation | undefined, work: string, fanIn = FAN_IN): Promise<MergeSummary> {
  await mkdir(dir, { recursive: true });
  const out = {
    entities: new LineWriter(path.join(dir, 'entities.jsonl')),
    triples: new LineWriter(path.join(dir, 'triples.jsonl')),
    statements: new LineWriter(path.join(dir, 'statements.jsonl')),
    pubtator: new LineWriter(path.join(dir, 'annotations.pubtator')),
  };
  const entityCounts = new Map<string, number>(), tripleCounts = new Map<string, number>();
  let statementCount = 0, kept = 0;
  let lastId: string | undefined, lastSource = '';
  const dropped = new Set<string>();
  const curated = curation && { accepted: 0, corrected: 0, rejected: [] as CurationSummary['rejected'], ignored: [] as Array<{ at: [number, number]; rows: CurationSummary['ignored'] }>, seen: new Set<string>() };
  let pendingTexts: Promise<void>[] = [];
  // the merge's garbage would otherwise pile up in this thread's heap as the dataset grows
  const trim = heapTrim();
  let sinceTrim = 0;

  try {
    for await (const d of mergeStreams((await reduceFanIn(shards, work, Math.max(2, fanIn))).map(placed))) {
      if (++sinceTrim === TRIM_EVERY) { sinceTrim = 0; trim.afterItem(); }
      const head = d.head;
      if (head.id === lastId) {
        failed.push({ file: head.source, doc: head.id, code: 'duplicate-id', reason: `document id ${head.id} is already taken by ${lastSource} (read first): not used` });
        dropped.add(`${head.item}:${head.k}`);
        continue;
      }
      lastId = head.id;
      lastSource = head.source;
      kept++;
      // the rows the worker rendered, copied as bytes, unless a verdict names one of the document's triples
      let rows: Pick<RenderedRows, 'counts'> & Record<'entities' | 'triples' | 'statements' | 'pubtator', string | Buffer>;
      if (curation && curated && head.tripleIds.some((id) => curation.verdicts.has(id))) {
        for (const id of head.tripleIds) if (curation.verdicts.has(id)) curated.seen.add(id);
        const parts = payloadParts(d);
        const { triples: after, summary } = applyCuration(inShardOrder(parseLines<Triple>(parts.triples), head.tripleIds), curation.verdicts, curation.ledger);
        curated.accepted += summary.accepted;
        curated.corrected += summary.corrected;
        curated.rejected.push(...summary.rejected);
        if (summary.ignored.length) curated.ignored.push({ at: [head.item, head.k], rows: summary.ignored });
        rows = renderDocument(head.id, parts.text, parseLines<Entity>(parts.entities), after.map((t) => Triple.parse(t)));
      } else {
        rows = { counts: head.counts, entities: payloadPart(d, 'entities'), triples: payloadPart(d, 'triples'), statements: payloadPart(d, 'statements'), pubtator: payloadPart(d, 'pubtator') };
      }
      addCounts(entityCounts, rows.counts.entities);
      addCounts(tripleCounts, rows.counts.triples);
      statementCount += rows.counts.statements;
      out.entities.write(rows.entities);
      out.triples.write(rows.triples);
      out.statements.write(rows.statements);
      if (kept > 1) out.pubtator.write('\n');
      out.pubtator.write(rows.pubtator);
      // one document's rows at most past the chunk size before the writers drain
      for (const w of Object.values(out)) if (w.full) await w.flush();
      if (head.saveText) {
        const file = textFilePath(dir, head.id);
        // a copy: the payload is the reader's buffer, which the next document overwrites
        const text = Buffer.from(payloadPart(d, 'text'));
        pendingTexts.push(mkdir(path.dirname(file), { recursive: true }).then(() => writeFile(file, text)));
        if (pendingTexts.length >= 32) { await Promise.all(pendingTexts); pendingTexts = []; }
      }
    }
    await Promise.all(pendingTexts);
    await Promise.all(Object.values(out).map((w) => w.close()));
  } catch (e) {
    // no dataset is written; the files are closed now, not at garbage collection
    await Promise.allSettled([...Object.values(out).map((w) => w.abort()), ...pendingTexts]);
    throw e;
  }

  const sorted = sortFailures(failed);
  await writeDocuments(path.join(dir, 'documents.jsonl'), shards, sorted, dropped);
  const summary = curated && curation ? {
    ledger: curation.ledger.file, sha256: curation.ledger.sha256, accepted: curated.accepted, corrected: curated.corrected,
    rejected: curated.rejected.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.id < b.id ? -1 : 1)),
    // in listing order, as a whole-run pass over the triples lists them
    ignored: curated.ignored.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]).flatMap((x) => x.rows),
    unmatched: [...curation.verdicts.keys()].filter((id) => !curated.seen.has(id)).length,
  } : undefined;
  const manifest = Manifest.parse({
    tool: { name: 'biotriples', version: toolVersion },
    dictionaries: context.dictionaries,
    models: context.models,
    documents: { ok: kept, error: sorted.length },
    entities: sortedCounts(entityCounts),
    triples: sortedCounts(tripleCounts),
    statements: statementCount,
    errors: sorted.map((f) => ({ ...f, fatal: true })),
    ...(summary ? { curation: summary } : {}),
  });
  // the manifest goes last: its presence marks a complete dataset
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { documents: kept, failed: sorted, entities: manifest.entities, triples: manifest.triples, statements: statementCount, curation: manifest.curation };
}

/** documents.jsonl, ordered by (source, id): a source's records come from its shards' headers (one shard per file, or per block of records of a queued PubMed file). */
async function writeDocuments(file: string, shards: MergeShard[], failed: FailedInput[], dropped: Set<string>): Promise<void> {
  const out = new LineWriter(file);
  // a PubMed file queued in blocks of records has one shard per block
  const bySource = new Map<string, MergeShard[]>();
  for (const s of shards) { const list = bySource.get(s.file); if (list) list.push(s); else bySource.set(s.file, [s]); }
  const errorsBySource = new Map<string, FailedInput[]>();
  for (const f of failed) { const list = errorsBySource.get(f.file); if (list) list.push(f); else errorsBySource.set(f.file, [f]); }
  const sources = [...new Set([...bySource.keys(), ...errorsBySource.keys()])].sort(cmp);
  for (const source of sources) {
    const records: DocumentRecord[] = [];
    for (const shard of bySource.get(source) ?? []) records.push(...(await readShardHeader(shard.shard)).records.filter((r) => !dropped.has(`${shard.index}:${r.k}`)).map((r) => r.record));
    const errors = (errorsBySource.get(source) ?? []).map((e): DocumentRecord => ({ id: e.doc ?? e.file, source: e.file, format: 'text', sha256: '0'.repeat(64), chars: 0, sentences: 0, status: 'error', error: `${e.code}: ${e.reason}` }));
    const rows = [...records, ...errors].sort((a, b) => cmp(a.source, b.source) || cmp(a.id, b.id));
    for (const r of rows) if (out.write(jsonl(validate(DocumentRecord, [r], 'document')[0]))) await out.flush();
  }
  await out.close();
}

