/**
 * Sorts one corpus's gene-span errors by kind (dev tool): `npx tsx scripts/gene-span-kinds.ts FILE
 * [CORPUS] [--tp N]`, FILE the `--errors` file of scripts/gene-span-cv.ts (cross-validated training rows;
 * default corpus DrugProt). Misses: the gold span was touched by nothing (a coordination, a single
 * lower-case word, a lower-case phrase, a name or symbol) or by a span with another boundary (the
 * gold adds a species or source word before, a descriptive word after, is a coordination, is
 * otherwise longer or shorter). False positives: spurious, or a boundary error. Then what F1 the
 * corpus would reach if the guideline kinds were all decided its way: each species, coordination
 * and descriptor boundary error a hit, every missed single lower-case word found (`--tp`: the exact
 * true positives gene-span-cv printed for the corpus).
 */
import { existsSync, readFileSync } from 'node:fs';

const SPECIES = /^(?:human|mouse|murine|rat|bovine|porcine|rabbit|canine|ovine|chicken|guinea pig|hamster|monkey|recombinant|cloned|native|wild-type|torpedo|electric eel|yeast|bacterial|mammalian|brain|hepatic|liver|plasma|serum|mitochondrial|cytosolic|microsomal)\s+/i;
const DESCRIPTOR = /\b(?:genes?|proteins?|mrnas?|promoters?|expression|activity|domains?|subunits?|isoforms?|isozymes?|isoenzymes?|transcripts?|sites?|regions?|complex(?:es)?)\b/i;
const COORDINATION = /,|\band\b|\bor\b/;

/** columns as gene-span-cv writes them: corpus, error, doc, start, end, text, id, note */
export function errorKind(error: string, text: string, note: string): string {
  if (error === 'FN') {
    if (!note.startsWith('boundary:')) {
      if (COORDINATION.test(text)) return 'FN missed: a coordination or ellipsis';
      if (/^[a-z][a-z-]*$/.test(text)) return 'FN missed: a single lower-case word';
      if (/^[a-z][a-z0-9 ()α-ω,-]*$/.test(text)) return 'FN missed: a lower-case phrase';
      return 'FN missed: a name or symbol';
    }
    const ours = note.slice('boundary:'.length);
    if (SPECIES.test(text) && text.includes(ours)) return 'FN boundary: the gold adds a species or source word';
    if (COORDINATION.test(text) && text.includes(ours)) return 'FN boundary: the gold is a coordination';
    if (text.includes(ours) && DESCRIPTOR.test(text.slice(text.indexOf(ours) + ours.length))) return 'FN boundary: the gold adds a descriptive word after';
    if (text.includes(ours)) return 'FN boundary: the gold is longer, otherwise';
    if (ours.includes(text)) return 'FN boundary: the gold is shorter';
    return 'FN boundary: crossing';
  }
  if (note === 'spurious') return /^[a-z][a-z-]*$/.test(text) ? 'FP spurious: a single lower-case word' : 'FP spurious: other';
  const gold = note.slice('boundary:'.length);
  if (gold.includes(text)) return 'FP boundary: ours shorter';
  if (text.includes(gold)) return 'FP boundary: ours longer';
  return 'FP boundary: crossing';
}

function main(): number {
  const file = process.argv[2];
  const corpus = process.argv[3] && !process.argv[3].startsWith('--') ? process.argv[3] : 'DrugProt';
  if (!file || !existsSync(file)) { console.log('usage: npx tsx scripts/gene-span-kinds.ts ERRORS_FILE [CORPUS] (ERRORS_FILE from scripts/gene-span-cv.ts --errors)'); return file ? 1 : 0; }
  const rows = readFileSync(file, 'utf8').split('\n').map((l) => l.split('\t')).filter((r) => r[0] === corpus && r.length >= 8);
  const kinds = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const k = errorKind(r[1], r[5], r[7]);
    const ex = kinds.get(k) ?? new Map<string, number>();
    const label = r[7].startsWith('boundary:') ? `${r[5]} <${r[7].slice(9)}>` : r[5];
    ex.set(label, (ex.get(label) ?? 0) + 1);
    kinds.set(k, ex);
  }
  const n = (k: string) => [...(kinds.get(k)?.values() ?? [])].reduce((a, b) => a + b, 0);
  for (const k of [...kinds.keys()].sort()) {
    const ex = [...kinds.get(k)!].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, c]) => `${t} ×${c}`).join('; ');
    console.log(`${String(n(k)).padStart(6)}  ${k.padEnd(52)} e.g. ${ex}`);
  }
  const ti = process.argv.indexOf('--tp');
  if (ti >= 0) {
    let tp = Number(process.argv[ti + 1]), fp = rows.filter((r) => r[1] === 'FP').length, fn = rows.filter((r) => r[1] === 'FN').length;
    const f1 = () => ((2 * tp) / (2 * tp + fp + fn)).toFixed(3);
    console.log(`exact F1 ${f1()}; if decided the corpus's way:`);
    for (const k of ['FN boundary: the gold adds a species or source word', 'FN boundary: the gold is a coordination', 'FN boundary: the gold adds a descriptive word after']) {
      // the boundary error's false positive becomes the hit
      tp += n(k); fp -= n(k); fn -= n(k);
      console.log(`  + ${k.slice(22)}: ${f1()}`);
    }
    tp += n('FN missed: a single lower-case word'); fn -= n('FN missed: a single lower-case word');
    console.log(`  + every missed single lower-case word found, no new false positive: ${f1()}`);
  }
  return 0;
}

const isMain = process.argv[1]?.endsWith('gene-span-kinds.ts');
if (isMain) process.exitCode = main();
