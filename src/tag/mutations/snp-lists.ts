/**
 * dbSNP ids listed after one prefix: "rs#1999764, 1855915, 1970244, and 489517" names four SNPs,
 * the prefix written once. Each bare number (4–10 digits) that continues such a list, right after
 * an rs id or another continuation, is an rs id. Linear: each list item is read once.
 */
import { snp } from './notation.ts';
import { variantMention, type VariantMention } from './scan.ts';

const NEXT = /^(,\s?(?:and\s)?|\s(?:and|or)\s)(\d{4,10})(?![\d.,]?\d|[A-Za-z%])/;

export function continueSnpLists(text: string, found: VariantMention[]): VariantMention[] {
  const out: VariantMention[] = [];
  found.forEach((v, i) => {
    if (v.kind !== 'snp' || !/^rs/.test(v.tmvar)) return;
    // found is sorted: a continuation stops where the next mention begins
    const limit = i + 1 < found.length ? found[i + 1].start : text.length;
    let end = v.end;
    for (let m; (m = NEXT.exec(text.slice(end, end + 24)));) {
      const start = end + m[1].length;
      end = start + m[2].length;
      if (end > limit) break;
      out.push(variantMention(start, end, m[2], snp('rs' + m[2])));
    }
  });
  return out;
}
