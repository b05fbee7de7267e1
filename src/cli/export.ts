/** `npm run export -- --to sqlite|kgx|bioc [--run output] [--out <path>]`: a finished run in another format. */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readRun } from '../export/run.js';
import { exportSqlite } from '../export/sqlite.js';
import { exportKgx } from '../export/kgx.js';
import { exportBioc } from '../export/bioc.js';

const HELP = `Usage: npm run export -- --to <target> [options]

Writes a finished run (output/ by default) in another format. Re-running replaces the
export; every file is written to a temp file and renamed into place.

Targets:
  sqlite   one SQLite database (default --out exports/biotriples.sqlite)
  kgx      KGX nodes.tsv, edges.tsv, nodes.jsonl, edges.jsonl (default --out exports/kgx)
  bioc     BioC collection.xml and collection.json (default --out exports/bioc)

Options:
  --run <dir>     run folder to export (default: output)
  --out <path>    database file (sqlite) or folder (kgx, bioc)
  -h, --help      show this help
`;

const DEFAULT_OUT: Record<string, string> = { sqlite: 'exports/biotriples.sqlite', kgx: 'exports/kgx', bioc: 'exports/bioc' };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      run: { type: 'string', default: 'output' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const target = values.to ?? '';
  if (!(target in DEFAULT_OUT)) { process.stderr.write(`biotriples: --to must be sqlite, kgx or bioc (got "${target}")\n\n${HELP}`); return 2; }
  const run = readRun(values.run!);
  const out = values.out ?? DEFAULT_OUT[target];
  if (target === 'sqlite') {
    const { rows } = exportSqlite(run, out);
    console.log(`sqlite: ${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(', ')} → ${out}`);
  } else if (target === 'kgx') {
    const { nodes, edges } = await exportKgx(run, out);
    console.log(`kgx: ${nodes} nodes, ${edges} edges → ${path.join(out, '{nodes,edges}.{tsv,jsonl}')}`);
  } else {
    const { documents, missing } = await exportBioc(run, out);
    console.log(`bioc: ${documents} documents → ${path.join(out, 'collection.{xml,json}')}`);
    for (const id of missing) console.log(`warning: ${id}: original text not found, document left out`);
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`biotriples: ${(e as Error).message}`); process.exitCode = 2; });
