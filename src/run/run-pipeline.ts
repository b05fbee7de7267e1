/**
 * The run loop: list the inputs, make each file a work item, take its shard from the result
 * cache or have it processed (by a worker_threads pool, or in this thread when the caller hands
 * in a lexicon object), merge the shards into a fresh folder and switch that in as `<out>`.
 * Memory stays flat: results live in shards on disk until the streaming merge.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { IngestError } from '../ingest/document.js';
import { assignDocumentIds } from '../ingest/document-ids.js';
import { listInputs } from '../ingest/ingest.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import { checkOutputFolder, OptionError } from '../check-options.js';
import { currentVerdicts, readLedger } from '../curate/ledger.js';
import type { FailedInput } from '../emit/dataset.js';
import type { PipelineOptions, PipelineSummary } from '../pipeline.js';
import { fromObjects, lazyEngine, loadEngine, loadSharedLexicon, type RunContext } from './engine.js';
import type { MergeShard } from './merge.js';
import { runPool } from './pool.js';
import type { ItemOutcome } from './process-item.js';
import { DEFAULT_CACHE_BYTES, DEFAULT_MODEL_FILE, DICTIONARIES, REPO, entryPath, fileSha256, folderFingerprint, itemKey, readContext, runFingerprint, sweepCache, touch, writeContext } from './result-cache.js';
import { readShardHeader } from './shard.js';
import { commitOutput, freshFolder, recoverOutput, workFolder } from './transaction.js';
import { mergeKey, rememberOutput, upToDate } from './up-to-date.js';
import { asFailure, type EngineSpec, type WorkItem } from './work-item.js';
import { currentThreadId, threadCpuMs } from './thread-cpu.js';
import { MODEL_FILE as GENE_MODEL_FILE, learnedGenesOn } from '../tag/learned/switch.js';

export const DEFAULT_DOC_TIMEOUT_MS = 60_000;
/** added to the budget per million characters of a document: work is linear, so a 10-million-character text (the cap) takes tens of seconds on a busy machine (SECURITY.md) */
export const DOC_TIMEOUT_PER_MILLION_CHARS_MS = 10_000;
export const DEFAULT_WORKER_HEAP_MB = 4096;

