/**
 * The mutation scanner: runs every rule of the table over the text, drops matches in
 * false-positive contexts (figure labels, cell lines), resolves overlaps (longest span wins,
 * then the rule's priority) and decides letter-position-letter forms whose letters are all
 * nucleotides (`G309A`) from the rest of the document. Linear in the text: each rule is one
 * bounded regular expression, each context check looks at a fixed window.
 */
import { RULES, type Built, type Rule } from './rules.ts';
import { dnaSub, type Notation, type VariantKind } from './notation.ts';
import { byStart } from '../span-index.ts';

export interface VariantMention {
  start: number;
  end: number;
  text: string;
  kind: VariantKind;
  hgvs: string;
  hgvs3?: string;
  tmvar: string;
}

/** every variant mention is made here, all fields in one order (one hidden class: the mutation stage stays monomorphic in V8) */
export function variantMention(start: number, end: number, text: string, n: Notation): VariantMention {
  return { start, end, text, kind: n.kind, hgvs: n.hgvs, hgvs3: n.hgvs3 || undefined, tmvar: n.tmvar };
}

interface Candidate extends Built {
  start: number;
  end: number;
  priority: number;
  rule: string;
}

/** cell lines and clones whose names read as a substitution */
const CELL_LINES = new Set(['T47D', 'C33A', 'H9C2', 'K7M2', 'L929', 'P388', 'U251', 'E14K']);
const FIGURE_BEFORE = /(?:fig(?:ure)?s?\.?|tables?|panels?|supplementa(?:ry|l)|appendix|grants?|no\.)\s{0,2}\(?$/i;
const CELL_AFTER = /^\s?(?:cell lines?|cells? line)/i;

function rejected(c: Candidate, text: string): boolean {
  const surface = text.slice(c.start, c.end);
  if (c.rule === 'protein-sub-1' || c.rule === 'dna-sub-letters') {
    if (CELL_LINES.has(surface)) return true;
    if (FIGURE_BEFORE.test(text.slice(Math.max(0, c.start - 16), c.start))) return true;
    if (!surface.startsWith('p.') && CELL_AFTER.test(text.slice(c.end, c.end + 12))) return true;
  }
  return false;
}

/**
 * Each rule's gate as an index into the table's distinct gates: several rules share one prefilter
 * (`del|ins|dup` gates four), and a text need not be searched for it more than once.
 */
const gateIndexes = new WeakMap<Rule[], { gates: RegExp[]; of: Int32Array }>();
function gatesOf(rules: Rule[]): { gates: RegExp[]; of: Int32Array } {
  let g = gateIndexes.get(rules);
  if (g) return g;
  const keys = new Map<string, number>(), gates: RegExp[] = [];
  const of = Int32Array.from(rules, (r) => {
    const key = `${r.gate.flags}/${r.gate.source}`;
    let i = keys.get(key);
    if (i === undefined) { i = gates.push(r.gate) - 1; keys.set(key, i); }
    return i;
  });
  gateIndexes.set(rules, g = { gates, of });
  return g;
}

/** every rule's matches that survive the context checks; `rules` defaults to the table */
export function collect(text: string, rules: Rule[] = RULES): Candidate[] {
  const out: Candidate[] = [];
  const { gates, of } = gatesOf(rules);
  // per distinct gate: 0 not yet tried, 1 found, 2 absent
  const passed = new Uint8Array(gates.length);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r], gi = of[r];
    if (passed[gi] === 0) passed[gi] = gates[gi].test(text) ? 1 : 2;
    if (passed[gi] === 2) continue;
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const built = rule.build(m);
      // refused: a shorter match may start inside it ("protein-2 - 866G/A" refused, "- 866G/A" taken)
      if (!built) { re.lastIndex = m.index + 1; continue; }
      const start = m.index + (built.lead ?? 0);
      let end = m.index + m[0].length - (built.trim ?? 0);
      while (end > start && text[end - 1] === ' ') end--;
      // all fields in one order, whatever the builder returned (one hidden class for every candidate)
      const c: Candidate = {
        kind: built.kind, hgvs: built.hgvs, hgvs3: built.hgvs3, tmvar: built.tmvar, trim: built.trim, lead: built.lead, ambiguous: built.ambiguous, short: built.short,
        start, end, priority: rule.priority, rule: rule.id,
      };
      if (!rejected(c, text)) out.push(c);
    }
  }
  return out;
}

const longestFirst = (a: Candidate, b: Candidate) => (b.end - b.start) - (a.end - a.start) || a.priority - b.priority || a.start - b.start;

/** longest first, then rule priority, then position; keep what does not overlap a kept span */
function resolve(cands: Candidate[], length: number): Candidate[] {
  if (cands.length === 0) return [];
  cands.sort(longestFirst);
  const taken = new Uint8Array(length);
  const kept: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort(byStart);
}

