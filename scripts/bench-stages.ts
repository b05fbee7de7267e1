/**
 * Dev tool: item 3 of `npm run bench` alone (the per-stage MB per CPU-second, in-process), on the
 * same text the bench measures: its 3 MB base set of held-out abstracts written and read back as
 * extract reads them, the same stageThroughput. Skips the bench's whole-process, memory and
 * scaling runs, which take many minutes.
 *   npx tsx scripts/bench-stages.ts [--reps N] [--shared ../shared]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchText, readSetTexts, writeAbstractSet } from '../src/bench/abstracts.js';
import { asDocuments, stageThroughput } from '../src/bench/stages.js';
import { DICTIONARY_DIR, buildLexicon } from '../src/tag/dictionary.js';
import { defaultClassifier } from '../src/relate/classifier/load.js';

const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '3' }, shared: { type: 'string', default: '../shared' } } });
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-stages-'));
try {
  const text = loadBenchText(args.shared!);
  if (text.warning) console.log(`warning: ${text.warning}`);
  const base = writeAbstractSet(path.join(work, 'base'), text.abstracts, 3e6);
  const texts = readSetTexts(base.dir);
  console.log(`${text.origin}; base set ${(base.chars / 1e6).toFixed(2)} MB in ${base.documents} documents; load average ${os.loadavg()[0].toFixed(1)}`);
  const stages = stageThroughput(asDocuments(texts), buildLexicon(DICTIONARY_DIR), defaultClassifier() ?? undefined, Math.max(1, Number(args.reps) || 3));
  for (const s of stages) console.log(`${s.stage.padEnd(50)} ${s.mbPerS.toFixed(2).padStart(8)} MB per CPU-second`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
