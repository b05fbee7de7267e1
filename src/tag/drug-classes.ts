/**
 * Drug classes named as agents: "HER2 inhibitors", "anti-HER2 agents", "EGFR TKIs", "CDK4/6
 * inhibitors", "PD-1 blockade", "HER2-targeted therapies", "T-cell bispecific antibodies", "TKIs".
 *
 * A class mention spans the whole phrase and records the genes (or pathway) it names in
 * `targets` (their norms). The inner gene mentions stay (the gold set and BioRED annotate them). `norm` is the MeSH
 * pharmacological action that fits the targets and head noun (CLASS_GROUNDINGS), else
 * `class:<kind>:<target symbols>` (no vocabulary names "HER2 inhibitors"); `name` is the MeSH
 * name, or the FDA established class where one fits the target (HER2/neu Receptor Antagonist),
 * or "<targets> <kind>". `source` is `class:<rule id>`.
 */
import type { Sentence } from '../segment/segment.js';
import type { Lexicon } from './dictionary.js';
import { mention, type Mention } from './mention.js';
import { isWhiteSpace } from './white-space.js';
import { byStart as startOrder } from './span-index.js';

export interface ClassExample { text: string; phrase: string; targets: string[] }

type Kind = 'inhibitor' | 'antagonist' | 'agonist' | 'antibody' | 'targeted' | 'blockade' | 'degrader' | 'bispecific' | 'conjugate';

/** modifiers allowed between the target and the head: "EGFR selective tyrosine kinase inhibitors" */
const MODS = String.raw`(?:(?:selective|specific|small[- ]molecule|dual|pan|irreversible|reversible|covalent|allosteric|oral|monoclonal|humanized|novel|potent)\s+)*`;
const HEAD = String.raw`((?:tyrosine\s+|protein\s+)?kinase\s+inhibitors?|TKIs?|inhibitors?|antagonists?|blockers?|blockade|degraders?|agonists?|mAbs?|(?:T[- ]cell\s+)?bispecific\s+antibod(?:y|ies)|TCBs?|antibody[- ]drug\s+conjugates?|ADCs?|antibod(?:y|ies)|(?:targeted|directed|targeting|based)\s+(?:therap(?:y|ies)|agents?|drugs?|treatments?|antibod(?:y|ies)|regimens?|inhibitors?))`;
/** right after a target chain: "/6" (CDK4/6), a separator, modifiers, the head */
const AFTER_TARGET = new RegExp(String.raw`^(?:\/(\d{1,2}))?(?:\s*[-–]\s*|\s+)${MODS}${HEAD}(?![\w-])`, 'i');
const ANTI_HEAD = new RegExp(String.raw`^(?:\/(\d{1,2}))?(?:\s*[-–]\s*|\s+)${MODS}(agents?|antibod(?:y|ies)|therap(?:y|ies)|drugs?|treatments?|mAbs?|regimens?|blockade|inhibitors?|medications?|remed(?:y|ies)|molecules?|compounds?)(?![\w-])`, 'i');
/** "multi-targeted", "dual-targeted", "targeted" right before a target */
const TARGETED_BEFORE = /(?<![\w-])(?:(?:multi|dual|single)-)?targeted\s+$/i;
/** plural only: "an inhibitor of NF-κB" is often a protein's name (IκB) */
export const INHIBITORS_OF = /(?:^|[^\w-])((?:selective\s+|specific\s+|small[- ]molecule\s+)?(?:inhibitors|antagonists|blockers)\s+of\s+(?:the\s+)?)$/i;
/** a capitalized token, maybe "pan-" or "anti-" before it and a plural s after it ("pan-HER", "HERs") */
const UNTAGGED_TARGET = /(?<![\w-])((?:anti-)?(?:pan-)?)([A-Z][A-Za-z0-9]{1,9}?)(s?)(?=[-\s])/g;
/** classes named without a target */
const STANDALONE: { id: string; re: RegExp; norm: string; name: string }[] = [
  { id: 'tki', re: /\b(?:tyrosine\s+kinase\s+inhibitors?|TKIs?)(?![\w-])/gi, norm: 'MeSH:D000092004', name: 'Tyrosine Kinase Inhibitors' },
  { id: 'kinase-inhibitor', re: /\b(?:protein\s+)?kinase\s+inhibitors?(?![\w-])/gi, norm: 'MeSH:D047428', name: 'Protein Kinase Inhibitors' },
  { id: 'bispecific', re: /\b(?:T[- ]cell[- ])?bispecific\s+(?:antibod(?:y|ies)|T[- ]cell\s+engagers?)(?![\w-])|\bT[- ]cell\s+engagers?(?![\w-])/gi, norm: 'MeSH:D018033', name: 'Antibodies, Bispecific' },
  { id: 'checkpoint-inhibitor', re: /\b(?:immune\s+)?checkpoint\s+(?:inhibitors?|blockade)(?![\w-])/gi, norm: 'MeSH:D000082082', name: 'Immune Checkpoint Inhibitors' },
  { id: 'serm', re: /\bselective\s+(?:o?estrogen)\s+receptor\s+(?:modulators?|degraders?|downregulators?)(?![\w-])/gi, norm: 'MeSH:D020845', name: 'Selective Estrogen Receptor Modulators' },
  { id: 'aromatase-inhibitor', re: /\baromatase\s+inhibitors?(?![\w-])/gi, norm: 'MeSH:D047072', name: 'Aromatase Inhibitors' },
  { id: 'monoclonal-antibody', re: /\bmonoclonal\s+antibod(?:y|ies)(?![\w-])/gi, norm: 'MeSH:D000911', name: 'Antibodies, Monoclonal' },
  { id: 'adc', re: /\b[Aa]ntibody[- ][Dd]rug\s+[Cc]onjugates?(?![\w-])|\bADCs?(?![\w-])/g, norm: 'MeSH:D018796', name: 'Immunoconjugates' },
];