/**
 * `G309A`-like forms (all letters nucleotides) are DNA changes, as they are about 40 times out of
 * 41 in the tmVar corpus, unless they stand in a list with unambiguous protein changes
 * ("G309A, D769H, V777L") or their position has fewer than three digits (`G12C`). Mitochondrial documents get tmVar's `m` prefix.
 */
const LIST_SEP = /^(?:,\s?|\s?\/\s?|,?\s(?:and|or)\s|;\s)$/;

/** the sentence around a position, approximated by '. ' boundaries within 400 characters */
function sentenceAround(text: string, pos: number): [number, number] {
  const lo = Math.max(0, pos - 400), hi = Math.min(text.length, pos + 400);
  const before = text.lastIndexOf('. ', pos);
  const after = text.indexOf('. ', pos);
  return [before >= lo ? before + 1 : lo, after >= 0 && after < hi ? after + 1 : hi];
}

/** words near a letter-position-letter form that mark it as a nucleotide change */
const DNA_CUE = /nucleotide|transition|transversion|UTR|promoter|intron|polymorphism|SNP|allele|genotype|leading to|resulting in|predicted|base/i;

function decideAmbiguous(kept: Candidate[], text: string): void {
  const protein = kept.map((c) => c.kind === 'protein' && !c.ambiguous);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < kept.length; i++) {
      if (protein[i] || !kept[i].ambiguous) continue;
      const near = (j: number) => j >= 0 && j < kept.length && protein[j] &&
        LIST_SEP.test(j < i ? text.slice(kept[j].end, kept[i].start) : text.slice(kept[i].end, kept[j].start));
      if (near(i - 1) || near(i + 1)) { protein[i] = true; changed = true; }
    }
  }
  // a sentence that writes other changes as bare one-letter protein forms, and no DNA notation,
  // speaks protein ("G309A in the extracellular domain and D769H, V777L in the kinase domain")
  kept.forEach((c, i) => {
    if (!c.ambiguous || protein[i]) return;
    const [s0, s1] = sentenceAround(text, c.start);
    let bare = 0, dna = 0;
    for (const o of kept) {
      if (o === c || o.end <= s0 || o.start >= s1) continue;
      if (o.kind === 'dna' || o.kind === 'snp' || o.ambiguous) dna++;
      else if (o.rule === 'protein-sub-1' && !text.startsWith('p.', o.start)) bare++;
    }
    const around = text.slice(Math.max(0, c.start - 30), c.start) + ' ' + text.slice(c.end, c.end + 40);
    if (bare > 0 && dna === 0 && !DNA_CUE.test(around) && !/^\s?(?:substitution|change|mutation)?\s?\(/.test(text.slice(c.end, c.end + 20))) protein[i] = true;
  });
  if (kept.every((c, i) => !c.ambiguous || protein[i])) return;
  const mito = /mtDNA|mitochondrial DNA|mitochondrial genome/.test(text);
  kept.forEach((c, i) => {
    if (!c.ambiguous || protein[i]) return;
    const m = /^([ACGT])(\d{1,7})([ACGT])$/.exec(text.slice(c.start, c.end));
    // two-digit positions are codons far more often than nucleotides (KRAS G12C, G13C)
    if (!m || m[2].length < 3) return;
    Object.assign(c, dnaSub(mito ? 'm' : 'c', m[1], m[2], m[3]));
    c.hgvs3 = undefined;
  });
}

/**
 * Genotype notations are not mutations (tmVar guidelines): a homozygous form in a genotype list
 * (`Met326Met/Met326Ile/Ile326Ile`, "Met326Met genotype") or a form whose reference is the
 * alternative of another mention at the same position (`A1359A` next to `G1359A`) is dropped, and
 * allele pairs followed by "genotype" too. A same-residue form outside such a context is a
 * synonymous change ("two new polymorphisms (L267L, 3'UTR +62 G/A)" beside L267V, as OSIRIS
 * annotates it); with nucleotide letters (`A190A`, `G1359G`) only in a list with protein changes.
 */
