/**
 * Where DrugProt's gene spans and BioRED's disagree by guideline, measured on their training parts
 * only (dev tool; reads ../shared, skips cleanly without it): `npx tsx scripts/gene-guideline-conflict.ts`.
 *  1. Span conventions, as rates in each corpus: how often a gene span takes in a species word before
 *     it ("human TRPA1"), a descriptive word after it ("iNOS promoter"), how often a span is a
 *     coordination ("D1 and D2 receptors", "ERK1/2"), and how often a bare class noun ("cytokines",
 *     "kinase") is annotated at all.
 *  2. String by string: every DrugProt training gene span whose text also occurs in BioRED Train, and
 *     what BioRED does there most often (the same span as a gene; part of it, e.g. without the species
 *     word; inside a longer gene span; the same span or a longer one as another type; nothing).
 * One tagger answers both corpora, so the spans counted in 2 as "BioRED annotates otherwise" cannot
 * all be right on both at once.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS } from '../src/cli/eval-ner.ts';
import type { NerDocument, NerMention } from '../src/evaluate/corpora/ner.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL = resolve(ROOT, '../shared/eval');

const SPECIES = /(?:^|\s)(?:human|mouse|murine|rat|bovine|porcine|rabbit|canine|ovine|chicken|hamster|monkey|recombinant)\s+$/i;
const DESCRIPTOR = /^\s+(?:genes?|proteins?|mRNAs?|promoters?|domains?|subunits?|isoforms?|transcripts?|expression|activity)\b/i;
const COORDINATION = /\s(?:and|or)\s|,\s|\//;
const CLASS_NOUN = /\b(?:cytokines?|kinases?|receptors?|enzymes?|proteases?|phosphatases?|transporters?|channels?|chemokines?|integrins?|hormones?)\b/gi;

interface Corpus { name: string; docs: NerDocument[]; genes: (d: NerDocument) => NerMention[] }

function load(corpus: string, split: string, gold: string): Corpus | null {
  const row = ROWS.find((r) => r.corpus === corpus && r.split.startsWith(split) && r.type === 'gene');
  if (!row) return null;
  const paths = row.files.map((f) => resolve(EVAL, f));
  if (paths.some((p) => !existsSync(p))) return null;
  return { name: corpus, docs: row.load(paths), genes: (d) => d.mentions.filter((m) => m.type === gold) };
}

const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '–'} %)`;

/** span conventions of one corpus, as counts */
function conventions(c: Corpus): Record<string, string> {
  let spec = 0, specOut = 0, desc = 0, descOut = 0, coord = 0, all = 0, bare = 0, bareAll = 0;
  for (const d of c.docs) {
    const genes = c.genes(d);
    const covered = (s: number, e: number) => genes.some((m) => m.start <= s && m.end >= e);
    for (const m of genes) {
      all++;
      const t = d.text.slice(m.start, m.end);
      if (COORDINATION.test(t)) coord++;
      // a species word inside the span at its start, or right before it outside
      if (/^(?:human|mouse|murine|rat|bovine|porcine|rabbit|canine|ovine|chicken|hamster|monkey|recombinant)\s+\S/i.test(t)) spec++;
      else if (SPECIES.test(d.text.slice(Math.max(0, m.start - 20), m.start))) specOut++;
      if (/\s(?:genes?|proteins?|mRNAs?|promoters?|domains?|subunits?|isoforms?|transcripts?|expression|activity)$/i.test(t)) desc++;
      else if (DESCRIPTOR.test(d.text.slice(m.end, m.end + 20))) descOut++;
    }
    for (const x of d.text.matchAll(CLASS_NOUN)) {
      // the noun alone: no capitalised word, symbol or number glued before it in the same phrase
      const before = d.text.slice(Math.max(0, x.index - 30), x.index);
      if (!/(?:^|[.;:,(]\s*|\b(?:the|of|and|or|these|those|other|many|several|all|some|which|that|a|an|by|to|in|on|with|for|as|from)\s+)$/i.test(before)) continue;
      bareAll++;
      if (covered(x.index, x.index + x[0].length) && genes.some((m) => m.start === x.index && m.end === x.index + x[0].length)) bare++;
    }
  }
  return {
    'species word taken into the span': pct(spec, spec + specOut),
    'descriptive word taken into the span': pct(desc, desc + descOut),
    'spans that are coordinations': pct(coord, all),
    'bare class nouns annotated': pct(bare, bareAll),
  };
}

type Treatment = 'same' | 'part' | 'inside' | 'other type' | 'in other type' | 'none';

/** what `c` does where the string occurs (whole words) */
function treatments(c: Corpus, text: string): Treatment[] {
  const out: Treatment[] = [];
  const re = new RegExp(`(?<![A-Za-z0-9-])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9-])`, 'g');
  for (const d of c.docs) {
    if (!d.text.includes(text)) continue;
    for (const x of d.text.matchAll(re)) {
      const s = x.index, e = s + text.length;
      const genes = c.genes(d);
      if (genes.some((m) => m.start === s && m.end === e)) out.push('same');
      else if (genes.some((m) => m.start <= s && m.end >= e)) out.push('inside');
      else if (genes.some((m) => m.start >= s && m.end <= e)) out.push('part');
      else if (d.mentions.some((m) => m.start === s && m.end === e)) out.push('other type');
      else if (d.mentions.some((m) => m.start <= s && m.end >= e)) out.push('in other type');
      else out.push('none');
    }
  }
  return out;
}

function main(): number {
  const drugprot = load('DrugProt', 'train', 'Gene');
  const biored = load('BioRED', 'train', 'GeneOrGeneProduct');
  if (!drugprot || !biored) { console.log(`gene-guideline-conflict skipped: DrugProt training or BioRED Train not found under ${EVAL}`); return 0; }
  console.log('1. span conventions (training parts)');
  const a = conventions(drugprot), b = conventions(biored);
  console.log(`${''.padEnd(40)}${'DrugProt training'.padEnd(26)}BioRED Train`);
  for (const k of Object.keys(a)) console.log(`${k.padEnd(40)}${a[k].padEnd(26)}${b[k]}`);

  const spans = drugprot.docs.flatMap((d) => drugprot.genes(d).map((m) => d.text.slice(m.start, m.end)));
  const byText = new Map<string, number>();
  for (const t of spans) byText.set(t, (byText.get(t) ?? 0) + 1);
  const counts = new Map<Treatment | 'not in BioRED', number>();
  const examples = new Map<string, [string, number][]>();
  for (const [t, n] of byText) {
    const seen = treatments(biored, t);
    let k: Treatment | 'not in BioRED' = 'not in BioRED';
    if (seen.length) {
      const tally = new Map<Treatment, number>();
      for (const s of seen) tally.set(s, (tally.get(s) ?? 0) + 1);
      k = [...tally].sort((x, y) => y[1] - x[1])[0][0];
    }
    counts.set(k, (counts.get(k) ?? 0) + n);
    const ex = examples.get(k) ?? [];
    ex.push([t, n]);
    examples.set(k, ex);
  }
  const seenTotal = spans.length - (counts.get('not in BioRED') ?? 0);
  console.log(`\n2. DrugProt training gene spans (${spans.length}) whose text occurs in BioRED Train: ${seenTotal}; BioRED's most frequent treatment there:`);
  for (const k of ['same', 'part', 'inside', 'other type', 'in other type', 'none', 'not in BioRED'] as const) {
    const n = counts.get(k) ?? 0;
    const ex = (examples.get(k) ?? []).sort((x, y) => y[1] - x[1]).slice(0, 8).map(([t, c]) => `${t} ×${c}`).join('; ');
    console.log(`  ${k.padEnd(14)}${String(n).padStart(6)}${k === 'not in BioRED' ? '' : `  (${((100 * n) / seenTotal).toFixed(1)} % of those seen)`}  e.g. ${ex}`);
  }
  return 0;
}

process.exitCode = main();