/** MeSH pharmacological actions by target symbol and head kind; first match wins */
const CLASS_GROUNDINGS: { targets: RegExp; kinds: Kind[]; norm: string; name: string }[] = [
  { targets: /^(PDCD1|CD274|PDCD1LG2|CTLA4|LAG3|HAVCR2|TIGIT)$/, kinds: ['inhibitor', 'antagonist', 'blockade', 'antibody', 'targeted'], norm: 'MeSH:D000082082', name: 'Immune Checkpoint Inhibitors' },
  { targets: /^(PI3K|PIK3C[ABDG])$/, kinds: ['inhibitor'], norm: 'MeSH:D000081082', name: 'Phosphoinositide-3 Kinase Inhibitors' },
  { targets: /^(JAK|JAK[123]|TYK2)$/, kinds: ['inhibitor'], norm: 'MeSH:D000075242', name: 'Janus Kinase Inhibitors' },
  { targets: /^CYP19A1$/, kinds: ['inhibitor'], norm: 'MeSH:D047072', name: 'Aromatase Inhibitors' },
  { targets: /^(HDAC\d*)$/, kinds: ['inhibitor'], norm: 'MeSH:D056572', name: 'Histone Deacetylase Inhibitors' },
  { targets: /^(PARP\d?)$/, kinds: ['inhibitor'], norm: 'MeSH:D000067856', name: 'Poly(ADP-ribose) Polymerase Inhibitors' },
  { targets: /^(EGFR|ERBB[234]?|HER|ERBB|FGFR\d?|MET|ALK|KIT|PDGFR[AB]?|KDR|FLT[134]|VEGFR\d?|IGF1R|RET|ROS1|NTRK\d|ABL1|BCR|SRC|BTK|AXL|TRK)$/, kinds: ['inhibitor'], norm: 'MeSH:D000092004', name: 'Tyrosine Kinase Inhibitors' },
  { targets: /^(CDK\d+|MTOR|AKT\d?|MAP2K\d|MEK|BRAF|RAF\d?|ARAF|MAPK\d+|ERK|AURK[AB]|PLK\d|CHEK\d|ATR|ATM|WEE1|mTORC[12]|PKC|PRKC[A-Z])$/, kinds: ['inhibitor'], norm: 'MeSH:D047428', name: 'Protein Kinase Inhibitors' },
];
/** FDA established pharmacologic classes that name a target (class-trees-pubchem/fda_pharmacologic_classes.tsv) */
const FDA_CLASS: { targets: RegExp; kinds: Kind[]; name: string }[] = [
  { targets: /^ERBB2$/, kinds: ['antagonist', 'antibody', 'targeted', 'blockade'], name: 'HER2/neu Receptor Antagonist [EPC]' },
];

