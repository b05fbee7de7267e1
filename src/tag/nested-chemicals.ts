/**
 * Chemicals named inside a gene or drug-class name: "dopamine" in "dopamine D2 receptor",
 * "tyrosine" in "EGFR tyrosine kinase", "nitric oxide" in "nitric oxide synthase", "5-HT" in
 * "5-HT receptors". The name as a whole stays the gene (the project's gold annotates it so); the
 * chemical is a second, nested mention, as DrugProt and BC5CDR annotate it. Like drug classes,
 * nested chemicals are added after relation extraction: no relation rule reads "dopamine
 * inhibits the dopamine receptor" out of one name. `source` is `in-name:<dictionary source>`, so
 * a user can tell them from free-standing chemicals (and the gold score leaves them out).
 */
import type { Sentence } from '../segment/segment.js';
import { CHEMICAL_CONTEXT_RULES, GENE_HEAD } from './chemical-context.js';
import { CONTEXT_RULES, rejectedBy } from './context-rules.js';
import type { DictionaryEntry } from './automaton.js';
import type { Lexicon } from './dictionary.js';
import { copyMention, mention, ranked, type Mention } from './mention.js';
import { resolveOverlaps } from './tag-entities.js';
import { termKey } from './tokens.js';

export const NESTED_SOURCE = 'in-name:';

/** context rules still in force inside a name: all but those that reject a chemical *because* it names a gene product */
const IN_NAME_EXEMPT = new Set([...CHEMICAL_CONTEXT_RULES.map((r) => r.id), 'residue-not-drug']);
const RULES = CONTEXT_RULES.filter((r) => !IN_NAME_EXEMPT.has(r.id));
/** a head noun of a gene product named after its ligand; the words before it are scanned */
const HEAD_NOUN = /\b(?:receptors?|transporters?|synthase|synthetase|hydroxylase|decarboxylase|dehydrogenase|oxidase|transferase|kinase|channels?)\b/g;
/** how far before a head noun a ligand's name may start ("5-hydroxytryptamine 2A receptor") */
const WINDOW = 60;

/**
 * An element written as one capital letter inside a term: "N-terminal", "C-terminus", "K(ATP)
 * channels", "glutathione S-transferase", "N-glycosylated" (DrugProt and ChemProt mark the letter
 * as the chemical: the nitrogen, carbon, potassium, sulfur the term is named after).
 */
