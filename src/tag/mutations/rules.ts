/**
 * The mutation rule table: each rule is an id, one regular expression and a builder from the
 * match to normalized notations. Every quantifier is bounded (`{0,n}`, `?`), alternations are
 * fixed vocabularies, and each pattern starts at a word boundary, so one scan is linear in the
 * text. Rules may overlap; the scanner keeps the longest span (then the lowest priority number).
 */
import { AA3_ALT_SRC, AA3_SRC, FULL_SRC, residue, residues } from './amino.ts';
import { ALLELE_PAIR_RULES, NATURAL_RULES } from './natural.ts';
import { dnaEdit, dnaSub, exonEvent, frameshift, type Notation, proteinEdit, proteinSub, snp } from './notation.ts';

export interface Built extends Notation {
  /** characters to drop from the end of the match (an unbalanced bracket, a stray suffix) */
  trim?: number;
  /** characters to drop from the start of the match (an opening bracket never closed) */
  lead?: number;
  /** set for letter-position-letter forms whose letters are all nucleotides (`G309A`): DNA or protein */
  ambiguous?: boolean;
  /** a one-digit position without `p.` (`C3Y`, but also `H2A`): kept only in a list of other changes */
  short?: boolean;
}

export interface Rule {
  id: string;
  priority: number;
  /**
   * exact prefilter: a mandatory contiguous piece of `re` (a literal copy, no lookaround), so a
   * text without a match of it cannot hold a match of the rule and skips the rule's pass
   */
  gate: RegExp;
  re: RegExp;
  build(m: RegExpExecArray): Built | null;
}

const LB = '(?<![A-Za-z0-9_])';
const RB = '(?![A-Za-z0-9])';
/** a word boundary, or a signed position glued to a word (`FOXP3-924 A/G`, `and+2740 A>G`) */
const LB_SIGNED = '(?:(?<![A-Za-z0-9_])|(?<=[A-Za-z0-9])(?=[-+]\\d))';
/**
 * a word boundary, a Greek letter name glued before a protein change (`hGRalphaD401H`), or a gene
 * symbol ending in a digit glued to it (`JAK2V617F`, `p53R175H`, `H3K27M`; a bounded look-behind)
 */
const LB_GREEK = '(?:(?<![A-Za-z0-9_])|(?<=alpha|beta|gamma|delta)|(?<=(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]{0,7}\\d))';
const AA1 = '[ACDEFGHIKLMNPQRSTVWY]';
const NT = '[ACGTU]';
const ARROW = '(?:-{1,2}>|\u2192|>)';
/** a numeric DNA position: -13, +1858, *557, 2398+1, 825 + 1, 79-1 (not "IL-4 -1098": spaces on both sides or none) */
const POS = '(?:[-+*]\\s?)?\\d{1,7}(?:[-+]\\d{1,7}|\\s[-+]\\s\\d{1,7})?';
/** an intronic / exonic / UTR legacy position: IVS2+1, IVS-II-1, IVS8 -2, Ex2+860, intron 2, -352, 3'UTR +62 */
const IVS = "(?:(?:IVS|Ex)\\s?-?(?:\\d{1,3}|[IVX]{1,5})|intron\\s\\d{1,3},?|[35]'\\s?UTR)\\s?[-+]\\s?\\d{1,5}";

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
function roman(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]], w = ROMAN[s[i + 1]] ?? 0;
    n += v < w ? -v : v;
  }
  return n;
}

/** canonical position text: spaces dropped, `IVS-II-1` → `IVS2-1`, `intron 2, -352` → `IVS2-352` */
export function cleanPos(p: string): string {
  let s = p.replace(/[\s,]/g, '');
  s = s.replace(/^intron(\d{1,3})/, 'IVS$1');
  s = s.replace(/^IVS-([IVX]{1,5})(?=[-+])/, (_, r: string) => 'IVS' + roman(r));
  s = s.replace(/^Ex/, 'EX');
  // an offset into an untranslated region is a coding position: 3'UTR +62 is c.*62, 5'UTR -20 is c.-20
  s = s.replace(/^3'UTR\+?(\d)/, '*$1').replace(/^5'UTR(?=-)/, '');
  return s;
}

