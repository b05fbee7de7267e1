/** `npm run collect -- --queue redis://host:port --out <dir>`: wait for a queued run and write its dataset. */
import { parseArgs } from 'node:util';
import { OptionError } from '../check-options.js';
import { DEFAULT_LEDGER } from '../curate/ledger.js';
import { CollectError, collectRun } from '../queue/collect.js';
import { checkRunId, connect } from '../queue/redis.js';
import { EXIT, exitStatus, renderDiagnostic } from './exit-status.js';

const HELP = `Usage: npm run collect -- --queue <url> --out <dir> [options]

Waits until every work item of a queued run has a result or has failed for good, then writes
the dataset, byte-identical to what \`npm run extract\` writes for the same input. Jobs that
failed after all their attempts are listed as failed inputs (code queue-failed).

Options:
  --queue <url>      Redis the run was enqueued on: redis://[user:password@]host:port[/db]
  --run <id>         the run to collect (default: the run enqueued last on this Redis)
  --out <dir>        output folder (default: output), as for extract
  --ledger <file>    curation ledger to apply, or "none" (default: curation/ledger.jsonl when present)
  --timeout <s>      give up, writing nothing, when items are unfinished after this long (default: wait)
  --quiet            no progress or summary (errors are still printed)
  -h, --help         show this help

Exit status as for extract: 0 all inputs ok, 2 some failed, 1 none ok (or unfinished), 64 usage error.
`;

function options() {
  try {
    return parseArgs({
      options: {
        queue: { type: 'string' },
        run: { type: 'string' },
        out: { type: 'string', default: 'output' },
        ledger: { type: 'string', default: DEFAULT_LEDGER },
        timeout: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    throw new OptionError('usage', (e as Error).message);
  }
}

async function main(): Promise<number> {
  const values = options();
  if (values.help) { process.stdout.write(HELP); return EXIT.ok; }
  if (!values.queue) throw new OptionError('usage', '--queue <url> is required');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new OptionError('usage', `--timeout must be a positive number of seconds, got "${values.timeout}"`);
  const redis = connect(values.queue);
  try {
    let last = -1;
    const progress = values.quiet ? undefined : (finished: number, total: number) => {
      if (finished !== last) process.stderr.write(`collect: ${finished}/${total} work items finished\n`);
      last = finished;
    };
    const summary = await collectRun(redis, {
      run: values.run && checkRunId(values.run), out: values.out!, ledger: values.ledger === 'none' ? undefined : values.ledger,
      ...(timeout !== undefined && { timeoutMs: timeout * 1000 }), onProgress: progress,
    });
    for (const f of summary.failed) process.stderr.write(renderDiagnostic(f) + '\n');
    if (!summary.written) process.stderr.write(`biotriples: no input succeeded (${summary.failed.length} failed): nothing written, ${summary.out}/ left as it was\n`);
    if (summary.written && !values.quiet) {
      const fmt = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
      console.log(`run ${summary.run}: documents ${summary.documents} ok, ${summary.failed.length} failed`);
      console.log(`entities:  ${fmt(summary.entities)}`);
      console.log(`triples:   ${fmt(summary.triples)}`);
      console.log(`statements: ${summary.statements}`);
      console.log(`written to ${summary.out}/`);
    }
    return exitStatus(summary);
  } finally {
    redis.disconnect();
  }
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    const usage = e instanceof OptionError;
    const known = usage || e instanceof CollectError;
    process.stderr.write(`biotriples collect: ${known ? (e as Error).message : (e as Error).stack}${usage ? ' (see --help)' : ''}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.failed;
  },
);