function kindOf(head: string): Kind {
  const h = head.toLowerCase();
  if (/bispecific|tcb/.test(h)) return 'bispecific';
  if (/conjugate|adc/.test(h)) return 'conjugate';
  if (/antibod|mab/.test(h)) return 'antibody';
  if (/target|direct|based|therap|agent|drug|treatment|medication|regimen/.test(h)) return 'targeted';
  if (/tki|inhibitor/.test(h)) return 'inhibitor';
  if (/antagonist|blocker/.test(h)) return 'antagonist';
  if (/blockade/.test(h)) return 'blockade';
  if (/degrader/.test(h)) return 'degrader';
  return 'agonist';
}

/** class → grounding, from its targets' symbols and its head kind */
export function groundClass(symbols: string[], kind: Kind): { norm: string; name: string } {
  const fits = (re: RegExp) => symbols.length > 0 && symbols.every((s) => re.test(s));
  for (const g of CLASS_GROUNDINGS) if (g.kinds.includes(kind) && fits(g.targets)) return { norm: g.norm, name: g.name };
  const fda = FDA_CLASS.find((f) => f.kinds.includes(kind) && fits(f.targets));
  const label = symbols.join('/');
  return { norm: `class:${kind}:${symbols.join('+')}`, name: fda?.name ?? `${label} ${kind}` };
}

const CONNECTOR = /^(?:\/|-|–)$/;
const METHODS = /method|material|reagent|antibod|experimental procedure/i;

/**
 * Drug-class mentions in the in-scope sentences. `mentions` are the tagger's chosen mentions
 * (genes, pathways, drugs...); `lookup` finds the gene a symbol names ("CDK6" for "CDK4/6").
 */
