/**
 * Grounds a span the learned gene tagger marked where no dictionary mention lies. The model has
 * read the context, so a name the dictionary holds but does not tag alone (a stop-listed symbol
 * such as `AR`, a plural, an isoform letter) is taken as that gene. Tried in order, first hit wins:
 *  1. the whole span is a dictionary gene term (stop-listed ones included);
 *  2. without a plural `s` (`TSHRs` → TSHR, `MMPs` → MMP);
 *  3. without an isoform letter after a digit or a Greek-letter name (`SH2B1a` → SH2B1, `OCT4A` → OCT4,
 *     `p38a` → p38) — only when the rest still holds a digit, so `CD4` never becomes `CD`;
 *  4. without a one-letter species prefix before a capital (`hGRalpha` is left: rest must be a gene);
 *  5. in capitals, when that is an official symbol and the span has a capital after its first letter
 *     (`StAR` → STAR, `ChAT` → CHAT; never `Rho` → RHO, rhodopsin): the
 *     dictionary keeps such symbols `exact` against the English word, but the model has read the
 *     context and found a gene, written the way protein names and rodent symbols are.
 * Returns undefined when nothing grounds the span (the caller then types it `LOCAL:<name>`), or
 * `'not-gene'` when the whole span is a dictionary term of another type (a drug, a chemical).
 */
import type { Lexicon } from '../dictionary.js';

export interface GeneEntry { norm: string; name: string; source: string }

/** dictionary gene entry covering exactly `surface`; 'not-gene' when only other types do */
export function wholeTerm(surface: string, lexicon: Lexicon): GeneEntry | 'not-gene' | undefined {
  const hit = lexicon.automaton.scan(surface).find((x) => x.start === 0 && x.end === surface.length);
  if (!hit) return undefined;
  return hit.entries.find((e) => e.type === 'gene') ?? 'not-gene';
}

const VARIANTS: { id: string; rewrite: (s: string) => string | undefined }[] = [
  { id: 'plural', rewrite: (s) => (/[A-Za-z0-9]{2,}[A-Z0-9]s$/.test(s) ? s.slice(0, -1) : undefined) },
  { id: 'isoform', rewrite: (s) => { const m = /^(.*\d)[-]?(?:[abAB]|alpha|beta)$/.exec(s); return m && m[1].length >= 2 ? m[1] : undefined; } },
  { id: 'species-prefix', rewrite: (s) => (/^[hmr][A-Z][A-Za-z0-9-]{2,}$/.test(s) ? s.slice(1) : undefined) },
  // a capital inside the word (StAR, ChAT): a protein name's spelling; a Title-case word (`Rho`, `Bad`) may be a family or English
  { id: 'upper-case', rewrite: (s) => (/^[A-Z][A-Za-z0-9-]+$/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s.slice(1)) ? s.toUpperCase() : undefined) },
];
/** rewrites whose match must be an official symbol (a capitalised word may be an alias of another gene) */
const SYMBOL_ONLY = new Set(['upper-case']);

export function groundLearnedSpan(surface: string, lexicon: Lexicon): (GeneEntry & { via: string }) | 'not-gene' | undefined {
  const whole = wholeTerm(surface, lexicon);
  if (whole === 'not-gene') return whole;
  if (whole) return { ...whole, via: 'whole' };
  for (const v of VARIANTS) {
    const r = v.rewrite(surface);
    if (!r) continue;
    const e = wholeTerm(r, lexicon);
    if (e && e !== 'not-gene' && (!SYMBOL_ONLY.has(v.id) || e.source === 'symbol')) return { ...e, via: v.id };
  }
  return undefined;
}
