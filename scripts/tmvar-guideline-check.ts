/**
 * `npx tsx scripts/tmvar-guideline-check.ts [eval-root]`: what the in-sample `tmVar train` row of
 * `npm run eval:ner` is worth (dev only; skips cleanly when ../shared/eval is absent). The old tmVar
 * file holds the same abstracts as tmVar3's train and test parts (scripts/tmvar-overlap.ts), under an
 * older, narrower guideline. On the abstracts of each tmVar3 part whose text is the same in both
 * files, it scores the tagger twice, each time as eval:ner scores that file (old: no natural-language
 * kind; both: no alleles named alone), and splits tmVar3's recall into the mentions the old file
 * annotates too and those only tmVar3 annotates. Same texts, same predictions: any difference between
 * the two scores is the annotation guideline. Then the other way round: BioRED's development part under
 * one guideline, split into the abstracts the old file holds (texts the rules were written on) and the
 * others (texts no rule was written on): a gap there would be overfitting to the texts. Aggregates only
 * (no error listing: tmVar3 test and BioRED dev are held out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS, scoreRow, type NerRow } from '../src/cli/eval-ner.ts';
import { parsePubtatorNer, type NerDocument } from '../src/evaluate/corpora/ner.ts';
import { f1, precision, recall, type Prf } from '../src/evaluate/ner-score.ts';
import type { Entity } from '../src/model/schemas.ts';
import { processDocument } from '../src/pipeline.ts';
import { defaultLexicon } from '../src/tag/dictionary.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.argv[2] ?? resolve(ROOT, '../shared/eval'));
const row = (corpus: string, split: string): NerRow => ROWS.find((r) => r.corpus === corpus && r.split.startsWith(split) && r.type === 'mutation')!;
const oldRow = row('tmVar', 'train'), parts = { train: row('tmVar3', 'train'), test: row('tmVar3', 'test') };
/** BioRED's development part (held out: never read to write rules), its variants scored as eval:ner's row scores them */
const BIORED_DEV = row('BioRED', 'dev');
const missing = [oldRow, parts.train, parts.test].map((r) => resolve(root, r.files[0])).find((f) => !existsSync(f));
if (missing) {
  console.log(`tmvar-guideline-check: ${missing} not found (skipped)`);
} else {
  const load = (r: NerRow) => new Map(parsePubtatorNer(readFileSync(resolve(root, r.files[0]), 'utf8')).map((d) => [d.id, d] as const));
  const lexicon = defaultLexicon();
  // one run per text: both files' documents with the same text get the same predictions
  const cache = new Map<string, Entity[]>();
  const run = (d: NerDocument) => {
    let e = cache.get(d.text);
    if (!e) cache.set(d.text, (e = processDocument({ id: d.id, source: 'tmvar', format: 'pubtator', text: d.text, sha256: '' }, lexicon).entities));
    return e;
  };
  const cell = (s: Prf) => `P ${precision(s).toFixed(3)} R ${recall(s).toFixed(3)} F1 ${f1(s).toFixed(3)} (gold ${s.tp + s.fn})`;
  const old = load(oldRow);
  for (const [name, r] of Object.entries(parts)) {
    const docs = [...load(r).values()].filter((d) => old.get(d.id)?.text === d.text);
    const olds = docs.map((d) => old.get(d.id)!);
    const span = (m: { start: number; end: number }) => `${m.start}-${m.end}`;
    const inOld = (d: NerDocument) => new Set(old.get(d.id)!.mentions.filter((m) => oldRow.gold.includes(m.type)).map(span));
    // tmVar3's gold split by whether the old file annotates the same span
    const only = (keep: boolean) => docs.map((d) => { const o = inOld(d); return { ...d, mentions: d.mentions.filter((m) => !r.gold.includes(m.type) || o.has(span(m)) === keep) }; });
    console.log(`tmVar3 ${name} abstracts with the same text in the old file: ${docs.length}`);
    console.log(`  scored against the old file (as the in-sample row): ${cell(scoreRow(oldRow, olds, run).exact)}`);
    console.log(`  scored against tmVar3 (as the tmVar3 ${name} row):   ${cell(scoreRow(r, docs, run).exact)}`);
    const shared = scoreRow(r, only(true), run).exact, added = scoreRow(r, only(false), run).exact;
    console.log(`  tmVar3 recall on mentions the old file annotates too: ${recall(shared).toFixed(3)} (${shared.tp}/${shared.tp + shared.fn}); on mentions only tmVar3 annotates: ${recall(added).toFixed(3)} (${added.tp}/${added.tp + added.fn})`);
    // tmVar3's false positives: natural-language mentions (which the old row leaves out) or spans the old file annotates
    let natural = 0, oldSpan = 0, other = 0;
    for (const d of docs) {
      const gold = new Set(d.mentions.filter((m) => r.gold.includes(m.type)).map(span)), o = inOld(d);
      for (const e of run(d)) {
        if (e.type !== 'mutation' || /^variant:(?:allele|genotype)\|/.test(e.source) || gold.has(span(e))) continue;
        if (e.source.startsWith('variant:natural')) natural++; else if (o.has(span(e))) oldSpan++; else other++;
      }
    }
    console.log(`  tmVar3 false positives: ${natural} natural-language, ${oldSpan} on a span the old file annotates, ${other} other`);
  }
  // the other way round: one guideline (BioRED's), texts the rules were written on or not
  const biored = resolve(root, BIORED_DEV.files[0]);
  if (existsSync(biored)) {
    const docs = parsePubtatorNer(readFileSync(biored, 'utf8'));
    for (const seen of [true, false]) {
      const part = docs.filter((d) => old.has(d.id) === seen);
      console.log(`BioRED dev variants, ${part.length} abstracts ${seen ? 'in' : 'not in'} the old tmVar file: ${cell(scoreRow(BIORED_DEV, part, run).exact)}`);
    }
  }
}
