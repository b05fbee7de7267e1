/**
 * Gene post-filter, run on the tagger's mentions (normalized text coordinates) after overlaps are
 * resolved. Pure: `(text, mentions) => mentions`. Two general rules, each with examples that run
 * as tests (test/tag/gene-disambiguation.test.ts):
 *
 *  1. disease-abbreviation: a short form the document defines with a disease or phenotype long
 *     form ("coronary artery disease (CAD)", "X-linked mental retardation (XLMR)", a type number after the head:
 *     "spastic paraplegia type 1 (SPG1)") is no gene in
 *     that document, even when it is a gene symbol (CAD, HCC). The tagger's own abbreviation rule
 *     keeps such short forms when the long form ends in "-ase" (disease) or names no dictionary
 *     entry, so this rule looks at the long form's head word instead.
 *  2. greek-suffix / greek-prefix: an isoform letter written right after or before a gene name
 *     belongs to the mention ("NRG-1 beta", "neuregulin-1 alpha", "gamma-H2AX", "alpha-GST"):
 *     the span grows to include it, the normalization stays.
 */
import { findAbbreviations } from './abbreviations.js';
import { copyMention, type Mention } from './mention.js';

/** last word of a long form that names a disease, phenotype or syndrome */
const DISEASE_HEAD = /(?:disease|syndrome|disorder|deficiency|carcinoma|cancer|tumou?r|an(?:a)?emia|retardation|dysplasia|dystrophy|failure|infarction|hypertension|insufficiency|atrophy|malformation|[a-z]{3,}itis|[a-z]{3,}(?:oma|opathy|emia|aemia|osis|plegia|trophy))(?:e?s)?(?:\s+(?:type\s+)?(?:\d{1,2}[A-Z]?|[IVX]{1,4}))?$/i;

