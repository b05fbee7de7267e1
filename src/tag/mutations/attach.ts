/**
 * Gene attachment for variant mentions: the gene a variant belongs to is, in order,
 * 1. an appositive / list head: the gene right before a bracketed list the variant sits in
 *    ("HER2 somatic mutations (G309A, D769H, V777L)"),
 * 2. the nearest gene in the same sentence, preferring one before the variant ("HER2 V777L"),
 * 3. the document's dominant gene (most mentions; ties to the earliest mentioned).
 * Pure and deterministic.
 */
import { byStart as startOrder, byStartThenEnd } from '../span-index.ts';

export interface GeneSpan { start: number; end: number; symbol: string }
/** attachment needs only where each variant is */
interface Span { start: number; end: number }
export type GeneAttachment = 'sentence' | 'appositive' | 'document';

/** how far before an opening bracket a list head may sit (characters) */
const HEAD_WINDOW = 60;
/** the widest gap between two list elements (", ", " and ", ", and ") */
const LIST_GAP = 6;

function dominantGene(genes: GeneSpan[]): string | null {
  const count = new Map<string, { n: number; first: number }>();
  for (const g of genes) {
    const e = count.get(g.symbol);
    if (e) e.n++;
    else count.set(g.symbol, { n: 1, first: g.start });
  }
  let best: string | null = null, bn = 0, bf = Infinity;
  for (const [sym, { n, first }] of count) {
    if (n > bn || (n === bn && first < bf)) { best = sym; bn = n; bf = first; }
  }
  return best;
}

function sentenceOf(pos: number, sentences: { start: number; end: number }[]): { start: number; end: number } | null {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * A variant is in a list when neighbouring variants sit within LIST_GAP characters of it
 * ("G309A, D769H, V777L"); the list's head is the last gene before the list's first element,
 * at most HEAD_WINDOW characters before it ("HER2 somatic mutations (G309A, ...").
 */
function appositiveHead(before: GeneSpan | undefined, variants: Span[], idx: number): boolean {
  if (!before) return false;
  let lo = idx, hi = idx;
  while (lo > 0 && variants[lo].start - variants[lo - 1].end <= LIST_GAP && variants[lo - 1].start >= before.end) lo--;
  while (hi < variants.length - 1 && variants[hi + 1].start - variants[hi].end <= LIST_GAP) hi++;
  if (lo === hi) return false;
  return variants[lo].start - before.end <= HEAD_WINDOW;
}

export function attachGenes(
  variants: Span[], genes: GeneSpan[], sentences: { start: number; end: number }[],
): { gene: string | null; via: GeneAttachment | null }[] {
  const sorted = [...genes].sort(byStartThenEnd);
  const sents = [...sentences].sort(startOrder);
  const dominant = dominantGene(sorted);
  const order = variants.map((v, i) => i).sort((a, b) => variants[a].start - variants[b].start);
  const byStart = order.map((i) => variants[i]);
  const out: { gene: string | null; via: GeneAttachment | null }[] = new Array(variants.length);
  order.forEach((orig, k) => {
    const v = variants[orig];
    const sent = sentenceOf(v.start, sents) ?? { start: -Infinity, end: Infinity };
    let before: GeneSpan | undefined, after: GeneSpan | undefined;
    for (const g of sorted) {
      if (g.start < sent.start || g.end > sent.end) continue;
      if (g.end <= v.start) before = g;
      else if (g.start >= v.end && !after) after = g;
    }
    if (before && appositiveHead(before, byStart, k)) out[orig] = { gene: before.symbol, via: 'appositive' };
    else if (before || after) {
      // prefer the gene before; take the one after only when it is clearly closer
      const db = before ? v.start - before.end : Infinity;
      const da = after ? after.start - v.end : Infinity;
      const g = before && db <= da * 3 + 5 ? before : after ?? before!;
      out[orig] = { gene: g.symbol, via: 'sentence' };
    } else if (dominant) out[orig] = { gene: dominant, via: 'document' };
    else out[orig] = { gene: null, via: null };
  });
  return out;
}
