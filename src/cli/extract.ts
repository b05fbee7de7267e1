/** `npm run extract [-- --input <dir|file> --out <dir>]`: run the pipeline and print a summary. */
import { parseArgs } from 'node:util';
import { runPipeline } from '../pipeline.js';
import { DEFAULT_LEDGER } from '../curate/ledger.js';
import { buildLexicon } from '../tag/dictionary.js';
import { progressBar } from './progress.js';

const HELP = `Usage: npm run extract -- [options]

Reads papers (.txt, .md, .pdf, PubTator) and writes a validated dataset of entities and
relation triples with provenance.

Options:
  --input <path>        file or folder of papers (default: corpus)
  --out <dir>           output folder (default: output)
  --concurrency <n>     documents processed at once (default: 4)
  --dictionaries <dir>  dictionary folder (default: dictionaries/ of the repo)
  --ledger <file>       curation ledger to apply, or "none" (default: curation/ledger.jsonl when present)
  --quiet               no progress bar or summary
  -h, --help            show this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: 'corpus' },
      out: { type: 'string', default: 'output' },
      concurrency: { type: 'string', default: '4' },
      dictionaries: { type: 'string' },
      ledger: { type: 'string', default: DEFAULT_LEDGER },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a positive integer, got "${values.concurrency}"`);
  const bar = values.quiet ? undefined : progressBar(process.stderr);
  const lexicon = values.dictionaries ? buildLexicon(values.dictionaries) : undefined;
  const summary = await runPipeline({ input: values.input!, out: values.out!, concurrency, lexicon, ledger: values.ledger === 'none' ? undefined : values.ledger, onProgress: bar?.update });
  bar?.done();
  if (!values.quiet) {
    const fmt = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    console.log(`documents: ${summary.documents} ok, ${summary.failed.length} failed`);
    console.log(`entities:  ${fmt(summary.entities)}`);
    console.log(`triples:   ${fmt(summary.triples)}`);
    console.log(`statements: ${summary.statements}`);
    if (summary.curation) console.log(`curation: ${summary.curation.accepted} accepted, ${summary.curation.corrected} corrected, ${summary.curation.rejected.length} rejected (left out), ${summary.curation.unmatched} verdicts for triples not in this run (${summary.curation.ledger})`);
    for (const f of summary.failed) console.log(`error: ${f.file}: ${f.reason} [${f.code}]`);
    console.log(`written to ${summary.out}/`);
  }
  return summary.failed.length && !summary.documents ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`biotriples: ${(e as Error).message}`); process.exitCode = 2; });
