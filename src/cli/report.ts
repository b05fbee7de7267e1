/**
 * npm run report [-- --run output --out <file> --diff <old run>]
 * Writes one self-contained HTML report of a run (default <run>/report.html): corpus page and a
 * page per document, curation controls and verdict export. Exit 0, 2 on an unreadable run.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { writeFileAtomic } from '../emit/atomic-write.js';
import { CurationError, DEFAULT_LEDGER } from '../curate/ledger.js';
import { buildReport } from '../review/report/build.js';
import { RunError } from '../review/run.js';

const HELP = `Usage: npm run report -- [options]

Writes one HTML file (no server, no network: open it from file://) with a corpus page and a
page per document: text with mentions highlighted, triples linked to their evidence, filters,
and Accept / Reject / Correct controls whose verdicts export as a JSON file for npm run curate.

Options:
  --run <run>       run folder or git:<rev> (default: output)
  --out <file>      where to write (default: <run>/report.html, or report.html for a git run)
  --diff <old>      add the diff from an older run (folder or git:<rev>) to the corpus page
  --ledger <file>   curation ledger for the acceptance table (default: ${DEFAULT_LEDGER})
  -h, --help        show this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      run: { type: 'string', default: 'output' },
      out: { type: 'string' },
      diff: { type: 'string' },
      ledger: { type: 'string', default: DEFAULT_LEDGER },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const out = values.out ?? (values.run!.startsWith('git:') ? 'report.html' : path.join(values.run!, 'report.html'));
  try {
    const html = await buildReport({ run: values.run!, diff: values.diff, ledger: values.ledger });
    await writeFileAtomic(out, html);
    console.log(`wrote ${out} (${Math.round(html.length / 1024)} KB); open it in a browser: file://${path.resolve(out)}`);
    return 0;
  } catch (e) {
    if (e instanceof RunError || e instanceof CurationError) { console.error(`report: ${e.message}`); return 2; }
    throw e;
  }
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`report: ${(e as Error).stack ?? e}`); process.exitCode = 2; });