/**
 * A DNA range `a-b` / `a_b` for del/ins/dup. A hyphen between two plain numbers is a range when the
 * second, read as an abbreviation of the first (`1782-83` → 1783), lies after it; otherwise it
 * is an intronic offset (`267-61`).
 */
export function dnaRange(raw: string): string {
  const s = cleanPos(raw);
  if (s.includes('_')) return s;
  const m = /^(\d{1,7})-(\d{1,7})$/.exec(s);
  if (!m) return s;
  const [, a, b] = m;
  const full = b.length < a.length ? a.slice(0, a.length - b.length) + b : b;
  return Number(full) > Number(a) ? `${a}_${full}` : s;
}

const prefixOf = (p: string | undefined): string => (p ? p[0].toLowerCase() : '');
const upper = (s: string): string => s.toUpperCase();

export const RULES: Rule[] = [
  {
    id: 'snp-rs',
    priority: 1,
    // rs1801133, rs 2981572, rs#1999764 (a space or # between prefix and number)
    gate: /[rs]s[\s#]?\d/,
    re: new RegExp(`${LB}(rs|ss)(?:(\\d{1,10})|(?:\\s|#)(\\d{3,10}))(?:${NT}>${NT})?${RB}`, 'g'),
    build: (m) => snp(m[1] + (m[2] ?? m[3])),
  },
  {
    id: 'snp-reference',
    priority: 1,
    gate: /reference SNP/,
    re: /(?<![A-Za-z])reference SNP (?:no\.|number|ID|id)\s?(\d{3,10})(?![0-9])/g,
    build: (m) => snp('rs' + m[1]),
  },
  {
    // V777L, p.V777L, p.(V777L), R987*, R987X, S133stop, R-4Q, p.R469[R,X]
    id: 'protein-sub-1',
    priority: 3,
    gate: /[A-Z]-?\d/,
    re: new RegExp(
      `(?=[A-Zp])${LB_GREEK}(?:(p\\.\\s?)(\\()?)?(${AA1})(-?\\d{1,5})(?:([ACDEFGHIKLMNPQRSTVWYX*])|\\[[A-Z],([A-Z*])\\]|(stop|Stop|Ter))(\\))?(?![A-Za-z0-9>])`,
      'g',
    ),
    build: (m) => {
      const [, p, open, ref, pos, alt1, altList, altWord, close] = m;
      const alt = residue(alt1 ?? altList ?? 'X');
      if (!alt) return null;
      // H2A, S1A, E2F: a one-digit position is a name unless it stands in a list of changes (scan.ts); so are
      // the S100 protein family's symbols (S100P, S100G), which read as a Ser100 change
      const short = !p && (/^\d$/.test(pos) || (ref === 'S' && pos === '100'));
      // glued to a gene symbol (`JAK2V617F`): an unsigned position of two digits or more (`FCGR3A-176F` is an allele)
      if (!p && m.index > 0 && /[0-9]/.test(m.input[m.index - 1]) && !/^\d{2,5}$/.test(pos)) return null;
      const trim = close && !open ? 1 : 0;
      const n = proteinSub(ref, pos, alt);
      const ambiguous = !p && !altWord && /^[ACGT]$/.test(ref) && /^[ACGT]$/.test(alt);
      return { ...n, trim, ambiguous, ...(short ? { short } : {}) };
    },
  },
  {
    // Val777Leu, p.(Val777Leu), Arg987Ter, Cys 23 Ser, Gly(388)Arg, Ile(146)-->Leu, Glu 272 to stop, Cys 23-Ser 23, Arg506 by Gln
    id: 'protein-sub-3',
    priority: 2,
    gate: /[a-z][\s-]?\(?\d/,
    re: new RegExp(
      `(?=[A-Zp])${LB}(?:(p\\.\\s?)(\\()?)?(${AA3_SRC})[\\s-]?\\(?(?<pos>\\d{1,5})\\)?(?:\\s?(?:-{1,2}>|\u2192|-)\\s?|\\s(?:to|by)\\s|\\s)?(${AA3_ALT_SRC})(?:\\s\\k<pos>)?(\\))?${RB}`,
      'g',
    ),
    build: (m) => {
      const [, , open, ref3, pos, alt3, close] = m;
      const ref = residue(ref3), alt = residue(alt3);
      if (!ref || !alt) return null;
      return { ...proteinSub(ref, pos, alt), trim: close && !open ? 1 : 0 };
    },
  },
  {
    // arginine 150 proline, glycine-594-valine, arginine 124-to-cysteine, leucine 269 to phenylalanine,
    // glutamic acid 333 by aspartic acid (prose: kind natural)
    id: 'protein-sub-name',
    priority: 2,
    gate: /[a-z][\s-]\d/,
    re: new RegExp(`(?=[A-Za-z])${LB}(${FULL_SRC})[\\s-](\\d{1,5})[\\s-](?:(to|by)[\\s-])?(${FULL_SRC}|stop)${RB}`, 'g'),
    build: (m) => {
      const ref = residue(m[1]), alt = residue(m[4]);
      return ref && alt ? proteinSub(ref, m[2], alt, m[3] === 'by' ? 'natural' : undefined) : null;
    },
  },
  {
    // Glu-->Ala, methionine-->valine substitution at codon 404, Phe-->Ser at codon 15
    id: 'protein-arrow',
    priority: 2,
    gate: /-{1,2}>|\u2192/,
    re: new RegExp(
      `(?=[A-Za-z])${LB}(${AA3_SRC}|${FULL_SRC})\\s?(?:-{1,2}>|\u2192)\\s?(${AA3_ALT_SRC}|${FULL_SRC})${RB}(?:\\s(?:substitution\\s)?at\\s(?:the\\s)?codon\\s(\\d{1,5})${RB})?`,
      'g',
    ),
    build: (m) => {
      const ref = residue(m[1]), alt = residue(m[2]);
      return ref && alt ? proteinSub(ref, m[3] ?? '', alt) : null;
    },
  },
  {
    // a valine to methionine change at position 1763 (natural language; outside tmVar's guidelines)
    id: 'protein-natural',
    priority: 4,
    gate: /[\s-]to[\s-]/,
    re: new RegExp(
      `(?=[A-Za-z])${LB}(${FULL_SRC}|${AA3_SRC})(?:\\sresidue)?(?:\\s|-)to(?:\\s|-)(${FULL_SRC}|${AA3_SRC})\\s(?:substitution|change|mutation|exchange|replacement|alteration)\\s(?:at|of|in)\\s(?:the\\s)?(?:codon|position|residue|amino acid)\\s(\\d{1,5})${RB}`,
      'g',
    ),
    build: (m) => {
      const ref = residue(m[1]), alt = residue(m[2]);
      return ref && alt ? proteinSub(ref, m[3], alt, 'natural') : null;
    },
  },
  {
    // p.Pro246HisfsX13, P246Hfs*13, Y329fs, p.A27fsX132, p.Cys817Valfs X15, p.T3708fs3769
    id: 'protein-frameshift',
    priority: 2,
    gate: /fs/,
    re: new RegExp(
      `(?=[A-Zp])${LB}(p\\.\\s?)?(${AA3_SRC}|${AA1})(\\d{1,5})(${AA3_SRC}|${AA1})?\\s?fs\\s?(?:(?:X|\\*|Ter)\\s?(\\d{1,5})?|(\\d{1,5}))?(?![A-Za-z0-9])`,
      'g',
    ),
    build: (m) => {
      const ref = residue(m[2]), alt = m[4] ? residue(m[4]) : '';
      if (!ref || alt === undefined) return null;
      return frameshift(ref, m[3], alt, m[5] ?? m[6] ?? '');
    },
  },
  {
    // 1007fs, 3020fsX: a frameshift named by its codon alone (CARD15 "1007fs"); glued, as "10 fs" is a time
    id: 'protein-frameshift-pos',
    priority: 3,
    gate: /\dfs/,
    // not femtoseconds: "a 100fs pulse", "pulses of 100fs"
    re: /(?<![A-Za-z0-9_.+*-]|pulses? of |~)(\d{2,5})fs(?:(?:X|\*)(\d{1,5})?)?(?![A-Za-z0-9]|\s?(?:pulses?|lasers?|resolution|time|delays?|duration|excitation|regime)\b)/g,
    build: (m) => frameshift('', m[1], '', m[2] ?? ''),
  },
  {
    // L755_T759del, P780_Y781insGSP, A775_G776insYVMA, P780ins, F471del, Val624-Val625del, p.E746_A750delinsQ
    id: 'protein-edit',
    priority: 2,
    gate: /del|ins|dup/,
    re: new RegExp(
      `(?=[A-Zp])${LB}(p\\.\\s?)?(${AA3_SRC}|${AA1})(\\d{1,5})(?:[_-](${AA3_SRC}|${AA1})(\\d{1,5}))?(delins|del|dup|ins)((?:${AA3_SRC}){1,20}|${AA1}{1,30})?${RB}`,
      'g',
    ),
    build: (m) => {
      const [, , r1, p1, r2, p2, op, seqRaw] = m;
      const ref1 = residue(r1), ref2 = r2 ? residue(r2) : '';
      const seq = seqRaw ? residues(seqRaw) : '';
      if (!ref1 || ref2 === undefined || seq === undefined) return null;
      if (p2 && Number(p2) <= Number(p1)) return null;
      return proteinEdit(op as 'del', ref1, p1, ref2, p2 ?? '', seq);
    },
  },
  {
    // AFF344-345ins: the affected residues written before a range
    id: 'protein-edit-block',
    priority: 3,
    gate: /del|ins|dup/,
    re: new RegExp(`${LB}(${AA1}{2,8})(\\d{1,5})[_-](\\d{1,5})(del|ins|dup)${RB}`, 'g'),
    build: (m) => {
      if (Number(m[3]) <= Number(m[2])) return null;
      const type = m[4] === 'del' ? 'DEL' : m[4] === 'ins' ? 'INS' : 'DUP';
      return { kind: 'protein', hgvs: `p.${m[2]}_${m[3]}${m[4]}${m[1]}`, tmvar: `p|${type}|${m[2]}_${m[3]}|${m[1]}` };
    },
  },
  {
    // c.2033G>A, 3190C>T, -13T>C, c.87+1G>A, IVS2+1G>A, Ex2+860G>C, 677 C-->T, -491 A/T, -369 (C>G), 1359 G/A,
    // IVS10+1, g-->t, c.*557G>A, intron 2, -352G-->A, -127 bp T-->A, -491a/t
    id: 'dna-sub',
    priority: 2,
    gate: /[ACGTUacgtu]\s?(?:-{1,2}>|\u2192|>|\/|-|\sto\s|\sby\s)\s?[ACGTUacgtu]/,
    re: new RegExp(
      `(?=[-+*\\dcgmrnIEi])${LB_SIGNED}(?:([cgmrn])\\.\\s?|(c)(?=\\d))?(${IVS}|${POS})(?:(?<=[-+]\\d{1,7})\\sbp(?=\\s))?(?:,?\\s)?(\\()?([ACGTUacgtu])\\s?(-{1,2}>|\u2192|>|\\/|-|\\sto\\s|\\sby\\s)\\s?([ACGTUacgtu])(\\))?${RB}`,
      'g',
    ),
    build: (m) => {
      const [, pre1, pre2, posRaw, open, ref, op, alt, close] = m;
      // "protein-2 - 866G/A": a number glued to a name is the name's, not a position with a spaced offset
      if (/[A-Za-z0-9][-+]?$/.test(m.input.slice(Math.max(0, m.index - 2), m.index)) && /\s[-+]\s/.test(posRaw)) return null;
      const lower = ref !== upper(ref) || alt !== upper(alt);
      // lower case reads as a change with an arrow, or glued to a signed or 3-digit position with a slash ("-491a/t")
      if (lower && !/>|\u2192/.test(op) && !(op === '/' && ref === ref.toLowerCase() && alt === alt.toLowerCase() && /^(?:[-+]\d|\d{3})/.test(posRaw) && /\d[acgtu]/.test(m[0]))) return null;
      if (ref === alt && op !== '>') return null;
      const pos = cleanPos(posRaw);
      const legacy = /^(?:IVS|EX)/.test(pos);
      const prefix = prefixOf(pre1 ?? pre2) || 'c';
      // "962 G-A" and "-491 A to T" read as changes; "12G-A" (no space, no sign, no prefix) does not
      const spaced = /[\d,]\s\(?[ACGTUacgtu]/.test(m[0]);
      if (!pre1 && !pre2 && !legacy && /^\d/.test(pos) && (op === '-' || /to|by/.test(op)) && !spaced) return null;
      const lead = open && !close && m[0].indexOf('(') === 0 ? 1 : 0;
      return { ...dnaSub(prefix, upper(ref), pos, upper(alt)), trim: close && !open ? 1 : 0, lead };
    },
  },
  {
    // c.G1714A, G-395A, C-344 T, T-189C, C+872T (nucleotide, signed or prefixed position, nucleotide)
    id: 'dna-sub-letters',
    priority: 2,
    gate: /[ACGT][-+]?\d/,
    re: new RegExp(`${LB}(?:([cgm])\\.)?([ACGT])(?:([-+]\\d{1,5})\\s?|(\\d{1,7})(?:\\sby\\s)?)([ACGT])${RB}`, 'g'),
    build: (m) => {
      const [, pre, ref, neg, pos, alt] = m;
      // the protein rule handles G309A-like forms (and decides); positions past 99999 are genomic
      if (ref === alt) return null;
      if (!pre && !neg && pos.length < 6 && !/\sby\s/.test(m[0])) return null;
      return dnaSub(prefixOf(pre) || 'c', ref, neg ?? pos, alt);
    },
  },
  {
    // T(27)-C, G(1947)-A: the position in brackets between the two bases
    id: 'dna-sub-paren-pos',
    priority: 2,
    gate: /[ACGT]\(/,
    re: new RegExp(`${LB}([ACGT])\\(([-+]?\\d{1,7})\\)\\s?(?:-{1,2}>|\u2192|>|-)\\s?([ACGT])${RB}`, 'g'),
    build: (m) => (m[1] === m[3] ? null : dnaSub('c', m[1], m[2], m[3])),
  },
  {
    // C-->T transition at nucleotide 677, (G --> C) substitution at position 1201, (TAC-->AA) at codon 329,
    // GTT-->GCT transition at codon 23, G>A substitution at nucleotide +1 of intron 2, (TCT --> TCC) in codon 10
    // ("in" only before a unit: "A>G in 12 patients" is no position)
    id: 'dna-sub-at',
    priority: 1,
    gate: /[ACGT]\s?(?:-{1,2}>|\u2192|>)/,
    re: new RegExp(
      `(?=[(ACGT])${LB}(\\()?([ACGT]{1,3})\\s?${ARROW}\\s?([ACGT]{1,3})(\\))?\\s(?:(?:substitution|transition|transversion)\\s)?(?:at|in(?=\\s(?:the\\s)?(?:nucleotide|position|cDNA base|base|codon)\\s))\\s(?:(?:the\\s)?(nucleotide|position|cDNA base|base|codon)\\s)?(?:(c|g)\\.)?([-+]?\\d{1,7})(?:\\s(position)|\\sof\\sintron\\s(\\d{1,3}))?${RB}`,
      'g',
    ),
    build: (m) => {
      const [, open, ref, alt, close, unit, pre, num, , intron] = m;
      const pos = intron ? `IVS${intron}${/^[-+]/.test(num) ? num : '+' + num}` : unit === 'codon' ? `CODON${num}` : num;
      return { ...dnaSub(unit === 'codon' ? '' : prefixOf(pre) || 'c', ref, pos, alt), lead: open && !close ? 1 : 0 };
    },
  },
  {
    // codon 26, GAG-->GCG; codon (CD)26 GAG-->GAA; codon 787 CAG/CAA; codon 91 (C-->T)
    id: 'dna-codon',
    priority: 1,
    gate: /codon\s/,
    re: new RegExp(
      `${LB}codon\\s(?:\\(CD\\))?(\\d{1,5}),?\\s(\\()?([ACGT]{1,3})\\s?(?:-{1,2}>|\u2192|>|\\/)\\s?([ACGT]{1,3})(\\))?${RB}`,
      'g',
    ),
    build: (m) => ({ ...dnaSub('', m[3], `CODON${m[1]}`, m[4]), trim: m[5] && !m[2] ? 1 : 0 }),
  },
  {
    // G to A substitution at codon 1763 (natural language; outside tmVar's guidelines)
    id: 'dna-natural',
    priority: 4,
    gate: /[\s-]to[\s-]/,
    re: new RegExp(
      `${LB}([ACGT])(?:\\s|-)to(?:\\s|-)([ACGT])\\s(?:substitution|transition|transversion|change|mutation)\\s(?:at|in|of)\\s(?:the\\s)?(codon|nucleotide|position)\\s([-+]?\\d{1,7})${RB}`,
      'g',
    ),
    build: (m) => dnaSub(m[3] === 'codon' ? '' : 'c', m[1], m[3] === 'codon' ? `CODON${m[4]}` : m[4], m[2], 'natural'),
  },
  {
    // G/A, C>T, G --> C, A-->G: allele change without a position (not the tail of a named allele, `padi4_89*G/A`)
    id: 'dna-allele',
    priority: 5,
    gate: /[ACGT](?:\s?(?:-{1,2}>|\u2192|>)\s?|\/)[ACGT]/,
    re: new RegExp(`(?<!\\*)${LB}([ACGT])(\\s?(?:-{1,2}>|\u2192|>)\\s?|\\/)([ACGT])${RB}(?![-\\s]?(?:rich|content|ratio|pair|base|\\/))`, 'g'),
    build: (m) => (m[1] === m[3] ? null : dnaSub('', m[1], '', m[3])),
  },
  {
    // c.2264_2278del, c.737delC, 657del5, c.1002_1003insT, 1109 ins 8bp, c.2153_2155delinsTCCTGGTTTA, 899dupC,
    // c.304ins(GCG), 1308_1316 dup9, 2238-9del AG, -134delA
    id: 'dna-edit',
    priority: 2,
    gate: /del|ins|dup/,
    re: new RegExp(
      `(?=[-+*\\dcgmrnIEi])${LB}(?:([cgmrn])\\.\\s?)?(${IVS}|${POS})(?:\\s?_\\s?(${POS}))?(\\s?)(delins|del|ins|dup)(\\s?)(?:([ACGTacgt]{1,60})|\\(([ACGT]{1,60})\\)|(\\d{1,5})(?:\\s?(?:bp|nt))?)?${RB}`,
      'g',
    ),
    build: (m) => {
      const [, pre, p1, p2, sp1, op, sp2, seqA, seqB, count] = m;
      const seq = upper(seqA ?? seqB ?? '');
      if (!pre && (sp1 || sp2) && !seq && !count) return null; // "5 del" without a sequence or size
      if (!pre && /^\d$/.test(p1) && !seq && !count) return null;
      const range = p2 ? `${cleanPos(p1)}_${cleanPos(p2)}` : dnaRange(p1);
      return dnaEdit(prefixOf(pre) || 'c', op as 'del', range, seq || count || '');
    },
  },
  {
    // delTTCA, dup24bp, del 619 bp (no position)
    id: 'dna-edit-nopos',
    priority: 3,
    gate: /del|ins|dup/,
    re: new RegExp(`${LB}(del|ins|dup)(?:([ACGT]{2,60})|\\s?(\\d{1,5})\\s?bp)${RB}`, 'g'),
    build: (m) => dnaEdit('', m[1] as 'del', '', m[2] ?? m[3]),
  },
  {
    // -6054 deletion/ATT, -6054, deletion/ATT
    id: 'dna-edit-slash',
    priority: 2,
    gate: /\s(?:deletion|insertion|del|ins)\//,
    re: new RegExp(`(?=[-+*\\d])${LB_SIGNED}(${POS}),?\\s(deletion|insertion|del|ins)\\/([ACGT]{1,60})${RB}`, 'g'),
    build: (m) => dnaEdit('c', m[2].startsWith('del') ? 'del' : 'ins', cleanPos(m[1]), m[3]),
  },
  {
    // AGCTCCTCCTTCTC/- (a deletion allele written as sequence/-)
    id: 'dna-del-allele',
    priority: 3,
    gate: /[ACGT]\/-/,
    re: /(?<![A-Za-z0-9])([ACGT]{2,60})\/-(?![A-Za-z0-9-])/g,
    build: (m) => dnaEdit('', 'del', '', m[1]),
  },
  {
    // ins/del 6 bp, indel 14 bp
    id: 'dna-indel-size',
    priority: 3,
    gate: /ins\/del|del\/ins|indel/,
    re: new RegExp(`${LB}(?:ins\\/del|del\\/ins|indel)\\s?(\\d{1,5})\\s?bp${RB}`, 'g'),
    build: (m) => dnaEdit('', 'delins', '', m[1]),
  },
  {
    // -652 6N del, -652 6N ins/del
    id: 'dna-edit-n',
    priority: 2,
    gate: /\dN\s(?:del|ins)/,
    re: new RegExp(`${LB}(${POS})\\s(\\d{1,3})N\\s(ins\\/del|del\\/ins|del|ins)${RB}`, 'g'),
    build: (m) => dnaEdit('c', m[3].includes('/') ? 'delins' : (m[3] as 'del'), cleanPos(m[1]), m[2]),
  },
  {
    // Delta32, Δ32 (a deletion named by its size)
    id: 'dna-delta',
    priority: 3,
    gate: /Delta|\u0394/,
    re: /(?<![A-Za-z0-9])(?:Delta|\u0394)\s?(\d{2,4})(?![A-Za-z0-9(]|-[a-z]{3,}|\s(?:desaturase|receptor|opioid))/g,
    build: (m) => dnaEdit('', 'del', '', m[1]),
  },
  {
    // Tdel219: nucleotide deleted at a codon
    id: 'dna-del-codon',
    priority: 3,
    gate: /[ACGT]del\d/,
    re: new RegExp(`${LB}([ACGT])del(\\d{1,5})${RB}`, 'g'),
    build: (m) => dnaEdit('', 'del', `CODON${m[2]}`, m[1]),
  },
  {
    // IVS1-23T, IVS9 + 217T: intronic position with the new base only
    id: 'dna-ivs-base',
    priority: 4,
    gate: /IVS/,
    re: new RegExp(`${LB}(IVS\\s?\\d{1,3}\\s?[-+]\\s?\\d{1,5})([ACGT])${RB}(?!\\s?(?:-{1,2}>|>|\\/))`, 'g'),
    build: (m) => dnaSub('c', '', cleanPos(m[1]), m[2]),
  },
  {
    // 1978(TATC)(1-2): a repeat with its copy-number range
    id: 'dna-repeat',
    priority: 2,
    gate: /\d\([ACGT]/,
    re: new RegExp(`${LB}(\\d{1,7})\\(([ACGT]{2,12})\\)\\((\\d{1,3}-\\d{1,3})\\)`, 'g'),
    build: (m) => ({ kind: 'dna', hgvs: `c.${m[1]}${m[2]}[${m[3]}]`, tmvar: `|DUP|${m[1]}|${m[2]}|${m[3]}` }),
  },
  {
    // -373(A)n(T)m: a stretch of mixed repeats at a position (two to four motifs, each with its count)
    id: 'dna-repeat-chain',
    priority: 2,
    gate: /\d\([ACGT]/,
    re: new RegExp(`${LB}([-+]?\\d{1,7})((?:\\([ACGT]{1,8}\\)(?:\\d{1,3}|[nm])){2,4})(?![A-Za-z0-9(])`, 'g'),
    build: (m) => {
      const groups = [...m[2].matchAll(/\(([ACGT]{1,8})\)(\d{1,3}|[nm])/g)];
      return { kind: 'dna', hgvs: `c.${m[1]}${groups.map((g) => `${g[1]}[${g[2]}]`).join('')}`, tmvar: `c|DUP|${m[1]}|${groups.map((g) => g[1]).join('')}|` };
    },
  },
  {
    // exon 20 insertions, exon 19 deletion, exon 16 skipping, ex19del, Ex20ins (natural language)
    id: 'exon-event',
    priority: 3,
    gate: /[Ee]x/,
    re: /(?<![A-Za-z0-9])(?:[Ee]xon|[Ee]x)\s?(\d{1,2})\s?(?:(?:in-frame|inframe)\s)?(insertion|deletion|duplication|skipping|ins|del|dup)(?:s)?(?![A-Za-z0-9])/g,
    build: (m) => exonEvent(m[1], m[2]),
  },
  {
    // insertions in exon 20, deletions within exon 19 (the exon named after the event)
    id: 'exon-event-reversed',
    priority: 3,
    gate: /[Ee]x/,
    re: /(?<![A-Za-z0-9])(?:(?:in-frame|inframe)\s)?(insertion|deletion|duplication|skipping)s?\s(?:in|of|within)\s(?:the\s)?(?:[Ee]xon|[Ee]x)\s?(\d{1,2})(?![A-Za-z0-9])/g,
    build: (m) => exonEvent(m[2], m[1]),
  },
  ...NATURAL_RULES,
  ...ALLELE_PAIR_RULES,
];