function dropGenotypes(kept: Candidate[], text: string): Candidate[] {
  const key = (c: Candidate) => /^(?:p\.\s?)?\(?([A-Z][a-z]{0,2})(\d{1,7})([A-Z][a-z]{0,2})\)?$/.exec(text.slice(c.start, c.end));
  const alts = new Map<string, Set<string>>();
  for (const c of kept) {
    const m = key(c);
    if (m && m[1] !== m[3] && !text.startsWith('p.', c.start)) (alts.get(m[2]) ?? alts.set(m[2], new Set()).get(m[2])!).add(m[3]);
  }
  const proteinListed = (c: Candidate, o: Candidate | undefined) => !!o && o.kind === 'protein' && !o.ambiguous && !o.short &&
    LIST_SEP.test(c.end <= o.start ? text.slice(c.end, o.start) : text.slice(o.end, c.start));
  return kept.filter((c, i) => {
    if (c.rule === 'dna-allele' && /^[\s-]?genotypes?\b/.test(text.slice(c.end, c.end + 12))) return false;
    if (c.rule === 'dna-allele' && /(?:lamins?|LMNA)\s$/i.test(text.slice(Math.max(0, c.start - 8), c.start))) return false; // lamin A/C
    if (c.rule === 'dna-allele' && /\b([ACGT])\/\1\b/.test(text.slice(Math.max(0, c.start - 30), c.end + 30))) return false;
    const m = key(c);
    if (!m || text.startsWith('p.', c.start)) return true;
    const others = alts.get(m[2]);
    if (m[1] === m[3]) {
      if (text[c.start - 1] === '/' || text[c.end] === '/' || GENOTYPE_AFTER.test(text.slice(c.end, c.end + 40))) return false;
      // nucleotide letters: a genotype (`G1359G wild type`) unless listed with protein changes
      return !c.ambiguous || proteinListed(c, kept[i - 1]) || proteinListed(c, kept[i + 1]);
    }
    return !others?.has(m[1]);
  });
}

/** a genotype word after a form or the list it starts ("Met326Met genotype", "Ile326Ile and Met326Ile genotypes", "G1359G (wild type group)") */
const GENOTYPE_AFTER = /^(?:(?:,\s?|\s(?:and|or)\s)[A-Z][a-z]{0,2}\d{1,7}[A-Z][a-z]{0,2}){0,2}[\s-]\(?(?:genotypes?|homozygo|heterozygo|wild[\s-]type)/i;

/**
 * A variant restated by its alleles in brackets ("Lys109Arg (A/G)", "386 Val/Ala (T/C)") is one
 * mention: the bracketed pair has no position of its own, so alone it would be a second, vaguer
 * mention of the same change. A bracketed rs id or change at the other level ("-491A/T
 * (rs449647)", "c.643T>C (p.S216P)") names the variant completely and stays a mention of its own;
 * so do the alleles after an rs id ("rs25531(A-->G)"), which add what the id leaves open.
 */
function absorbAllelePairs(kept: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i], next = kept[i + 1];
    if (next && c.rule !== 'dna-allele' && c.kind !== 'snp' && next.rule === 'dna-allele' && /^\s?[([]$/.test(text.slice(c.end, next.start)) && CLOSE_OF[text[next.start - 1]] === text[next.end]) {
      out.push({ ...c, end: next.end + 1 });
      i++;
    } else out.push(c);
  }
  return out;
}
const CLOSE_OF: Record<string, string> = { '(': ')', '[': ']' };

/** `C3Y` in "two variants C3Y and M33T": a one-digit form counts next to a change in a list or after a change word, never alone ("H2A and H2B") */
function keepShortInLists(kept: Candidate[], text: string): Candidate[] {
  const listed = (a: Candidate, b: Candidate | undefined) => !!b && !b.short && b.kind === 'protein' && LIST_SEP.test(a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start));
  const named = (c: Candidate) => SHORT_CUE_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start)) || SHORT_CUE_AFTER.test(text.slice(c.end, c.end + 16));
  return kept.filter((c, i) => !c.short || listed(c, kept[i - 1]) || listed(c, kept[i + 1]) || named(c));
}
/** a word that says a one-digit form is a change: "the initiation codon (M1V)", "the R2H mutation" (not "variant": histone H2A variants) */
const SHORT_CUE_BEFORE = /(?:codon|mutations?|substitutions?|missense)\s?[(:]?\s?$/i;
const SHORT_CUE_AFTER = /^\)?\s(?:mutations?|substitutions?|missense)\b/i;

/** the kept candidates of a text: overlaps resolved, genotype notations dropped, ambiguous forms decided, restatements absorbed */
function decide(text: string, cands: Candidate[]): Candidate[] {
  const kept = dropGenotypes(keepShortInLists(resolve(cands, text.length), text), text);
  decideAmbiguous(kept, text);
  return absorbAllelePairs(kept, text);
}

export function findVariants(text: string): VariantMention[] {
  const cands = collect(text);
  if (!cands.length) return [];
  const kept = decide(text, cands);
  const out: VariantMention[] = [];
  for (const c of kept) out.push(variantMention(c.start, c.end, text.slice(c.start, c.end), c));
  return out;
}

/** exported for tests: which rule produced each kept span */
export function findVariantsWithRules(text: string): (VariantMention & { rule: string })[] {
  const kept = decide(text, collect(text));
  return kept.map((c) => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), kind: c.kind, hgvs: c.hgvs, tmvar: c.tmvar, rule: c.rule }));
}

