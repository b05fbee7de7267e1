/**
 * npm run diff -- <old> <new> [--format text|markdown|json] [--fail-on removed,added,changed] [--out file]
 * Runs are output folders or git:<rev> (output/ at that revision). Exit 0, or 1 when a --fail-on
 * kind of change occurred (in triples, statements or entities), 2 on bad usage or an unreadable run.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CHANGE_KINDS, type ChangeKind, diffRuns } from '../review/diff.js';
import { type DiffFormat, kindTotals, renderDiff } from '../review/render-diff.js';
import { RunError, loadRun } from '../review/run.js';

const HELP = `Usage: npm run diff -- <old> <new> [options]

Compares two extraction runs: triples, statements and entities added, removed and changed,
each with its likely cause (text, dictionaries, model, rule, curation, code).
A run is an output folder or git:<rev> (the output/ folder at a git revision; git:<rev>:<dir> for another folder).

Options:
  --format text|markdown|json   (default: text)
  --fail-on <kinds>             exit 1 when any change of these kinds occurred: removed, added, changed (comma-separated)
  --out <file>                  write the diff to a file instead of standard output
  -h, --help                    show this help
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (positionals.length !== 2) { process.stderr.write(`diff: expected two runs, got ${positionals.length}\n\n${HELP}`); return 2; }
  const format = values.format as DiffFormat;
  if (!['text', 'markdown', 'json'].includes(format)) { console.error(`diff: --format must be text, markdown or json, got "${format}"`); return 2; }
  const failOn = (values['fail-on'] ?? '').split(',').map((s) => s.trim()).filter(Boolean) as ChangeKind[];
  const unknown = failOn.filter((k) => !CHANGE_KINDS.includes(k));
  if (unknown.length) { console.error(`diff: --fail-on takes removed, added, changed; got "${unknown.join(', ')}"`); return 2; }
  let diff;
  try {
    diff = diffRuns(loadRun(positionals[0]), loadRun(positionals[1]));
  } catch (e) {
    if (e instanceof RunError) { console.error(`diff: ${e.message}`); return 2; }
    throw e;
  }
  const rendered = renderDiff(diff, format);
  if (values.out) await writeFile(values.out, rendered);
  else process.stdout.write(rendered);
  const totals = kindTotals(diff);
  const failed = failOn.filter((k) => totals[k] > 0);
  for (const k of failed) console.error(`diff: ${totals[k]} ${k} (--fail-on ${k})`);
  return failed.length ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`diff: ${(e as Error).stack ?? e}`); process.exitCode = 2; });
