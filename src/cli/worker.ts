/** `npm run worker -- --queue redis://host:port`: process queued work items until stopped (SIGINT/SIGTERM). */
import { parseArgs } from 'node:util';
import { OptionError } from '../check-options.js';
import { defaultClassifier } from '../relate/classifier/load.js';
import { buildLexicon, defaultLexicon } from '../tag/dictionary.js';
import { connect } from '../queue/redis.js';
import { startWorker } from '../queue/worker.js';
import { EXIT } from './exit-status.js';

const HELP = `Usage: npm run worker -- --queue <url> [options]

Takes jobs enqueued by \`npm run extract -- --queue <url>\` (any run) and stores each
result in Redis, until stopped with Ctrl-C or SIGTERM (the job in hand is finished first;
a second signal stops at once, and the job goes to another worker when its lock runs out).
Start one per core on every machine; input files must be at the same path on each.

Options:
  --queue <url>         Redis to work for: redis://[user:password@]host:port[/db]
  --dictionaries <dir>  dictionary folder (default: dictionaries/ of the repo); must match the run's
  --concurrency <n>     jobs at once in this process (default: 1; start processes, not threads)
  --lock-ms <n>         job lock: a worker silent this long loses its job to another (default: 30000)
  --quiet               no line per job
  -h, --help            show this help
`;

function options() {
  try {
    return parseArgs({
      options: {
        queue: { type: 'string' },
        dictionaries: { type: 'string' },
        concurrency: { type: 'string', default: '1' },
        'lock-ms': { type: 'string', default: '30000' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    throw new OptionError('usage', (e as Error).message);
  }
}

async function main(): Promise<number | undefined> {
  const values = options();
  if (values.help) { process.stdout.write(HELP); return EXIT.ok; }
  if (!values.queue) throw new OptionError('usage', '--queue <url> is required');
  const concurrency = Number(values.concurrency);
  const lockMs = Number(values['lock-ms']);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new OptionError('usage', `--concurrency must be a positive integer, got "${values.concurrency}"`);
  if (!Number.isInteger(lockMs) || lockMs < 1000) throw new OptionError('usage', `--lock-ms must be an integer of at least 1000, got "${values['lock-ms']}"`);
  const redis = connect(values.queue);
  const lexicon = values.dictionaries ? buildLexicon(values.dictionaries) : defaultLexicon();
  const log = values.quiet ? undefined : (line: string) => process.stdout.write(`worker ${process.pid}: ${line}\n`);
  const worker = startWorker(redis, { lexicon, classifier: defaultClassifier(), concurrency, lockMs, log });
  worker.on('error', (e) => process.stderr.write(`worker ${process.pid}: ${e.message}\n`));
  log?.(`ready (${values.queue})`);
  // the job in hand is finished first; then the process ends even if a connection lingers
  let stopping = false;
  const stop = async () => {
    // a second signal does not wait for the job in hand
    if (stopping) process.exit(EXIT.failed);
    stopping = true;
    log?.('stopping');
    await worker.close();
    await redis.quit().catch(() => redis.disconnect());
    log?.('stopped');
    process.exit(EXIT.ok);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // closed by itself: set up differently from the run it was given (other dictionaries or model)
  worker.once('closed', () => { if (!stopping) { redis.disconnect(); process.exit(EXIT.failed); } });
  return undefined;
}

main().then(
  (code) => { if (code !== undefined) process.exitCode = code; },
  (e) => {
    const usage = e instanceof OptionError;
    process.stderr.write(`biotriples worker: ${(e as Error).message}${usage ? ' (see --help)' : ''}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.failed;
  },
);