export function findDrugClasses(text: string, sentences: Sentence[], mentions: Mention[], lookup: (symbol: string) => Mention | undefined): Mention[] {
  const out: Mention[] = [];
  const byStart = new MentionIndex(mentions);
  for (const s of sentences) {
    const sentenceOut = out.length;
    const inner = byStart.within(s.start, s.end).filter((m) => m.type === 'gene' || m.type === 'pathway');
    const methods = METHODS.test(s.section);
    const add = (start: number, end: number, targets: Mention[], head: string, rule: string) => {
      const kind = kindOf(head);
      // in Methods, "anti-HER2 antibody" is a lab reagent, not an agent of the study
      if (methods && (kind === 'antibody' || /antibod/i.test(head))) return;
      const symbols = targets.map((t) => (t.type === 'gene' ? t.name : text.slice(t.start, t.end)).replace(/\s+/g, '_'));
      const g = groundClass(symbols, kind);
      out.push(mention('drug_class', start, end, g.norm, g.name, s.index, `class:${rule}`, [...new Set(targets.map((t) => t.norm))]));
    };
    // chains of targets joined by / , - and or
    for (let i = 0; i < inner.length; i++) {
      let j = i;
      while (j + 1 < inner.length && CONNECTOR.test(text.slice(inner[j].end, inner[j + 1].start))) j++;
      const chain = inner.slice(i, j + 1);
      const first = chain[0], last = chain[chain.length - 1];
      // "anti-HER2", "anti HER2", and "anti- HER2" where a line-break hyphen was kept
      const anti = /anti(?:[-–]\s?|\s)?$/i.exec(text.slice(Math.max(s.start, first.start - 6), first.start));
      const rest = text.slice(last.end, s.end);
      const targets = (m: RegExpExecArray | null) => {
        const t = [...chain];
        // "CDK4/6": the number after the slash names the sibling gene
        // "CDK4/6" as one mention (member-lists.ts) lists its siblings itself
        const list = /^(.*?\d)((?:\/\d{1,2})+)$/.exec(text.slice(last.start, last.end));
        const base = list ? list[1] : text.slice(last.start, last.end);
        for (const n of [...(list ? list[2].split('/').slice(1) : []), ...(m?.[1] ? [m[1]] : [])]) { const sib = lookup(base.replace(/\d+$/, n)); if (sib) t.push(sib); }
        return t;
      };
      if (anti) {
        const m = ANTI_HEAD.exec(rest);
        if (m) { add(first.start - anti[0].length, last.end + m[0].length, targets(m), m[2], 'anti-target'); i = j; continue; }
      }
      const m = AFTER_TARGET.exec(rest);
      if (m) { add(first.start, last.end + m[0].length, targets(m), m[2], 'target-head'); i = j; continue; }
      // "multi-targeted HER2 agents": the targeting word before the target, an agent noun after it
      const targeted = TARGETED_BEFORE.exec(text.slice(Math.max(s.start, first.start - 20), first.start));
      const agent = targeted && ANTI_HEAD.exec(rest);
      if (targeted && agent) { add(first.start - targeted[0].length, last.end + agent[0].length, targets(agent), agent[2], 'targeted-target-head'); i = j; continue; }
      const of = mayEndInOf(text, s.start, first.start) ? INHIBITORS_OF.exec(text.slice(s.start, first.start)) : null;
      if (of) { add(first.start - of[1].length, last.end, chain, of[1], 'inhibitors-of'); i = j; }
    }
    const slice = text.slice(s.start, s.end);
    // a target the tagger left untagged but the lexicon knows: "pan-HER TKI", "HERs-targeted therapies"
    for (const m of slice.matchAll(UNTAGGED_TARGET)) {
      const start = s.start + m.index + m[1].length, end = start + m[2].length + m[3].length;
      if (byStart.overlaps(start, end) || overlapsFrom(out, sentenceOut, start, end)) continue;
      // the head first: most capitalized words have none, and the lexicon look-up costs two scans
      const anti = /anti-$/i.test(m[1]);
      const h = (anti ? ANTI_HEAD : AFTER_TARGET).exec(text.slice(end, s.end));
      if (!h) continue;
      const gene = lookup(m[2]);
      if (gene) add(anti ? start - 5 : start, end + h[0].length, [gene], h[2], 'lexicon-target');
    }
    for (const r of STANDALONE) {
      for (const m of slice.matchAll(r.re)) {
        const start = s.start + m.index, end = start + m[0].length;
        if (overlapsFrom(out, sentenceOut, start, end)) continue;
        if (methods && r.id === 'monoclonal-antibody') continue;
        out.push(mention('drug_class', start, end, r.norm, r.name, s.index, `class:${r.id}`, []));
      }
    }
  }
  return out.sort(startOrder);
}

/**
 * Whether text[from, to) can match INHIBITORS_OF, which ends in "of" or "the" and white space: a test of
 * its last characters, so a sentence's prefix is not searched by the regular expression for every target in it.
 */
export function mayEndInOf(text: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  if (e === to) return false;
  const lower = (i: number) => text.charCodeAt(i) | 32;
  return (e - from >= 2 && lower(e - 2) === 111 && lower(e - 1) === 102) // of
    || (e - from >= 3 && lower(e - 3) === 116 && lower(e - 2) === 104 && lower(e - 1) === 101); // the
}

/** out[from..] overlaps [start, end): classes of earlier sentences end before this one starts */
function overlapsFrom(out: Mention[], from: number, start: number, end: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i].start < end && start < out[i].end) return true;
  return false;
}

/** Mentions by start (ties in their given order), so a sentence's mentions and overlaps are found by binary search, not a scan of the document. */
class MentionIndex {
  private readonly sorted: Mention[];
  /** the largest end among sorted[0..i] */
  private readonly maxEnd: number[];
  constructor(mentions: Mention[]) {
    this.sorted = [...mentions].sort(startOrder);
    let max = -Infinity;
    this.maxEnd = this.sorted.map((m) => (max = Math.max(max, m.end)));
  }
  /** index of the first mention starting at or after `pos` */
  private lowerBound(pos: number): number {
    let lo = 0, hi = this.sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.sorted[mid].start < pos) lo = mid + 1; else hi = mid; }
    return lo;
  }
  /** mentions inside [start, end], by start */
  within(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.lowerBound(start); i < this.sorted.length && this.sorted[i].start <= end; i++) if (this.sorted[i].end <= end) out.push(this.sorted[i]);
    return out;
  }
  /** some mention overlaps [start, end) */
  overlaps(start: number, end: number): boolean {
    const k = this.lowerBound(end);
    return k > 0 && this.maxEnd[k - 1] > start;
  }
}