export interface RunStats {
  /** process start (performance.timeOrigin) to the first document result */
  startupMs: number | null;
  wallMs: number;
  items: number;
  cachedItems: number;
  documents: number;
  chars: number;
  workers: number;
  /** whether this run loaded the lexicon and classifier (false when every item came from the cache) */
  lexiconLoaded: boolean;
  /** the process's peak resident memory, worker threads included (they share it) */
  peakRssMb: number;
  /** CPU seconds of the main thread and of each worker thread (Linux only; the rest of the process's CPU is V8's and libuv's helper threads: GC, compilers, file I/O) */
  threadCpuS?: { main: number; workers: number[] };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Options are checked (OptionError) before any paper is read; each input then succeeds or fails alone. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineSummary> {
  const display = (f: string) => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const listing = await listInputs(options.input, { followSymlinks: options.followSymlinks, limits }).catch((e: unknown) => {
    throw e instanceof IngestError ? new OptionError('input-not-found', `--input "${options.input}": ${e.reason}`) : e;
  });
  const { files } = listing;
  if (!files.length && !listing.problems.length)
    throw new OptionError('input-empty', `--input "${options.input}" holds no papers: nothing to do (the previous output is left as is)`);
  // a switch a killed run left half done is finished first, so the check below sees the real <out>
  if (options.out.trim()) await recoverOutput(options.out);
  // after the input is known to exist, so a mistyped --input creates no output folder
  await checkOutputFolder(options.out, options.input);
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
  const ids = assignDocumentIds(files, listing.root);
  const inline = options.workers === undefined || options.workers === 0;
  const spec: EngineSpec = {
    dictionaries: options.dictionaries,
    model: options.classifier === undefined ? undefined : options.classifier === null ? null : path.resolve(REPO, options.classifier.info.file),
    entities: options.entities,
  };
  const engine = lazyEngine(async () => (options.lexicon ? fromObjects(options.lexicon, options.classifier === undefined ? (await import('../relate/classifier/load.js')).defaultClassifier() : options.classifier, options.entities) : loadEngine(spec)));
  const work = workFolder(options.out);
  const cache = options.cache || undefined;
  const run = cache ? await runKey(options, spec) : '';
  if (cache) await mkdir(cache, { recursive: true });

  // work items; those whose shard is in the cache are done already
  const outcomes: ItemOutcome[] = [];
  const todo: WorkItem[] = [];
  let firstResult: number | null = null;
  let done = 0;
  const firstDocument = () => { firstResult ??= performance.now(); };
  const record = (o: ItemOutcome) => {
    outcomes.push(o);
    if (o.documents) firstDocument();
    options.onProgress?.(++done, files.length, o.file);
  };
  for (const [index, file] of files.entries()) {
    const id = ids.get(file)!;
    const shown = display(file);
    const content = cache ? await fileSha256(file) : undefined;
    const key = content ? itemKey(run, content, id, shown) : `${index}`;
    const item: WorkItem = { key, index, file: shown, id, followSymlinks: !!(options.followSymlinks || listing.single), limits, shard: content ? entryPath(cache!, key) : path.join(work, 'shards', `${index}.jsonl`), ...(options.testHooks?.[path.basename(file)] && { testHook: options.testHooks[path.basename(file)] }) };
    const header = content ? await readShardHeader(item.shard).catch(() => undefined) : undefined;
    if (header) { await touch(item.shard); record({ key, index, file: shown, shard: item.shard, documents: header.records.length, chars: header.chars, failures: header.failures, cacheable: true }); }
    else todo.push({ ...item, bytes: (await stat(file).catch(() => undefined))?.size });
  }
  if (todo.length) await mkdir(path.join(work, 'shards'), { recursive: true });

  const workers = inline ? 0 : Math.max(1, options.workers ?? os.availableParallelism());
  let context: RunContext | undefined;
  let loaded = false;
  const workerCpu: number[] = [];
  try {
    if (inline && todo.length) {
      // imported here: a run whose items are all cached never loads the pipeline's modules
      const { processItem } = await import('./process-item.js');
      const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
      await Promise.all(todo.map((item) => queue.add(async () => record(await processItem(item, engine.get, firstDocument)))));
      context = engine.loaded()?.context;
    } else if (!inline && todo.length) {
      // loaded once here and shared with the workers without copying (a replaced worker costs no reload);
      // the workers start first and read their modules and models while this thread loads it
      const { shareLexicon } = await import('../tag/lexicon-share.js');
      const lexicon = options.lexicon ? shareLexicon(options.lexicon) : new Promise((r) => setImmediate(r)).then(() => loadSharedLexicon(spec));
      context = await runPool(todo, { workers, spec, lexicon, onWorkerCpu: (w, cpuS) => { workerCpu[w] = cpuS; }, itemTimeoutMs: options.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS, msPerMillionChars: options.docTimeoutPerMillionCharsMs ?? DOC_TIMEOUT_PER_MILLION_CHARS_MS, maxHeapMb: options.docMemoryMb ?? DEFAULT_WORKER_HEAP_MB, onDocument: firstDocument }, record);
    }
    loaded = !!context;
    if (cache && context) await writeContext(cache, run, context);

    const failed: FailedInput[] = listing.problems.map((e) => asFailure(new IngestError(display(e.file), e.code, e.reason, e.where)));
    for (const o of outcomes) failed.push(...o.failures);
    const shards: MergeShard[] = outcomes.filter((o) => o.shard && o.documents).map((o) => ({ index: o.index, file: o.file, shard: o.shard! })).sort((a, b) => a.index - b.index);
    const stats = (documents: number): RunStats => ({
      startupMs: firstResult === null ? null : Math.round(firstResult), wallMs: Math.round(performance.now()), items: files.length, cachedItems: files.length - todo.length,
      documents, chars: outcomes.reduce((n, o) => n + o.chars, 0), workers, lexiconLoaded: loaded, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...threadCpu(workerCpu),
    });
    if (!shards.length) {
      const { sortFailures } = await import('../emit/dataset.js');
      return { documents: 0, failed: sortFailures(failed), entities: {}, triples: {}, statements: 0, out: options.out, written: false, stats: stats(0) };
    }
    // an unchanged re-run: <out> already holds what this merge would write
    const outKey = cache ? mergeKey({ run, items: outcomes.map((o) => [o.index, o.key]).sort((a, b) => (a[0] as number) - (b[0] as number)), failed: failed.map((f) => JSON.stringify(f)).sort(), ledger: ledger && [options.ledger, ledger.sha256] }) : undefined;
    const previous = cache && outKey ? await upToDate(cache, options.out, outKey) : undefined;
    if (previous) return { ...previous, out: options.out, written: true, stats: stats(previous.documents) };
    if (!context) {
      context = (cache && (await readContext(cache, run))) || undefined;
      if (!context) { context = (await engine.get()).context; loaded = true; }
    }
    const fresh = freshFolder(options.out);
    await rm(fresh, { recursive: true, force: true });
    const curation = ledger && { verdicts: currentVerdicts(ledger.entries), ledger: { file: options.ledger!, sha256: ledger.sha256 } };
    // imported here: the main thread needs the merge (and its schemas) only after the documents
    const { writeMergedDataset } = await import('./merge.js');
    const merged = await writeMergedDataset(fresh, shards, failed, context, curation, path.join(work, 'merge'), options.mergeFanIn);
    await commitOutput(options.out, fresh);
    if (cache && outKey) await rememberOutput(cache, options.out, outKey, merged);
    return { ...merged, out: options.out, written: true, stats: stats(merged.documents) };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(freshFolder(options.out), { recursive: true, force: true });
    if (cache) await sweepCache(cache, options.cacheMaxBytes ?? DEFAULT_CACHE_BYTES);
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
function threadCpu(workers: number[]): Pick<RunStats, 'threadCpuS'> {
  const tid = currentThreadId();
  const main = tid === undefined ? undefined : threadCpuMs(tid);
  return main === undefined ? {} : { threadCpuS: { main: round2(main / 1000), workers: Array.from(workers, (x) => round2(x ?? 0)) } };
}

/** The cache key part shared by all items: lexicon and model checksums, and the options that change rows. */
async function runKey(options: PipelineOptions, spec: EngineSpec): Promise<string> {
  const dictionaries = options.lexicon ? sha256(JSON.stringify(options.lexicon.files.map((f) => [f.file, f.sha256]))) : await folderFingerprint(spec.dictionaries ?? DICTIONARIES);
  const modelFile = spec.model === undefined ? DEFAULT_MODEL_FILE : spec.model;
  const model = options.classifier ? options.classifier.info.sha256 : modelFile && existsSync(modelFile) ? (await fileSha256(modelFile)) ?? null : null;
  // the learned gene tagger changes the mentions: its model (or its being off) is part of the key
  const geneModel = learnedGenesOn() && existsSync(GENE_MODEL_FILE) ? (await fileSha256(GENE_MODEL_FILE)) ?? null : null;
  return runFingerprint({ dictionaries, model, options: { entities: options.entities ?? 'tagger', limits: { ...DEFAULT_LIMITS, ...options.limits }, ...(geneModel ? { geneModel } : { learnedGenes: false }) } });
}
