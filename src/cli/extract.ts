/** `npm run extract [-- --input <dir|file> --out <dir>]`: run the pipeline, render its diagnostics, exit with a status. */
import { parseArgs } from 'node:util';
import { runPipeline } from '../run/run-pipeline.js';
import { OptionError } from '../check-options.js';
import { EXIT, exitStatus, renderDiagnostic } from './exit-status.js';
import { DEFAULT_LEDGER } from '../curate/ledger.js';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { DEFAULT_RESULT_CACHE } from '../run/result-cache.js';
import type { EntitySource } from '../tag/given-entities.js';
import { progressBar } from './progress.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import { DEFAULT_BLOCK_RECORDS } from '../queue/plan.js';

const HELP = `Usage: npm run extract -- [options]

Reads papers (.txt, .md, .pdf, PubTator, PubMed XML .xml/.xml.gz, BioC XML/JSON, JATS .nxml)
and writes a validated dataset of entities and relation triples with provenance.

Options:
  --input <path>        file or folder of papers (default: corpus)
  --out <dir>           output folder (default: output); not the working directory, the
                        project root or the home folder, not inside --input, not a file
  --workers <n>         worker threads processing files (default: the number of cores);
                        0 processes in this thread. The dataset is the same for any n
  --concurrency <n>     files read at once with --workers 0 (default: 4)
  --cache <dir>         result cache: each input file's results, keyed by its bytes, the
                        tool version, dictionary and model checksums and the options, are
                        reused by the next run (default: .cache/results; swept to 2 GB)
  --no-cache            neither read nor write the result cache
  --doc-timeout <s>     CPU seconds a worker may spend on one document, plus 10 s per million
                        characters of its text; past it (or after waiting ten times that
                        without working) the worker is stopped and the file recorded as a
                        timeout error (default: 60)
  --doc-memory <mb>     heap limit of each worker; past it the file is recorded as an
                        out-of-memory error (default: 4096)
  --stats <file>        write timings and counts of the run as JSON (start-up, wall time,
                        items, cached items, documents, characters, workers, peak RSS)
  --follow-symlinks     read symbolic links in the input folder (default: each is an error)
  --dictionaries <dir>  dictionary folder (default: dictionaries/ of the repo)
  --entities <which>    mentions that relations are found between: tagger (default), given
                        (the input's own entity annotations: PubTator mention lines), or both
  --rules-only          relations from the rule table alone, without the learned classifier
  --ledger <file>       curation ledger to apply, or "none" (default: curation/ledger.jsonl when present)
  --queue <url>         enqueue the work on Redis (redis://host:port) instead of running it:
                        one job per file or per block of PubMed records; workers (npm run
                        worker) process it, npm run collect writes the dataset; --out unused
  --run <id>            with --queue: the run's id (default: a hash of the input and settings)
  --block-records <n>   with --queue: PubMed XML records per job (default: 2000)
  --attempts <n>        with --queue: attempts per job before it counts as failed (default: 3)
  --quiet               no progress bar or summary (errors are still printed)
  -h, --help            show this help

Exit status: 0 every input succeeded; 2 some inputs failed (the others were written);
1 no input succeeded (nothing written, the previous output is left as is);
The new dataset is written beside --out and switched in at the end: a killed run leaves the
old or the new dataset, never a mix (the next run finishes an interrupted switch).
64 usage error (bad option, unusable --out, missing or empty --input; nothing read or written).
`;

class UsageError extends Error {}

