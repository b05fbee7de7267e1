/**
 * Dev tool: the tag stage of `npm run bench` item 3 alone (tagEntities + tagDrugClasses over the
 * bench's 3 MB base set of held-out abstracts), in MB per CPU-second of this process, and the
 * learned gene tagger's part (learnedGeneSpans over every in-scope sentence) apart. Takes a
 * checkout, so two checkouts can be run alternately on a shared machine (interleaved, medians):
 *   npx tsx scripts/tag-speed.ts [checkout] [--reps N] [--shared ../shared] [--only tag|learned]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tagInputs } from './tag-inputs.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { reps: { type: 'string', default: '5' }, shared: { type: 'string', default: '../shared' }, only: { type: 'string' } } });
const root = path.resolve(positionals[0] ?? '.');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const work = mkdtempSync(path.join(os.tmpdir(), 'tag-speed-'));
try {
  const { src, lexicon, docs, mb, tagAll } = await tagInputs(root, args.shared!, work);
  const { defaultGeneModel, learnedGeneSpans } = await src('tag/learned/gene-tagger.ts');
  const model = defaultGeneModel();
  // each sentence with its dictionary scan, as the tag stage hands them to the learned tagger
  const sentences = docs.flatMap((d) => d.sentences.filter((s) => !s.skip).map((s) => d.text.slice(s.start, s.end))).map((s) => ({ s, scan: lexicon.automaton.scan(s) }));
  const runs: Record<string, () => void> = {
    tag: tagAll,
    learned: () => { for (const { s, scan } of sentences) learnedGeneSpans(s, lexicon.automaton, model, scan); },
  };
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(runs)) {
    if (args.only && args.only !== name) continue;
    run(); // warm-up: JIT, lazy lexicon decoding
    const rates = Array.from({ length: Number(args.reps) }, () => { const c = cpu(); run(); return mb / (cpu() - c); });
    out[name] = Math.round(median(rates) * 100) / 100;
  }
  console.log(JSON.stringify({ root, mb: Math.round(mb * 100) / 100, load: Math.round(os.loadavg()[0] * 10) / 10, ...out }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