const ELEMENT_LETTER = /(?<![\w\-–(])(?:([NC])(?=[\s-]?termin(?:al|us|i)\b)|(K)(?=\(ATP\))|(S)(?=-transferase)|(N)(?=-(?:glycosyl|linked)))/g;
const ELEMENT: Record<string, [string, string]> = { N: ['MeSH:D009584', 'Nitrogen'], C: ['MeSH:D002244', 'Carbon'], K: ['MeSH:D011188', 'Potassium'], S: ['MeSH:D013455', 'Sulfur'] };

/** an amino acid named as a residue ("serine phosphorylation", "tyrosine residues", "lysine 27"): the rule residue-not-drug keeps it from being an agent */
const RESIDUE = /(?<![\w-])(?:serine|threonine|tyrosine|histidine|lysine|arginine|cysteine)s?(?=[\s-]{1,2}(?:phosphorylat|kinase|residue|site|\d))/gi;

/** a protein or peptide named inside a gene name ("human epidermal growth factor" in its receptor's name) is the gene's business, not a chemical */
const PROTEIN_WORD = /\b(?:factors?|hormones?|\w*tropins?|proteins?|peptides?|globulins?|antibod(?:y|ies)|interferons?|interleukins?|toxins?|cells?)\b/i;

/**
 * Peptide hormones of a few amino acids, which the tagger calls genes (their precursor genes bear
 * the name) but chemistry corpora also mark as chemicals: the gene mention gets a chemical twin at
 * the same span. Only the short neuropeptides and vasoactive peptides; protein hormones (insulin,
 * growth hormone) stay genes alone.
 */
const PEPTIDE_HORMONES: { re: RegExp; norm: string; name: string }[] = [
  { re: /^(?:GnRH(?:-I{1,2})?s?|LHRH|gonadotroph?in[- ]releasing hormones?)$/i, norm: 'DrugBank:DB00644', name: 'Gonadorelin' },
  { re: /^(?:AVP|(?:arginine[- ])?vasopressin)$/i, norm: 'DrugBank:DB00067', name: 'Vasopressin' },
  { re: /^(?:LVP|lysine[- ]vasopressin)$/i, norm: 'DrugBank:DB14642', name: 'Lypressin' },
  { re: /^(?:OT|oxytocin)$/i, norm: 'DrugBank:DB00107', name: 'Oxytocin' },
  { re: /^(?:Ang[- ]?II|AII|angiotensin[- ](?:II|2))$/i, norm: 'DrugBank:DB11842', name: 'Angiotensin II' },
  { re: /^somatostatin$/i, norm: 'MeSH:D013004', name: 'Somatostatin' },
  { re: /^neurotensin$/i, norm: 'MeSH:D009496', name: 'Neurotensin' },
  { re: /^bradykinin$/i, norm: 'DrugBank:DB12126', name: 'Bradykinin' },
];

/** a chemical group named in a term: "amino groups", "hydroxyl group", "amino-terminal", "carboxy terminus" */
const GROUP_WORD = /(?<![\w-])(amino|carboxyl?|hydroxyl|methyl|acetyl)(?=[\s-](?:groups?|termin(?:al|us|i))\b)/gi;
const GROUP: Record<string, [string, string]> = { amino: ['CHEBI:46882', 'amino group'], carboxy: ['CHEBI:46883', 'carboxy group'], carboxyl: ['CHEBI:46883', 'carboxy group'], hydroxyl: ['CHEBI:43176', 'hydroxy group'], methyl: ['CHEBI:32875', 'methyl group'], acetyl: ['CHEBI:22190', 'acetyl group'] };

const chemicalEntry = (entries: readonly DictionaryEntry[]) => entries.find((e) => e.type === 'drug') ?? entries.find((e) => e.type === 'chemical');

export interface NestedExample { text: string; host: string; chemical: string; tagged: boolean }

export const NESTED_EXAMPLES: NestedExample[] = [
  { text: 'Binding to the dopamine D2 receptor was weak.', host: 'dopamine D2 receptor', chemical: 'dopamine', tagged: true },
  { text: 'It inhibits the EGFR tyrosine kinase.', host: 'tyrosine kinase', chemical: 'tyrosine', tagged: true },
  { text: 'Imatinib is a tyrosine kinase inhibitor.', host: 'tyrosine kinase inhibitor', chemical: 'tyrosine', tagged: true },
  { text: 'the histamine H1 receptor antagonist', host: 'histamine H1 receptor', chemical: 'histamine', tagged: true },
  { text: 'Dopamine release increased.', host: '', chemical: 'Dopamine', tagged: false },
  { text: 'the N-terminal domain and the C-terminus', host: 'N-terminal', chemical: 'N', tagged: true },
  { text: 'closing K(ATP) channels', host: 'K(ATP)', chemical: 'K', tagged: true },
  { text: 'glutathione S-transferase activity', host: 'S-transferase', chemical: 'S', tagged: true },
  { text: 'IRS serine phosphorylation rose', host: 'serine phosphorylation', chemical: 'serine', tagged: true },
  { text: 'human epidermal growth factor receptor 2 (HER2)', host: 'human epidermal growth factor receptor 2', chemical: 'human epidermal growth factor', tagged: false },
  { text: 'GnRH stimulates LH release', host: 'GnRH', chemical: 'GnRH', tagged: true },
  { text: 'Arginine vasopressin (AVP) and gonadotropin-releasing hormone', host: 'gonadotropin-releasing hormone', chemical: 'gonadotropin', tagged: false },
  { text: 'free amino groups and the amino-terminal end', host: 'amino groups', chemical: 'amino', tagged: true },
  { text: 'a C-type lectin and the OATP transporter', host: 'C-type', chemical: 'C', tagged: false },
];

/**
 * Nested chemical mentions: dictionary chemicals and drugs inside a gene or drug-class mention
 * (`hosts`), or right before a gene-product head noun ("nitric oxide synthase", even where no gene
 * mention was tagged), that no chosen mention already covers with the same span.
 */
export function findNestedChemicals(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const out = new Map<string, Mention>();
  const chemicalAt = new Set(mentions.filter((m) => m.type === 'drug' || m.type === 'chemical').map((m) => `${m.start}:${m.end}`));
  const agents = mentions.filter((m) => m.type === 'drug' || m.type === 'chemical' || m.type === 'mutation');
  const add = (start: number, end: number, entry: DictionaryEntry, sentence: number) => {
    const key = `${start}:${end}`;
    if (chemicalAt.has(key) || out.has(key)) return;
    // a free-standing agent already tagged over these characters keeps them
    for (const a of agents) if (a.start < end && start < a.end) return;
    if (lexicon.stopKeys.has(termKey(text.slice(start, end))) || PROTEIN_WORD.test(text.slice(start, end))) return;
    if (rejectedBy(text, start, end, entry.type, RULES)) return;
    out.set(key, mention(entry.type, start, end, entry.norm, entry.name, sentence, `${NESTED_SOURCE}${entry.source}`));
  };
  const scanIn = (start: number, end: number, sentence: number, keep: (s: number, e: number) => boolean) => {
    for (const m of lexicon.automaton.scan(text.slice(start, end))) {
      const entry = chemicalEntry(m.entries);
      if (entry && keep(start + m.start, start + m.end)) add(start + m.start, start + m.end, entry, sentence);
    }
  };
  for (const host of mentions) {
    if (host.type !== 'gene' && host.type !== 'drug_class') continue;
    if (host.type === 'gene') {
      const surface = text.slice(host.start, host.end);
      const hormone = PEPTIDE_HORMONES.find((p) => p.re.test(surface));
      if (hormone) add(host.start, host.end, { type: 'chemical', norm: hormone.norm, name: hormone.name, case: 'fold', source: 'peptide-hormone', form: surface }, host.sentence);
    }
    const inside = (s: number, e: number) => e - s < host.end - host.start;
    scanIn(host.start, host.end, host.sentence, inside);
    // the scan takes the longest term at each start, the host itself: scan again without its last word
    const lastWord = /[\s-]\S+$/.exec(text.slice(host.start, host.end));
    if (lastWord) scanIn(host.start, host.start + lastWord.index, host.sentence, inside);
  }
  for (const s of sentences) {
    if (s.skip) continue;
    const slice = text.slice(s.start, s.end);
    for (const e of slice.matchAll(ELEMENT_LETTER)) {
      const letter = e[1] ?? e[2] ?? e[3] ?? e[4];
      const start = s.start + e.index;
      const [norm, name] = ELEMENT[letter];
      add(start, start + 1, { type: 'chemical', norm, name, case: 'exact', source: 'element-letter', form: letter }, s.index);
    }
    for (const g of slice.matchAll(GROUP_WORD)) {
      const [norm, name] = GROUP[g[1].toLowerCase()];
      add(s.start + g.index, s.start + g.index + g[1].length, { type: 'chemical', norm, name, case: 'fold', source: 'group', form: g[1] }, s.index);
    }
    for (const r of slice.matchAll(RESIDUE)) scanIn(s.start + r.index, s.start + r.index + r[0].length, s.index, () => true);
    for (const h of slice.matchAll(HEAD_NOUN)) {
      const headStart = s.start + h.index;
      const from = Math.max(s.start, headStart - WINDOW);
      scanIn(from, headStart, s.index, (_, e) => GENE_HEAD.test(text.slice(e, e + 40)));
    }
  }
  // "nitric oxide" over "oxide": the longest name wins, as in the tagger
  return resolveOverlaps([...out.values()].map((m) => ranked(m, 0))).map((c) => copyMention(c));
}
