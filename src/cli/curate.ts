/**
 * npm run curate -- --apply <verdicts.json> [--curator name] [--ledger curation/ledger.jsonl]
 * Merges a verdict file exported from the report into the curation ledger (append-only; a later
 * verdict on a triple supersedes an earlier one). Without --apply, prints the ledger's verdicts in
 * force per rule. Exit 0 ok, 1 bad verdict file or ledger, 2 usage.
 */
import { parseArgs } from 'node:util';
import { renderAcceptance, ruleAcceptance } from '../curate/acceptance.js';
import { CurationError, DEFAULT_LEDGER, applyVerdictFile, currentVerdicts, readLedger } from '../curate/ledger.js';

const HELP = `Usage: npm run curate -- --apply <verdicts.json> [--curator <name>] [--ledger <file>]

Merges a curator's verdicts (the report's "Export verdicts" file) into the curation ledger
that the next npm run extract applies: rejected triples are left out, accepted ones marked,
corrected predicates applied. Without --apply, prints the verdicts in force per rule.

Options:
  --apply <file>     verdict file to merge
  --curator <name>   curator for verdicts that name none
  --ledger <file>    the ledger (default: ${DEFAULT_LEDGER})
  -h, --help         show this help
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      apply: { type: 'string' },
      curator: { type: 'string' },
      ledger: { type: 'string', default: DEFAULT_LEDGER },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const ledgerFile = values.ledger!;
  try {
    const ledger = readLedger(ledgerFile)?.entries ?? [];
    if (!values.apply) {
      console.log(renderAcceptance(ruleAcceptance(currentVerdicts(ledger).values()), ledgerFile));
      return 0;
    }
    const r = await applyVerdictFile(values.apply, ledgerFile, values.curator);
    console.log(`${values.apply}: ${r.incoming} verdict(s), ${r.added} added to ${ledgerFile} (${r.superseding} superseding earlier ones), ${r.skipped} already there`);
    console.log(`ledger: ${r.entries} entries; in force: ${r.accepted} accepted, ${r.rejected} rejected, ${r.corrected} corrected; npm run extract applies them`);
    return 0;
  } catch (e) {
    if (e instanceof CurationError) { console.error(`curate: ${e.message}`); return 1; }
    throw e;
  }
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`curate: ${(e as Error).stack ?? e}`); process.exitCode = 2; });
