/**
 * `npm run eval:tmvar [-- --file PATH] [--natural]`: scores the mutation tagger against the tmVar
 * corpus (dev/eval only; reads ../shared). Prints precision / recall / F1 for exact spans,
 * overlapping spans and tmVar normalized forms (per-document sets, strict and with the DNA
 * sequence-type prefix c/g/m/r ignored, since the corpus uses it inconsistently), the most common
 * error patterns, and throughput; writes every error to output/eval/tmvar-errors.tsv.
 *
 * Natural-language mentions ("exon 20 insertions", "G to A substitution at codon 12") are outside
 * the tmVar guidelines and are not scored unless `--natural` is given.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTmvar, type TmvarDocument } from '../evaluate/corpora/tmvar.ts';
import { findVariants, type VariantMention } from '../tag/mutations/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_FILE = resolve(ROOT, '../shared/eval/tmvar/train.PubTator.txt');
const OUT = resolve(ROOT, 'output/eval/tmvar-errors.tsv');

interface Prf { tp: number; fp: number; fn: number }
const prf = (): Prf => ({ tp: 0, fp: 0, fn: 0 });
const f = (x: number) => x.toFixed(3);
function line(name: string, s: Prf): string {
  const p = s.tp / (s.tp + s.fp || 1), r = s.tp / (s.tp + s.fn || 1), f1 = (2 * p * r) / (p + r || 1);
  return `${name.padEnd(22)} P ${f(p)}  R ${f(r)}  F1 ${f(f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

/** mention shape for grouping errors: digits → 9, letters → A/a, runs collapsed */
export const shape = (s: string): string =>
  s.replace(/\d{1,12}/g, '9').replace(/(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)/g, 'Aaa')
    .replace(/\b[A-Z]\b|(?<=[\d.])[A-Z](?=[\d>/)\s,]|$)|(?<=^|[\s(])[A-Z](?=\d)/g, 'X');

/** the DNA sequence-type prefix (c, g, m, r, or none) carries no information across the corpus */
const relaxed = (n: string): string => n.replace(/^[cgmrn]?\|/, '|').replace(/^\|/, n.startsWith('p|') ? 'p|' : '|').toUpperCase();

function score(docs: TmvarDocument[], withNatural: boolean) {
  const exact = prf(), overlap = prf(), norm = prf(), normRelaxed = prf();
  const errors: string[][] = [];
  const ctx = (t: string, s: number, e: number) => t.slice(Math.max(0, s - 40), e + 40).replace(/\s/g, ' ');
  let naturalFound = 0;
  for (const d of docs) {
    const all = findVariants(d.text);
    naturalFound += all.filter((v) => v.kind === 'natural').length;
    const pred: VariantMention[] = withNatural ? all : all.filter((v) => v.kind !== 'natural');
    const gold = d.mentions;
    const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
    const predKeys = new Set(pred.map((p) => `${p.start}:${p.end}`));
    for (const p of pred) {
      if (goldKeys.has(`${p.start}:${p.end}`)) exact.tp++;
      else {
        exact.fp++;
        const o = gold.find((g) => g.start < p.end && p.start < g.end);
        errors.push(['FP', d.pmid, String(p.start), String(p.end), p.text, p.tmvar, o ? `boundary:${o.text}` : 'spurious', ctx(d.text, p.start, p.end)]);
      }
    }
    for (const g of gold) {
      if (predKeys.has(`${g.start}:${g.end}`)) continue;
      exact.fn++;
      const o = pred.find((p) => g.start < p.end && p.start < g.end);
      errors.push(['FN', d.pmid, String(g.start), String(g.end), g.text, g.norm, o ? `boundary:${o.text}` : 'missed', ctx(d.text, g.start, g.end)]);
    }
    // overlap: one-to-one, greedy in text order
    const used = new Set<number>();
    for (const p of pred) {
      const i = gold.findIndex((g, k) => !used.has(k) && g.start < p.end && p.start < g.end);
      if (i >= 0) { used.add(i); overlap.tp++; } else overlap.fp++;
    }
    overlap.fn += gold.length - used.size;
    for (const [acc, key] of [[norm, (s: string) => s], [normRelaxed, relaxed]] as const) {
      const gs = new Set(gold.map((g) => key(g.norm)));
      const ps = new Set(pred.map((p) => key(p.tmvar)));
      for (const n of ps) if (gs.has(n)) acc.tp++; else acc.fp++;
      for (const n of gs) if (!ps.has(n)) acc.fn++;
      if (acc === norm) {
        for (const n of ps) if (!gs.has(n)) errors.push(['FP-norm', d.pmid, '', '', pred.find((p) => p.tmvar === n)!.text, n, '', '']);
        for (const n of gs) if (!ps.has(n)) errors.push(['FN-norm', d.pmid, '', '', gold.find((g) => g.norm === n)!.text, n, '', '']);
      }
    }
  }
  return { exact, overlap, norm, normRelaxed, errors, naturalFound };
}