function options() {
  try {
    return parseArgs({
      options: {
        input: { type: 'string', default: 'corpus' },
        out: { type: 'string', default: 'output' },
        concurrency: { type: 'string', default: '4' },
        workers: { type: 'string' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        'doc-timeout': { type: 'string', default: '60' },
        'doc-memory': { type: 'string', default: '4096' },
        stats: { type: 'string' },
        'follow-symlinks': { type: 'boolean', default: false },
        dictionaries: { type: 'string' },
        ledger: { type: 'string', default: DEFAULT_LEDGER },
        entities: { type: 'string', default: 'tagger' },
        'rules-only': { type: 'boolean', default: false },
        queue: { type: 'string' },
        run: { type: 'string' },
        'block-records': { type: 'string', default: String(DEFAULT_BLOCK_RECORDS) },
        attempts: { type: 'string', default: '3' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function main(): Promise<number> {
  const values = options();
  if (values.help) { process.stdout.write(HELP); return EXIT.ok; }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive integer, got "${values.concurrency}"`);
  const bar = values.quiet ? undefined : progressBar(process.stderr);
  const entities = values.entities as EntitySource;
  if (!['tagger', 'given', 'both'].includes(entities)) throw new UsageError(`--entities must be tagger, given or both, got "${values.entities}"`);
  if (values.queue) return enqueue(values, entities);
  const count = (name: 'workers' | 'doc-timeout' | 'doc-memory', min: number, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (name === 'workers' && !Number.isInteger(n))) throw new UsageError(`--${name} must be a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const workers = count('workers', 0, os.availableParallelism());
  const summary = await runPipeline({
    input: values.input!, out: values.out!, concurrency, followSymlinks: values['follow-symlinks'], dictionaries: values.dictionaries,
    workers, docTimeoutMs: count('doc-timeout', 0.001, 60) * 1000, docMemoryMb: count('doc-memory', 64, 4096),
    cache: values['no-cache'] ? false : values.cache ?? DEFAULT_RESULT_CACHE,
    entities, ...(values['rules-only'] && { classifier: null }),
    ledger: values.ledger === 'none' ? undefined : values.ledger, onProgress: bar?.update,
  });
  bar?.done();
  if (values.stats && summary.stats) writeFileSync(values.stats, JSON.stringify(summary.stats, null, 2) + '\n');
  for (const f of summary.failed) process.stderr.write(renderDiagnostic(f) + '\n');
  if (!summary.written)
    process.stderr.write(`biotriples: no input succeeded (${summary.failed.length} failed): nothing written, ${summary.out}/ left as it was\n`);
  if (summary.written && !values.quiet) {
    const fmt = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    console.log(`documents: ${summary.documents} ok, ${summary.failed.length} failed`);
    console.log(`entities:  ${fmt(summary.entities)}`);
    console.log(`triples:   ${fmt(summary.triples)}`);
    console.log(`statements: ${summary.statements}`);
    if (summary.curation) console.log(`curation: ${summary.curation.accepted} accepted, ${summary.curation.corrected} corrected, ${summary.curation.rejected.length} rejected (left out), ${summary.curation.unmatched} verdicts for triples not in this run (${summary.curation.ledger})`);
    console.log(`written to ${summary.out}/`);
  }
  return exitStatus(summary);
}

const positive = (value: string | undefined, name: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
};

/** --queue: plan the run, put it on Redis, say how to collect it. */
async function enqueue(values: ReturnType<typeof options>, entities: EntitySource): Promise<number> {
  // imported here: BullMQ and ioredis take 0.5-1 s to load, which a local run must not pay
  const { planRun, runSettings } = await import('../queue/plan.js');
  const { enqueueRun } = await import('../queue/producer.js');
  const { checkRunId, connect } = await import('../queue/redis.js');
  const { buildLexicon, defaultLexicon } = await import('../tag/dictionary.js');
  const { defaultClassifier } = await import('../relate/classifier/load.js');
  // loaded for their checksums: workers must have the same
  const lexicon = values.dictionaries ? buildLexicon(values.dictionaries) : defaultLexicon();
  const classifier = values['rules-only'] ? null : defaultClassifier();
  const settings = runSettings(lexicon, classifier, entities, DEFAULT_LIMITS);
  const plan = await planRun({ input: values.input!, settings, followSymlinks: values['follow-symlinks'], blockRecords: positive(values['block-records'], 'block-records') });
  const redis = connect(values.queue!);
  try {
    const s = await enqueueRun(redis, plan, { run: values.run && checkRunId(values.run), attempts: positive(values.attempts, 'attempts') });
    if (!values.quiet) {
      console.log(`run ${s.run}: ${s.items} work items (${s.added} enqueued, ${s.done} already done, ${s.retried} failed ones retried), ${plan.problems.length} inputs not listed`);
      const shown = new URL(values.queue!);
      if (shown.password) shown.password = '***';
      console.log(`collect with: npm run collect -- --queue ${shown} --run ${s.run} --out <dir>`);
    }
    return EXIT.ok;
  } finally {
    redis.disconnect();
  }
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    const usage = e instanceof UsageError || e instanceof OptionError;
    process.stderr.write(`biotriples: ${(e as Error).message}${usage ? ' (see --help)' : ''}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.failed;
  },
);
