/**
 * Relation rules. Each rule has an id (written on every triple it produces), a prior
 * reliability and examples that run as tests. Rules see a SentenceView and a pair of
 * coordination groups (left, right) in sentence order, plus the words between them.
 */
import type { EntityType } from '../model/schemas.js';
import type { Arg, SentenceView } from './sentence-view.js';
import { TRIGGERS, type Trigger } from './triggers.js';

export interface PairContext {
  view: SentenceView;
  left: Arg[];
  right: Arg[];
  /** token index range strictly between the groups */
  from: number;
  to: number;
  between: string[];
}

export interface RuleHit {
  predicate: string;
  /** 'left' when the left group is the subject */
  subject: 'left' | 'right';
  /** token range of the trigger */
  trigger: [number, number];
}

export interface RelationRule {
  id: string;
  reliability: number;
  description: string;
  apply: (c: PairContext) => RuleHit | undefined;
  examples: { sentence: string; expect: string | null }[];
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const CAUSAL = new Set(['confer', 'confers', 'conferred', 'conferring', 'cause', 'causes', 'caused', 'causing', 'induce', 'induces', 'induced', 'inducing', 'lead', 'leads', 'led', 'leading', 'mediate', 'mediates', 'mediated', 'mediating', 'contribute', 'contributes', 'contributed', 'contributing', 'promote', 'promotes', 'promoted', 'promoting', 'result', 'results', 'resulted', 'resulting', 'drive', 'drives', 'driving', 'account', 'accounts', 'responsible', 'involved', 'associated', 'related', 'linked', 'render', 'renders', 'rendering', 'enhance', 'enhances', 'increase', 'increases']);
const VIA = new Set(['via', 'through', 'by', 'due', 'owing', 'mediated', 'caused', 'induced', 'involving', 'expressing', 'overexpressing', 'harboring', 'harbouring', 'with', 'carrying', 'lacking']);
const RESIST = new Set(['resistance', 'resistant', 'insensitivity', 'insensitive', 'refractory', 'refractoriness']);
const SENSITIVE = new Set(['sensitive', 'sensitivity', 'sensitize', 'sensitizes', 'sensitizing', 'sensitise', 'sensitises', 'responsive', 'respond', 'responds', 'responded', 'response', 'responses', 'susceptible']);
const COMBINE = new Set(['combination', 'combined', 'combining', 'combinations', 'plus', 'dual', 'together', 'concomitant', 'co', 'administered']);
const MEMBER = new Set(['component', 'components', 'member', 'members', 'part', 'effector', 'effectors', 'mediator', 'mediators', 'node', 'regulator']);
const PREDICT = new Set(['predict', 'predicts', 'predicted', 'predictive', 'predictor', 'biomarker', 'biomarkers', 'marker', 'markers']);
/** "(e.g., X)", "such as X", "including X": words between a class and its examples */
const EXAMPLE_FILLER = new Set(['(', ')', ',', '.', 'e', 'g', 'i', 'such', 'as', 'like', 'including', 'namely', ':']);
const TARGET_HEADS = new Set(['targeted', 'targeting', 'directed', 'specific']);

/** true when the token at i is glued to the previous one by a hyphen ("angiogenesis-inducing") */
const isHyphenJoined = (v: SentenceView, i: number): boolean => v.tokens[i].start - v.tokens[i - 1].end === 1 && v.hyphenBefore[i];

const type = (g: Arg[]): EntityType => g[0].mention.type;
const is = (g: Arg[], ...types: EntityType[]) => types.includes(type(g));
const trig = (w: string | undefined): Trigger | undefined => (w === undefined ? undefined : TRIGGERS.get(w));

/** last trigger among the between-words satisfying `ok`, with its token index */
function lastTrigger(c: PairContext, ok: (t: Trigger, i: number) => boolean): [Trigger, number] | undefined {
  for (let i = c.to - 1; i >= c.from; i--) {
    const t = trig(c.view.words[i]);
    if (t && ok(t, i)) return [t, i];
  }
  return undefined;
}

export const RULES: RelationRule[] = [
  {
    id: 'verb-active',
    reliability: 0.8,
    description: 'SUBJ <trigger verb> OBJ: "lapatinib inhibits HER2", "HER2 activates the PI3K/AKT pathway"',
    apply: (c) => {
      if (c.between.length > 12 || c.between.length === 0) return undefined;
      // "TNFα blockers inhibit ...": the subject is the blocker, not the gene
      if (trig(c.between[0])?.form === 'agent') return undefined;
      const hit = lastTrigger(c, (t, i) => (t.form === 'finite' || t.form === 'gerund' || (t.form === 'participle' && !BE.has(c.view.words[i - 1]) && c.view.words[i + 1] !== 'by' && i > c.from))
        && t.predicate !== 'binds'
        // "angiogenesis-inducing factors": a hyphenated modifier, not the verb of the clause
        && !(i > 0 && isHyphenJoined(c.view, i)));
      if (!hit) return undefined;
      const [t, i] = hit;
      // "X-induced Y activation" belongs to the nominal rules; a trigger far from its object acts on something else
      if ((i === c.from && t.form === 'participle') || c.to - i > 4) return undefined;
      return { predicate: t.predicate, subject: 'left', trigger: [i, i] };
    },
    examples: [
      { sentence: 'Lapatinib inhibits HER2 phosphorylation.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'HER2 activates the PI3K/AKT pathway.', expect: 'HER2 activates PI3K/AKT pathway' },
      { sentence: 'Trastuzumab and HER2 were studied.', expect: null },
      { sentence: 'AKT blockers inhibit the expression of MUC4.', expect: null },
      { sentence: 'Inhibitors of apoptosis (PTEN, AKT) and angiogenesis-inducing factors (HER2, EGFR) were high.', expect: null },
    ],
  },
  {
    id: 'verb-passive',
    reliability: 0.8,
    description: 'OBJ is <trigger>-ed by SUBJ: "HER2 is inhibited by lapatinib"',
    apply: (c) => {
      if (c.between.length > 10) return undefined;
      const w = c.view.words;
      const by = c.to - 1 >= c.from && w[c.to - 1] === 'by' ? c.to - 1 : w[c.to - 2] === 'by' && w[c.to - 1] === 'the' ? c.to - 2 : -1;
      if (by < 0) return undefined;
      const t = trig(w[by - 1]);
      if (!t || t.form !== 'participle') return undefined;
      return { predicate: t.predicate, subject: 'right', trigger: [by - 1, by] };
    },
    examples: [
      { sentence: 'HER2 is strongly inhibited by lapatinib.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'AKT activated by HER2 drives growth.', expect: 'HER2 activates AKT' },
    ],
  },
  {
    id: 'binds',
    reliability: 0.7,
    description: 'SUBJ binds/interacts with/heterodimerizes with OBJ',
    apply: (c) => {
      if (c.between.length > 14 || !is(c.left, 'gene', 'drug') || !is(c.right, 'gene', 'drug')) return undefined;
      // "obstructs the binding of X" is about X binding something else
      const hit = lastTrigger(c, (t, i) => t.predicate === 'binds' && t.form !== 'noun' && c.view.words[i + 1] !== 'of' && c.view.words[i - 1] !== 'the');
      if (!hit || c.to - hit[1] > 8) return undefined;
      return { predicate: 'binds', subject: 'left', trigger: [hit[1], hit[1]] };
    },
    examples: [
      { sentence: 'Trastuzumab binds to domain IV of HER2.', expect: 'trastuzumab binds HER2' },
      { sentence: 'HER2 heterodimerizes with HER3.', expect: 'HER2 binds HER3' },
      { sentence: 'MUC4 may obstruct the binding of trastuzumab.', expect: null },
      { sentence: 'Pertuzumab is a monoclonal antibody that binds to a different epitope on the HER2 extracellular domain.', expect: 'pertuzumab binds HER2' },
    ],
  },
  {
    id: 'nominal-of-by',
    reliability: 0.75,
    description: '<trigger noun> of OBJ by SUBJ: "inhibition of HER2 by lapatinib"',
    apply: (c) => {
      const w = c.view.words;
      const first = c.left[0].first;
      const ofAt = w[first - 1] === 'the' ? first - 2 : first - 1;
      const t = trig(w[ofAt - 1]);
      if (w[ofAt] !== 'of' || !t || t.form !== 'noun' || c.between.length > 3 || !c.between.includes('by')) return undefined;
      return { predicate: t.predicate, subject: 'right', trigger: [ofAt - 1, ofAt - 1] };
    },
    examples: [{ sentence: 'Inhibition of HER2 by lapatinib reduced growth.', expect: 'lapatinib inhibits HER2' }],
  },
  {
    id: 'nominal-mediated',
    reliability: 0.7,
    description: 'SUBJ-mediated/-induced <trigger noun> of OBJ, or SUBJ-induced OBJ <trigger noun>',
    apply: (c) => {
      const w = c.view.words;
      const head = c.between[0];
      if (!head || !['mediated', 'induced', 'dependent', 'driven', 'triggered'].includes(head)) return undefined;
      const t1 = trig(c.between[1]);
      if (t1 && t1.form === 'noun' && (c.between[2] === 'of' || c.between.length === 2) && c.between.length <= 4)
        return { predicate: t1.predicate, subject: 'left', trigger: [c.from + 1, c.from + 1] };
      const after = c.right[c.right.length - 1].last + 1;
      const t2 = trig(w[after]);
      if (c.between.length === 1 && t2 && t2.form === 'noun') return { predicate: t2.predicate, subject: 'left', trigger: [after, after] };
      return undefined;
    },
    examples: [
      { sentence: 'HER2-mediated activation of AKT was observed.', expect: 'HER2 activates AKT' },
      { sentence: 'EGF-induced AKT phosphorylation was lost.', expect: 'EGF phosphorylates AKT' },
    ],
  },
  {
    id: 'nominal-object',
    reliability: 0.65,
    description: 'SUBJ (activation) leads to / results in / causes the <trigger noun> of OBJ: "HER2 activation can lead to the activation of Ras"',
    apply: (c) => {
      const b = c.between;
      if (b.length < 3 || b.length > 12) return undefined;
      const ofAt = b[b.length - 1] === 'of' ? b.length - 1 : b[b.length - 2] === 'of' && b[b.length - 1] === 'the' ? b.length - 2 : -1;
      const t = trig(b[ofAt - 1]);
      if (ofAt < 1 || !t || t.form !== 'noun' || t.predicate === 'binds') return undefined;
      const cause = b.slice(0, ofAt - 1).findIndex((x) => CAUSAL.has(x) || x === 'initiates' || x === 'triggers');
      if (cause < 0 || b.slice(0, ofAt - 1).some((x) => TRIGGERS.get(x)?.form === 'finite')) return undefined;
      return { predicate: t.predicate, subject: 'left', trigger: [c.from + ofAt - 1, c.from + ofAt - 1] };
    },
    examples: [
      { sentence: 'HER2 activation can lead to the activation of AKT.', expect: 'HER2 activates AKT' },
      { sentence: 'HER2 was measured and the activation of AKT was high.', expect: null },
    ],
  },
  {
    id: 'resistant-to',
    reliability: 0.65,
    description: 'cells/tumours with SUBJ are resistant to DRUG: "tumors expressing p95HER2 are often resistant to trastuzumab"',
    apply: (c) => {
      const b = c.between;
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || b.length > 6 || b.length < 2) return undefined;
      if (!RESIST.has(b[b.length - 2]) || b[b.length - 1] !== 'to' || !b.slice(0, -2).some((x) => BE.has(x))) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'left', trigger: [c.to - 2, c.to - 2] };
    },
    examples: [
      { sentence: 'Tumors expressing p95HER2 are often resistant to trastuzumab.', expect: 'p95HER2 confers_resistance_to trastuzumab' },
      { sentence: 'p95HER2 and trastuzumab resistance were studied.', expect: null },
    ],
  },
  {
    id: 'agent-apposition',
    reliability: 0.85,
    description: 'a drug named as an inhibitor of a gene: "the HER2 inhibitor neratinib", "lapatinib, a dual EGFR/HER2 inhibitor"',
    apply: (c) => {
      const w = c.view.words;
      if (is(c.left, 'gene') && is(c.right, 'drug')) {
        const t = trig(c.between[0]);
        const agentLike = t?.form === 'agent' || (t?.form === 'noun' && t.predicate === 'inhibits');
        const content = c.between.filter((x) => !EXAMPLE_FILLER.has(x));
        if (t && agentLike && content.length <= 4 && !c.between.slice(1).some((x) => TRIGGERS.has(x)))
          return { predicate: t.predicate, subject: 'right', trigger: [c.from, c.from] };
      }
      if (is(c.left, 'drug') && is(c.right, 'gene')) {
        const after = c.right[c.right.length - 1].last + 1;
        const t = trig(w[after]);
        if (t?.form === 'agent' && c.between.length <= 6 && (c.between.includes('a') || c.between.includes('an') || c.between.includes('is') || c.between[0] === ','))
          return { predicate: t.predicate, subject: 'left', trigger: [after, after] };
      }
      return undefined;
    },
    examples: [
      { sentence: 'the irreversible HER2 inhibitor neratinib was best.', expect: 'neratinib inhibits HER2' },
      { sentence: 'Lapatinib, a reversible EGFR inhibitor, was used.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'Dual HER2 blockade (e.g., trastuzumab or lapatinib) works.', expect: 'trastuzumab inhibits HER2' },
      { sentence: 'Neratinib is a pan-HER2 TKI.', expect: 'neratinib inhibits HER2' },
    ],
  },
  {
    id: 'drug-targets',
    reliability: 0.85,
    description: 'a drug designed against a gene: "trastuzumab, an antibody targeting HER2", "anti-HER2 antibody trastuzumab", "HER2-targeted agents such as lapatinib"',
    apply: (c) => {
      const w = c.view.words;
      if (is(c.left, 'drug') && is(c.right, 'gene') && c.between.length <= 8) {
        const k = c.between.findIndex((x) => x === 'targeting' || x === 'targets' || x === 'against');
        if (k >= 0 && (c.between[k] !== 'against' || c.between[k - 1] === 'directed')) return { predicate: 'targets', subject: 'left', trigger: [c.from + k, c.from + k] };
      }
      if (is(c.left, 'gene') && is(c.right, 'drug') && c.between.length <= 6) {
        const first = c.left[0].first;
        const anti = w[first - 1] === 'anti';
        if (anti || TARGET_HEADS.has(c.between[0])) {
          if (c.between.some((x) => TRIGGERS.get(x)?.form === 'finite' || x === 'than')) return undefined;
          return { predicate: 'targets', subject: 'right', trigger: anti ? [first - 1, first - 1] : [c.from, c.from] };
        }
      }
      return undefined;
    },
    examples: [
      { sentence: 'Trastuzumab, a monoclonal antibody targeting HER2, was approved.', expect: 'trastuzumab targets HER2' },
      { sentence: 'anti-HER2 antibody trastuzumab improves survival.', expect: 'trastuzumab targets HER2' },
      { sentence: 'HER2-targeted agents such as lapatinib were tested.', expect: 'lapatinib targets HER2' },
    ],
  },
  {
    id: 'resistance-cause',
    reliability: 0.75,
    description: 'SUBJ <causal verb> ... resistance to DRUG / DRUG resistance: "p95HER2 confers resistance to trastuzumab"',
    apply: (c) => {
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || c.between.length > 14) return undefined;
      const w = c.view.words;
      const after = w[c.right[c.right.length - 1].last + 1];
      const before = c.between.slice(-2);
      const resistNear = (RESIST.has(before[0]) && before[1] === 'to') || RESIST.has(after) || RESIST.has(before[1]);
      if (!resistNear) return undefined;
      const k = c.between.findIndex((x) => CAUSAL.has(x));
      if (k < 0) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'p95HER2 confers resistance to trastuzumab.', expect: 'p95HER2 confers_resistance_to trastuzumab' },
      { sentence: 'Loss of PTEN leads to trastuzumab resistance.', expect: 'PTEN confers_resistance_to trastuzumab' },
      { sentence: 'PTEN and trastuzumab were measured.', expect: null },
    ],
  },
  {
    id: 'resistance-via',
    reliability: 0.7,
    description: 'resistance to DRUG via/through/mediated by SUBJ; DRUG-resistant cells expressing SUBJ',
    apply: (c) => {
      if (!is(c.left, 'drug') || !is(c.right, 'gene', 'mutation', 'pathway') || c.between.length > 10) return undefined;
      const w = c.view.words;
      const first = c.left[0].first;
      const resistBefore = RESIST.has(w[first - 2]) && w[first - 1] === 'to';
      const resistAfter = RESIST.has(c.between[0]);
      if (!resistBefore && !resistAfter) return undefined;
      const k = c.between.findIndex((x) => VIA.has(x));
      if (k < 0) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'right', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'Resistance to trastuzumab through activation of IGF1R was shown.', expect: 'IGF1R confers_resistance_to trastuzumab' },
      { sentence: 'Trastuzumab-resistant cells expressing MUC4 grew.', expect: 'MUC4 confers_resistance_to trastuzumab' },
    ],
  },
  {
    id: 'biomarker',
    reliability: 0.6,
    description: 'GENE/MUTATION status predicts response/benefit to DRUG',
    apply: (c) => {
      if (!is(c.left, 'gene', 'mutation') || !is(c.right, 'drug') || c.between.length > 12) return undefined;
      const k = c.between.findIndex((x) => PREDICT.has(x));
      if (k < 0) return undefined;
      return { predicate: 'biomarker_for', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [{ sentence: 'HER2 status predicts response to trastuzumab.', expect: 'HER2 biomarker_for trastuzumab' }],
  },
  {
    id: 'sensitivity',
    reliability: 0.65,
    description: 'SUBJ ... sensitive/sensitivity/respond to DRUG: "V777L mutant cells were sensitive to neratinib"',
    apply: (c) => {
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || c.between.length > 10) return undefined;
      const k = c.between.findIndex((x) => SENSITIVE.has(x));
      if (k < 0 || c.between.some((x) => RESIST.has(x))) return undefined;
      return { predicate: 'confers_sensitivity_to', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'V777L mutant cells were sensitive to neratinib.', expect: 'V777L confers_sensitivity_to neratinib' },
      { sentence: 'V777L mutant cells were treated with neratinib.', expect: null },
    ],
  },
  {
    id: 'combination',
    reliability: 0.75,
    description: 'DRUG plus / in combination with / combined with DRUG',
    apply: (c) => {
      if (!is(c.left, 'drug') || !is(c.right, 'drug') || c.between.length > 4 || c.between.length === 0) return undefined;
      const b = c.between.join(' ');
      if (/^(plus|\+|with|and|in combination with|combined with|together with|or)$/.test(b) || (c.between.length <= 3 && c.between.some((x) => COMBINE.has(x)))) {
        const sentenceCue = c.view.words.some((x) => COMBINE.has(x));
        if ((b === 'and' || b === 'with' || b === 'or') && !sentenceCue) return undefined;
        if (b === 'or') return undefined;
        return { predicate: 'combined_with', subject: 'left', trigger: [c.from, c.to - 1] };
      }
      return undefined;
    },
    examples: [
      { sentence: 'Trastuzumab plus pertuzumab improved survival.', expect: 'trastuzumab combined_with pertuzumab' },
      { sentence: 'Trastuzumab or pertuzumab was given.', expect: null },
    ],
  },
  {
    id: 'pathway-member',
    reliability: 0.7,
    description: 'GENE, a component/member of the PATHWAY',
    apply: (c) => {
      if (!is(c.left, 'gene') || !is(c.right, 'pathway') || c.between.length > 7) return undefined;
      const k = c.between.findIndex((x) => MEMBER.has(x));
      if (k < 0 || c.between[k + 1] !== 'of') return undefined;
      return { predicate: 'part_of', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [{ sentence: 'AKT, a key component of the PI3K pathway, is active.', expect: 'AKT part_of PI3K pathway' }],
  },
];