function topPatterns(errors: string[][], kind: string, n: number): string[] {
  const groups = new Map<string, { count: number; examples: string[] }>();
  for (const e of errors) {
    if (e[0] !== kind) continue;
    const key = `${e[6].startsWith('boundary') ? 'boundary ' : ''}${shape(e[4])}`;
    const g = groups.get(key) ?? { count: 0, examples: [] };
    g.count++;
    if (g.examples.length < 3 && !g.examples.includes(e[4])) g.examples.push(e[4]);
    groups.set(key, g);
  }
  return [...groups.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, n)
    .map(([k, g]) => `  ${String(g.count).padStart(4)}  ${k.padEnd(34)} e.g. ${g.examples.join(' | ')}`);
}

function main(argv: string[]): number {
  const i = argv.indexOf('--file');
  const file = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : DEFAULT_FILE;
  if (!existsSync(file)) {
    console.log(`eval:tmvar skipped: ${file} not found (the tmVar corpus lives in ../shared/eval/tmvar; pass --file PATH)`);
    return 0;
  }
  const docs = loadTmvar(file);
  const withNatural = argv.includes('--natural');
  const r = score(docs, withNatural);
  const goldN = docs.reduce((n, d) => n + d.mentions.length, 0);
  console.log(`tmVar ${file}: ${docs.length} documents, ${goldN} gold mentions` +
    `${withNatural ? '' : ` (natural-language mentions not scored: ${r.naturalFound} found)`}`);
  console.log(line('exact span', r.exact));
  console.log(line('overlapping span', r.overlap));
  console.log(line('normalized (strict)', r.norm));
  console.log(line('normalized (c/g/m/r ≡)', r.normRelaxed));
  console.log('\ntop false positives (exact span), by pattern:');
  console.log(topPatterns(r.errors, 'FP', 12).join('\n') || '  none');
  console.log('top false negatives (exact span), by pattern:');
  console.log(topPatterns(r.errors, 'FN', 12).join('\n') || '  none');

  // throughput over the corpus text, repeated to a few MB so timing noise stays small
  const text = docs.map((d) => d.text).join('\n');
  const reps = Math.max(1, Math.ceil(4e6 / text.length));
  const big = Array.from({ length: reps }, () => text).join('\n');
  findVariants(text);
  const t0 = performance.now();
  const found = findVariants(big).length;
  const ms = performance.now() - t0;
  console.log(`\nthroughput: ${(big.length / 1e6 / (ms / 1000)).toFixed(1)} MB/s (${(big.length / 1e6).toFixed(1)} MB, ${found} mentions, ${ms.toFixed(0)} ms)`);

  mkdirSync(dirname(OUT), { recursive: true });
  const header = ['error', 'pmid', 'start', 'end', 'text', 'tmvar', 'note', 'context'];
  writeFileSync(OUT, [header, ...r.errors].map((e) => e.map((c) => c.replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + '\n');
  console.log(`errors: ${r.errors.length} rows → ${OUT}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
