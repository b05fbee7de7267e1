/** Gathers a run's rows, texts, score, curation figures and optional diff into the report HTML. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderAcceptance, ruleAcceptance } from '../../curate/acceptance.js';
import { currentVerdicts, readLedger } from '../../curate/ledger.js';
import { renderSummary } from '../../evaluate/report.js';
import type { Summary } from '../../evaluate/score.js';
import { diffRuns } from '../diff.js';
import { renderDiff } from '../render-diff.js';
import { loadRun } from '../run.js';
import { renderReport } from './page.js';
import { loadTexts } from './texts.js';

export interface ReportOptions { run: string; diff?: string; ledger?: string }

function scoreTable(dir?: string): string | undefined {
  const file = dir && path.join(dir, 'score', 'summary.json');
  if (!file || !existsSync(file)) return undefined;
  try {
    return renderSummary(JSON.parse(readFileSync(file, 'utf8')) as Summary, `score ${dir} (from ${file})`);
  } catch (e) {
    return `${file}: unreadable (${(e as Error).message})`;
  }
}

export async function buildReport(options: ReportOptions): Promise<string> {
  const run = loadRun(options.run);
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
  const curation = run.manifest.curation as { rejected?: unknown[] } | undefined;
  return renderReport({
    label: run.label,
    documents: run.documents,
    entities: run.entities,
    triples: run.triples,
    texts: await loadTexts(run),
    rejected: curation?.rejected?.length ?? 0,
    score: scoreTable(run.dir),
    acceptance: ledger ? renderAcceptance(ruleAcceptance(currentVerdicts(ledger.entries).values()), options.ledger!) : undefined,
    diff: options.diff ? renderDiff(diffRuns(loadRun(options.diff), run), 'text') : undefined,
  });
}