/**
 * The drug-class mentions of a tagged document (a step after tagging: relation extraction reads
 * "the HER2 inhibitor lapatinib" through the inner gene, so the classes are added to the entities,
 * not to the mentions the relation rules see).
 */
export function tagDrugClasses(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const inScope = sentences.filter((s) => !s.skip);
  // a symbol names the gene it names elsewhere in this document ("HER" bound by an abbreviation), else the lexicon's
  const named = new Map<string, Mention>();
  for (const m of mentions) if (m.type === 'gene' && !named.has(text.slice(m.start, m.end))) named.set(text.slice(m.start, m.end), m);
  const known = new Map<string, Mention | undefined>();
  const lookup = (symbol: string) => named.get(symbol) ?? (known.has(symbol) ? known.get(symbol) : known.set(symbol, geneNamed(lexicon, symbol)).get(symbol));
  return findDrugClasses(text, inScope, mentions, lookup).map((c) => {
    const section = sentences[c.sentence]?.section;
    if (section) c.section = section;
    return c;
  });
}

/** The gene a bare symbol names in the lexicon ("CDK6"), or its family ("HER" → "HER family"). */
function geneNamed(lexicon: Lexicon, symbol: string): Mention | undefined {
  const m = [symbol, `${symbol} family`].map((t) => lexicon.automaton.scan(t).find((x) => x.start === 0 && x.end === t.length && x.entries.some((e) => e.type === 'gene'))).find(Boolean);
  const e = m?.entries.find((x) => x.type === 'gene');
  return e ? mention('gene', 0, symbol.length, e.norm, e.name, 0, e.source) : undefined;
}

export const DRUG_CLASS_EXAMPLES: ClassExample[] = [
  { text: 'Tumours progressed on HER2 inhibitors.', phrase: 'HER2 inhibitors', targets: ['NCBIGene:2064'] },
  { text: 'Patients received anti-HER2 antibodies.', phrase: 'anti-HER2 antibodies', targets: ['NCBIGene:2064'] },
  { text: 'Resistance to anti-HER2 agents is common.', phrase: 'anti-HER2 agents', targets: ['NCBIGene:2064'] },
  { text: 'EGFR TKIs were given.', phrase: 'EGFR TKIs', targets: ['NCBIGene:1956'] },
  { text: 'TKIs such as lapatinib block signalling.', phrase: 'TKIs', targets: [] },
  { text: 'CDK4/6 inhibitors arrest the cell cycle.', phrase: 'CDK4/6 inhibitors', targets: ['NCBIGene:1019', 'NCBIGene:1021'] },
  { text: 'PD-1 blockade restored T cell function.', phrase: 'PD-1 blockade', targets: ['NCBIGene:5133'] },
  { text: 'HER2-targeted therapies improved survival.', phrase: 'HER2-targeted therapies', targets: ['NCBIGene:2064'] },
  { text: 'T-cell bispecific antibodies redirect T cells.', phrase: 'T-cell bispecific antibodies', targets: [] },
  { text: 'The EGFR/HER2 inhibitor pyrotinib was tested.', phrase: 'EGFR/HER2 inhibitor', targets: ['NCBIGene:1956', 'NCBIGene:2064'] },
  { text: 'PD-1/PD-L1 inhibitors are approved.', phrase: 'PD-1/PD-L1 inhibitors', targets: ['NCBIGene:5133', 'NCBIGene:29126'] },
  { text: 'selective inhibitors of MET reduced growth.', phrase: 'selective inhibitors of MET', targets: ['NCBIGene:4233'] },
  { text: 'The evolution of HER2-based drugs was rapid.', phrase: 'HER2-based drugs', targets: ['NCBIGene:2064'] },
  { text: 'the inability of anti- HER2 agents to cross the barrier', phrase: 'anti- HER2 agents', targets: ['NCBIGene:2064'] },
  { text: 'Next-generation ADCs improve efficacy.', phrase: 'ADCs', targets: [] },
  { text: 'or multi-targeted HER2 agents (e.g. pertuzumab, lapatinib)', phrase: 'multi-targeted HER2 agents', targets: ['NCBIGene:2064'] },
];