/** a bracketed short form after white space: `myotonic dystrophy 1 (DM1)` */
const BRACKETED = /(?<=\s)\(([A-Z][A-Za-z0-9-]{1,9})\)/g;
/** up to four words (then a type number) that end the text before the bracket */
const WORDS_BEFORE = /(?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*(?:\s+(?:type\s+)?(?:\d{1,2}[A-Z]?|[IVX]{1,4}))?$/;
/**
 * How far before a bracket its words may start. Found from the bracket, not by one pattern over the text: one pattern
 * tried at every word start runs to the end of a long run of words that no bracket ends (quadratic; test/pipeline/linear-time).
 */
const WORDS_REACH = 200;

/** Short forms defined in `text` with a disease-like long form. */
export function diseaseAbbreviations(text: string): Set<string> {
  const out = new Set<string>();
  for (const def of findAbbreviations(text, [{ start: 0, end: text.length }])) {
    const long = text.slice(def.longStart, def.longEnd).trim();
    if (DISEASE_HEAD.test(long)) out.add(def.short);
  }
  // the long-form finder needs the short form's letters in order, which a Latin short form lacks ("myotonic dystrophy 1
  // (DM1)": dystrophia myotonica); a disease phrase right before the bracket whose head word starts with its first letter will do
  // words never cross a bracket, so each bracket's words lie after the one before it
  let from = 0;
  for (const m of text.matchAll(BRACKETED)) {
    const short = m[1];
    let end = m.index;
    while (end > from && /\s/.test(text[end - 1])) end--;
    const words = WORDS_BEFORE.exec(text.slice(Math.max(from, end - WORDS_REACH), end))?.[0];
    from = m.index + m[0].length;
    if (!words || out.has(short) || !DISEASE_HEAD.test(words)) continue;
    const head = words.replace(/\s+(?:type\s+)?(?:\d{1,2}[A-Z]?|[IVX]{1,4})$/, '').split(/[\s-]+/).pop() ?? '';
    if (head[0]?.toLowerCase() === short[0].toLowerCase()) out.add(short);
  }
  return out;
}

const GREEK_WORD = '(?:alpha|beta|gamma|delta|kappa|[αβγδκ])';
/** " beta", "-alpha", " beta1" right after a gene name ending in a digit ("NRG-1 beta") */
const SUFFIX = new RegExp(`^[ -]${GREEK_WORD}\\d?(?![A-Za-z0-9])`);
/** "gamma-", "alpha-", "a-" (one Latin letter, hyphen required) right before a gene name */
const PREFIX = new RegExp(`(?<![A-Za-z0-9-])(?:${GREEK_WORD}|[abg])-$`);

export function disambiguateGenes(text: string, mentions: Mention[]): Mention[] {
  const disease = diseaseAbbreviations(text);
  const out: Mention[] = [];
  mentions.forEach((m, i) => {
    if (m.type !== 'gene') { out.push(m); return; }
    const surface = text.slice(m.start, m.end);
    if (disease.has(surface)) return;
    let { start, end } = m;
    const suf = /\d$/.test(surface) ? SUFFIX.exec(text.slice(end, end + 12)) : null;
    if (suf) end += suf[0].length;
    const pre = PREFIX.exec(text.slice(Math.max(0, start - 8), start));
    if (pre) start -= pre[0].length;
    // a grown span never overlaps its neighbours
    const prevEnd = out.length ? out[out.length - 1].end : 0;
    const nextStart = i + 1 < mentions.length ? mentions[i + 1].start : Infinity;
    if (start < prevEnd) start = m.start;
    if (end > nextStart) end = m.end;
    out.push(start === m.start && end === m.end ? m : copyMention(m, start, end));
  });
  return out;
}

/** Examples that run as tests: text, mention surface before the filter, expected surface (null = dropped). */
export const GENE_DISAMBIGUATION_EXAMPLES: { rule: string; text: string; mention: string; expect: string | null }[] = [
  { rule: 'disease-abbreviation', text: 'Patients with coronary artery disease (CAD) had CAD events.', mention: 'CAD', expect: null },
  { rule: 'disease-abbreviation', text: 'X-linked mental retardation (XLMR) is common; XLMR genes.', mention: 'XLMR', expect: null },
  { rule: 'disease-abbreviation', text: 'Carbamoyl-phosphate synthetase (CAD) activity rose; CAD levels.', mention: 'CAD', expect: 'CAD' },
  { rule: 'disease-abbreviation', text: 'X-linked spastic paraplegia type 1 (SPG1) is rare; SPG1 families.', mention: 'SPG1', expect: null },
  { rule: 'disease-abbreviation', text: 'Cerebral cavernous malformations (CCM) occur; CCM lesions.', mention: 'CCM', expect: null },
  { rule: 'disease-abbreviation', text: 'Cyclin-dependent kinase 2 (CDK2) binds; CDK2 activity.', mention: 'CDK2', expect: 'CDK2' },
  { rule: 'disease-abbreviation', text: 'Splicing in myotonic dystrophy 1 (DM1) tissues; DM1 models.', mention: 'DM1', expect: null },
  { rule: 'disease-abbreviation', text: 'Cardiac failure in myotonic dystrophy I (DM1), a disease; DM1 hearts.', mention: 'DM1', expect: null },
  { rule: 'disease-abbreviation', text: 'Mutations in cardiomyopathy (MYH7) carriers; MYH7 variants.', mention: 'MYH7', expect: 'MYH7' },
  { rule: 'greek-suffix', text: 'NRG-1 beta induced growth.', mention: 'NRG-1', expect: 'NRG-1 beta' },
  { rule: 'greek-suffix', text: 'IL-2 alphabetically first', mention: 'IL-2', expect: 'IL-2' },
  { rule: 'greek-suffix', text: 'HER2 binds', mention: 'HER2', expect: 'HER2' },
  { rule: 'greek-prefix', text: 'foci of gamma-H2AX formed.', mention: 'H2AX', expect: 'gamma-H2AX' },
  { rule: 'greek-prefix', text: 'a-tubulin and actin', mention: 'tubulin', expect: 'a-tubulin' },
  { rule: 'greek-prefix', text: 'anti-EGFR antibody', mention: 'EGFR', expect: 'EGFR' },
];
