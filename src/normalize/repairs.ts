/**
 * Text repairs applied before matching, as data: each has an id, a bounded pattern and
 * examples (run as tests). Repairs only change the normalized copy; offsets map back.
 */
import type { Edit } from './offset-map.js';

export interface Repair {
  id: string;
  why: string;
  /** global regex with bounded quantifiers only (cost stays linear in the text) */
  pattern: RegExp;
  /**
   * exact prefilter: every match of `pattern` contains a match of this (cheap, non-global) regex,
   * so a text without one skips the repair's pass
   */
  trigger: RegExp;
  /** replacement for one match; return undefined to leave the match alone */
  replace: (m: RegExpExecArray, text: string) => Edit | undefined;
  examples: { input: string; output: string }[];
}

const GREEK_TEX: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', kappa: 'κ', lambda: 'λ', mu: 'μ',
  pi: 'π', sigma: 'σ', tau: 'τ', theta: 'θ', omega: 'ω', Delta: 'Δ', zeta: 'ζ', eta: 'η',
};

const CHAR_MAP: Record<string, string> = {
  'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬀ': 'ff', 'ﬃ': 'ffi', 'ﬄ': 'ffl',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00ad': '',
  'µ': 'μ', 'ß': 'β',
};

const whole = (m: RegExpExecArray, replacement: string): Edit => ({ start: m.index, end: m.index + m[0].length, replacement });

export const REPAIRS: Repair[] = [
  {
    id: 'unicode-chars',
    why: 'ligatures, odd spaces and dashes from PDF conversion; ß is a common OCR slip for β',
    pattern: /[ﬁﬂﬀﬃﬄ\u00a0\u2009\u202f\u2002\u2003\u2010-\u2013\u2212\u2018\u2019\u201c\u201d\u00adµ]|(?<=[A-Za-z0-9-])ß(?![a-z])/g,
    trigger: /[ﬁﬂﬀﬃﬄ\u00a0\u2009\u202f\u2002\u2003\u2010-\u2013\u2212\u2018\u2019\u201c\u201d\u00adµß]/,
    replace: (m) => whole(m, CHAR_MAP[m[0]]),
    examples: [{ input: 'eﬃcacy of TGF-ß1', output: 'efficacy of TGF-β1' }],
  },
  {
    id: 'markdown-escape',
    why: 'Markdown escapes (\\*, \\_) hide the character a matcher should see',
    pattern: /\\([*_#[\]()`~>+\-.!|])/g,
    trigger: /\\/,
    replace: (m) => whole(m, m[1]),
    examples: [{ input: 'HER2\\+ and p\\_value', output: 'HER2+ and p_value' }],
  },
  {
    id: 'latex-greek',
    why: 'PDF-to-Markdown converters write Greek letters as LaTeX: TGF $\\alpha$, NF- $\\kappa$ B',
    pattern: /(?<=([A-Za-z0-9/-]?))( ?)\$((?:\\[A-Za-z]{2,8} ?){1,3})\$( ?)(?=(.?))/g,
    trigger: /\$/,
    replace: (m) => {
      const names = m[3].trim().split(/\\/).filter(Boolean).map((s) => s.trim());
      if (!names.every((n) => GREEK_TEX[n])) return undefined;
      const greek = names.map((n) => GREEK_TEX[n]).join('');
      // absorb the space a converter put between a symbol and its letter (TNF $\alpha$ → TNFα)
      const dropBefore = m[2] === ' ' && /[A-Z0-9/-]/.test(m[1]);
      const dropAfter = m[4] === ' ' && dropBefore && /[A-Z0-9),;/-]/.test(m[5]);
      const start = m.index + (dropBefore ? 0 : m[2].length);
      const end = m.index + m[0].length - (dropAfter ? 0 : m[4].length);
      return { start, end, replacement: greek };
    },
    examples: [
      { input: 'NF- $\\kappa$ B pathway', output: 'NF-κB pathway' },
      { input: 'TNF $\\alpha$  (tumor', output: 'TNFα  (tumor' },
      { input: 'WNT/ $\\beta$ -catenin', output: 'WNT/β-catenin' },
      { input: 'the $\\gamma\\delta$ T cells', output: 'the γδ T cells' },
      { input: 'at $p = 0.002$ only', output: 'at $p = 0.002$ only' },
    ],
  },
  {
    id: 'dehyphenate-linebreak',
    why: 'words split across lines by the PDF layout: epi-\\ndermal → epidermal (compounds keep their hyphen)',
    pattern: /(?<![A-Za-z-])([a-z]{1,30})-\n[ \t]{0,8}(?=([a-z]{2,30}))/g,
    trigger: /-\n/,
    replace: (m) => ({ start: m.index + m[1].length, end: m.index + m[0].length, replacement: '' }),
    examples: [
      { input: 'human epi-\ndermal growth', output: 'human epidermal growth' },
      { input: 'non-cell-\nautonomous', output: 'non-cell-\nautonomous' },
      { input: 'anti-\nHER2 agents', output: 'anti-\nHER2 agents' },
    ],
  },
  {
    id: 'ocr-question-mark',
    why: 'OCR turns a symbol glyph into "?" inside gene names: HER?2, P95HER?2',
    pattern: /(?<=[A-Z]{2})\?(?=\d)/g,
    trigger: /\?/,
    replace: (m) => whole(m, ''),
    examples: [{ input: 'HER?2 somatic', output: 'HER2 somatic' }, { input: 'why? 2 cases', output: 'why? 2 cases' }],
  },
  {
    id: 'ocr-plus-sign',
    why: 'OCR reads the superscript + of HER2+ as * or "',
    pattern: /(?<=\b[A-Z][A-Za-z0-9]{1,8}\d)[*"](?=[ -]{1,2}[a-z])/g,
    trigger: /[*"]/,
    replace: (m) => whole(m, '+'),
    examples: [{ input: 'HER2* breast cancer', output: 'HER2+ breast cancer' }, { input: 'see ref 12* here', output: 'see ref 12* here' }],
  },
  {
    id: 'ocr-l-for-I',
    why: 'OCR reads the capital I of an amino acid as lower-case l: V842l → V842I',
    pattern: /(?<=\b[ACDEFGHIKLMNPQRSTVWY]\d{2,4})l(?![A-Za-z0-9])/g,
    trigger: /\dl/,
    replace: (m) => whole(m, 'I'),
    examples: [{ input: 'P780ins, V842l and R896C', output: 'P780ins, V842I and R896C' }],
  },
  {
    id: 'join-wrapped-lines',
    why: 'PDF text wraps lines inside sentences; a single newline between text lines is a space',
    pattern: /(?<=[^\n])\n(?=[ \t]{0,8}(?![#|>]|[-*+] |\d{1,3}\. )\S)/g,
    trigger: /\n/,
    replace: (m, text) => {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      // headings, list items and table rows end at their newline
      if (/^[ \t]{0,8}(#|[-*+] |\||\d{1,3}\. )/.test(text.slice(lineStart, lineStart + 12))) return undefined;
      return whole(m, ' ');
    },
    examples: [
      { input: 'strongly\nassociated', output: 'strongly associated' },
      { input: 'Title\n\nBody', output: 'Title\n\nBody' },
      { input: '## Abstract:\nHER2 is', output: '## Abstract:\nHER2 is' },
      { input: 'in\n20% of cases', output: 'in 20% of cases' },
    ],
  },
];
