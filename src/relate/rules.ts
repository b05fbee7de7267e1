/**
 * Relation rules. Each rule has an id (written on every triple it produces), a prior
 * reliability and examples that run as tests. Rules see a SentenceView and a pair of
 * coordination groups (left, right) in sentence order, plus the words between them.
 */
import type { EntityType } from '../model/schemas.js';
import type { Arg, SentenceView } from './sentence-view.js';
import { TRIGGERS, type Trigger } from './triggers.js';
import { ACTIVITY_HEADS, BE, adjunctGerundOfOther, byObjectHead, clauseSubject, coordinatedVerb, invert, isClassifier, isModifier, lostSubject, namesDrugClass, objectHead, wordBefore } from './roles.js';

export interface PairContext {
  view: SentenceView;
  left: Arg[];
  right: Arg[];
  /** token index range strictly between the groups */
  from: number;
  to: number;
  between: string[];
  /**
   * set by relate.ts when `left` is the clause subject shared by a coordinated verb or an adjunct
   * gerund and `from` is where that verb phrase starts ("A binds B and activates C": A, C)
   */
  shared?: boolean;
}

export interface RuleHit {
  predicate: string;
  /** 'left' when the left group is the subject */
  subject: 'left' | 'right';
  /** token range of the trigger */
  trigger: [number, number];
  /** more predicates on the same pair: "Akt can phosphorylate and activate mTOR" */
  also?: { predicate: string; trigger: [number, number] }[];
}

export interface RelationRule {
  id: string;
  reliability: number;
  description: string;
  apply: (c: PairContext) => RuleHit | undefined;
  /**
   * `expect`: a triple this rule gives (null: the sentence gives none at all); `absent`: one it must
   * not give; `by`: the rule that gives `expect` when the example is here to show this rule's restraint
   */
  examples: { sentence: string; expect: string | null; absent?: string; by?: string }[];
}

export const CAUSAL = new Set(['confer', 'confers', 'conferred', 'conferring', 'cause', 'causes', 'caused', 'causing', 'induce', 'induces', 'induced', 'inducing', 'lead', 'leads', 'led', 'leading', 'mediate', 'mediates', 'mediated', 'mediating', 'contribute', 'contributes', 'contributed', 'contributing', 'promote', 'promotes', 'promoted', 'promoting', 'result', 'results', 'resulted', 'resulting', 'drive', 'drives', 'driving', 'account', 'accounts', 'responsible', 'involved', 'associated', 'related', 'linked', 'render', 'renders', 'rendering', 'enhance', 'enhances', 'increase', 'increases']);
const VIA = new Set(['via', 'through', 'by', 'due', 'owing', 'mediated', 'caused', 'induced', 'involving', 'expressing', 'overexpressing', 'harboring', 'harbouring', 'with', 'carrying', 'lacking']);
const RESIST = new Set(['resistance', 'resistant', 'insensitivity', 'insensitive', 'refractory', 'refractoriness']);
const SENSITIVE = new Set(['sensitive', 'sensitivity', 'sensitize', 'sensitizes', 'sensitizing', 'sensitise', 'sensitises', 'responsive', 'respond', 'responds', 'responded', 'response', 'responses', 'susceptible']);
const COMBINE = new Set(['combination', 'combined', 'combining', 'combinations', 'plus', 'dual', 'together', 'concomitant', 'co', 'administered']);
const MEMBER = new Set(['component', 'components', 'member', 'members', 'part', 'effector', 'effectors', 'mediator', 'mediators', 'node', 'regulator']);
const PREDICT = new Set(['predict', 'predicts', 'predicted', 'predicting', 'prediction', 'predictive', 'predictor', 'biomarker', 'biomarkers', 'marker', 'markers']);
/** "(e.g., X)", "such as X", "including X": words between a class and its examples */
/** what follows a binding gerund that has its object: a preposition, a determiner or an adverb */
const GERUND_OBJECT = new Set(['to', 'with', 'the', 'a', 'an', 'its', 'their', 'directly', 'specifically', 'preferentially', 'selectively', 'both']);
/** nouns after a binding gerund that name the partner with the next word: "binding sites for X", "its binding ability to X" ("binding sites to those of" does not) */
const BINDING_FOR = new Map([['site', ['for']], ['sites', ['for']], ['affinity', ['for', 'to']], ['affinities', ['for', 'to']], ['ability', ['for', 'to']], ['capacity', ['for', 'to']]]);
const EXAMPLE_FILLER = new Set(['(', ')', ',', '.', 'e', 'g', 'i', 'such', 'as', 'like', 'including', 'namely', ':']);
/** "overcoming / reversing resistance": what follows is a remedy, not a cause */
const OVERCOME = new Set(['overcome', 'overcomes', 'overcoming', 'reverse', 'reverses', 'reversing', 'reversed', 'circumvent', 'circumventing', 'restore', 'restoring']);
/** "ligands such as", "a ligand of", "receptors for" */
const LIGAND = new Set(['ligand', 'ligands']);
const RECEPTOR = new Set(['receptor', 'receptors']);
/** "the targeting of X", "therapy targeting X": X is acted against */
const TARGETING = new Set(['targeting', 'targeted', 'blocking', 'inhibiting', 'silencing', 'knocking', 'depleting']);
/** before an entity, these make it the object of a preposition, not a clause subject */
const OBJECT_PREP = new Set(['with', 'of', 'in', 'by', 'for', 'to', 'from', 'on', 'at']);
/** verbs that undo what a drug does */
const COUNTER = new Set(['block', 'blocks', 'blocked', 'blocking', 'prevent', 'prevents', 'prevented', 'preventing', 'reverse', 'reverses', 'reversed', 'reversing', 'abrogate', 'abrogates', 'abrogated', 'abolish', 'abolishes', 'abolished', 'counteract', 'counteracts', 'counteracted', 'antagonize', 'antagonizes', 'antagonized', 'attenuate', 'attenuates', 'attenuated', 'impair', 'impairs', 'impaired']);
/** what a drug does, as a noun: "trastuzumab's effects", "the efficacy of lapatinib" */
const EFFECT = new Set(['effect', 'effects', 'efficacy', 'activity', 'action', 'actions', 'properties', 'benefit', 'benefits', 'cytotoxicity']);
/** the head nouns of a class of agents: "targeted HER2 agents" */
const AGENT_HEADS = new Set(['agent', 'agents', 'therapy', 'therapies', 'drug', 'drugs', 'treatment', 'treatments', 'antibody', 'antibodies', 'inhibitor', 'inhibitors']);
const TARGET_HEADS = new Set(['targeted', 'targeting', 'directed', 'specific']);
/** before a participle, these make it an adjective ("in increased degradation of") */
const PREP_DET = new Set(['in', 'to', 'of', 'with', 'for', 'the', 'a', 'an', 'and', 'or', 'by', 'from']);
/** words that coordinate a second noun phrase: "IL6 inhibitors and trastuzumab" is a list, not a naming */
const LIST = new Set(['and', 'or', 'with', 'plus', 'versus', 'vs']);
/** what follows a drug that is then named as an agent: "X, a ...", "X (a ...)", "X is a ...", "X as a ..." */
const APPOSITION = new Set([',', '(', 'is', 'was', 'are', 'were', 'as', 'being']);
const ARTICLE = new Set(['a', 'an', 'the', 'one']);
/** nouns between a gene and the agent that names a drug by it: "EGFR tyrosine kinase inhibitor" */
const CLASS_NOUNS = new Set(['receptor', 'receptors', 'kinase', 'kinases', 'tyrosine', 'channel', 'channels', 'enzyme', 'family', 'protein', 'pathway', 'signaling', 'signalling']);

/** true when the token at i is glued to the previous one by a hyphen ("angiogenesis-inducing") */
const isHyphenJoined = (v: SentenceView, i: number): boolean => v.starts[i] - v.ends[i - 1] === 1 && v.hyphenBefore[i];

const type = (g: Arg[]): EntityType => g[0].mention.type;
/** 'drug' in a rule stands for every agent type: a drug, any other chemical, a drug class */
const AGENTS = new Set<EntityType>(['drug', 'chemical', 'drug_class']);
/** up to three types as arguments, not a rest array: the rules ask this for every pair of groups */
const is = (g: Arg[], t1: EntityType, t2?: EntityType, t3?: EntityType): boolean => {
  const t = type(g);
  return t === t1 || t === t2 || t === t3 || ((t1 === 'drug' || t2 === 'drug' || t3 === 'drug') && AGENTS.has(t));
};
const trig = (w: string | undefined): Trigger | undefined => (w === undefined ? undefined : TRIGGERS.get(w));

/**
 * "activates downstream pathways, such as X", "activation of a variety of molecules (e.g., X)": the
 * right group are examples of a class noun phrase the trigger acts on. Index where the intro (", such
 * as", "including", "(e.g.,", "like") starts, or `c.to` when there is none.
 */
function introStart(c: PairContext): number {
  let k = c.to;
  if (c.view.words[k - 1] === 'the') k--;
  while (k > c.from && EXAMPLE_FILLER.has(c.view.words[k - 1])) k--;
  const intro = c.view.words.slice(k, c.to).join(' ');
  return k < c.to && /such as|including|e \. g|\be g\b|like|namely/.test(intro) ? k : c.to;
}

/** a change of amount said of a pathway is a change of its activity */
const ofPathway = (p: string | undefined): string | undefined => (p === 'upregulates' ? 'activates' : p === 'downregulates' ? 'inhibits' : p);

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
      const hit = lastTrigger(c, (t, i) => (t.form === 'finite' || t.form === 'gerund' || (t.form === 'participle' && !BE.has(c.view.words[i - 1]) && c.view.words[i + 1] !== 'by'))
        && t.predicate !== 'binds'
        // "angiogenesis-inducing factors": a hyphenated modifier, not the verb of the clause
        && !(i > 0 && isHyphenJoined(c.view, i)));
      if (!hit) return undefined;
      const [t, i] = hit;
      const w = c.view.words;
      // a trigger far from its object acts on something else (the object may be a class whose examples follow)
      if (Math.min(c.to, introStart(c)) - i > 4) return undefined;
      // "resulting in increased degradation of Y": a participle after a preposition is an adjective
      if (t.form === 'participle' && PREP_DET.has(w[i - 1])) return undefined;
      // "suppresses osteoclastogenesis induced by Y": Y is the agent of another verb, not the object;
      // "promotes resistance to Y-targeted therapies": the object is the resistance
      if (w.slice(i + 1, c.to).some((x) => x === 'by' || x === 'via' || x === 'through' || RESIST.has(x))) return undefined;
      // the left entity is not the subject: "HER2-positive cells", "B and (then) activates C", "B by activating C"
      if (!c.shared && (isClassifier(c.view, c.left) || coordinatedVerb(c.between))) return undefined;
      // nor is the right one the object: "attenuated EGF-induced aggregation", "inhibits HER2-positive cells"
      if (isClassifier(c.view, c.right) || isModifier(c.view, c.right)) return undefined;
      if (!c.shared && t.form === 'gerund' && adjunctGerundOfOther(c.view, c.from, i)) return undefined;
      // "activating or repressing Y": alternatives of opposite sign assert neither
      const alt = w[i - 1] === 'or' ? trig(w[i - 2]) : undefined;
      if (alt && alt.form === t.form && alt.predicate !== t.predicate) return undefined;
      const head = objectHead(c.view, c.right), lost = lostSubject(c.view, c.left);
      // a pathway has an activity, not an amount: "enhances the PI3K/AKT pathway" activates it
      const sign = (p: string) => { const q = byObjectHead(p, head); const r = lost ? invert(q) : q; return type(c.right) === 'pathway' ? ofPathway(r) : r; };
      const predicate = sign(t.predicate);
      if (!predicate) return undefined;
      // "phosphorylate and activate mTOR": the first verb takes the same object
      const k = i - 2, t0 = trig(w[k]);
      const also = w[i - 1] === 'and' && k >= c.from && t0 && t0.form === t.form && t0.predicate !== 'binds' && t0.predicate !== t.predicate ? sign(t0.predicate) : undefined;
      return { predicate, subject: 'left', trigger: [i, i], ...(also ? { also: [{ predicate: also, trigger: [k, k] as [number, number] }] } : {}) };
    },
    examples: [
      { sentence: 'Lapatinib inhibits HER2 phosphorylation.', expect: 'lapatinib inhibits HER2' },
      // two-word triggers written with a hyphen or a space
      { sentence: 'Lapatinib down-regulated HER2 expression.', expect: 'lapatinib downregulates HER2' },
      { sentence: 'Trastuzumab up regulates MUC4 expression.', expect: 'trastuzumab upregulates MUC4' },
      { sentence: 'HER2 activates the PI3K/AKT pathway.', expect: 'HER2 activates PI3K/AKT pathway' },
      // the examples of an object class are objects too (relate.ts)
      { sentence: 'Lapatinib can inhibit kinases such as HER2 and EGFR.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'Lapatinib can inhibit the HER3 family members, such as HER2 and EGFR.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'HER2 is potent in activating downstream signaling pathways, such as PTEN and AKT.', expect: 'HER2 activates AKT' },
      { sentence: 'HER2 is potent in activating downstream signaling pathways, such as the PI3K/AKT pathway and EGFR.', expect: 'HER2 activates EGFR' },
      { sentence: 'Trastuzumab and HER2 were studied.', expect: null },
      { sentence: 'AKT blockers inhibit the expression of MUC4.', expect: null },
      { sentence: 'Inhibitors of apoptosis (PTEN, AKT) and angiogenesis-inducing factors (HER2, EGFR) were high.', expect: null },
      // the object's head noun: amount (expression, levels, mRNA, ...) vs activity
      { sentence: 'Lapatinib significantly suppressed the expressions of HER2 and EGFR.', expect: 'lapatinib downregulates HER2' },
      { sentence: 'Lapatinib suppressed HER2 mRNA levels.', expect: 'lapatinib downregulates HER2' },
      { sentence: 'Lapatinib inhibited the secretion of EGF.', expect: 'lapatinib downregulates EGF' },
      { sentence: 'Trastuzumab increased expression of MUC4.', expect: 'trastuzumab upregulates MUC4' },
      { sentence: 'Trastuzumab activates the transcription of MUC4.', expect: 'trastuzumab upregulates MUC4' },
      { sentence: 'Lapatinib reduces the activity of HER2.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Lapatinib reduces HER2 kinase activity.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Lapatinib suppressed HER2 phosphorylation.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Lapatinib inhibits the degradation of HER2.', expect: 'lapatinib upregulates HER2' },
      { sentence: 'Trastuzumab induces activation of AKT.', expect: 'trastuzumab activates AKT', absent: 'trastuzumab upregulates AKT' },
      { sentence: 'Lapatinib increased EGFR phosphorylation.', expect: 'lapatinib activates EGFR' },
      { sentence: 'Trastuzumab could inhibit the cleavage of HER2.', expect: null },
      { sentence: 'Trastuzumab is a targeted therapy for human receptor EGFR (HER1)-positive cancer.', expect: null },
      { sentence: 'EGFR can downregulate PTEN expression and lead to trastuzumab resistance.', by: 'resistance-cause', expect: 'EGFR confers_resistance_to trastuzumab', absent: 'PTEN confers_resistance_to trastuzumab' },
      { sentence: 'Low levels of it downregulate PTEN expression and lead to trastuzumab resistance.', expect: null },
      // "loss of X" flips the sign
      { sentence: 'The loss of the PTEN gene activates the expression of MUC4.', expect: 'PTEN downregulates MUC4' },
      { sentence: 'Loss of PTEN activates AKT.', expect: 'PTEN inhibits AKT' },
      { sentence: 'PTEN deficiency promotes AKT activation.', expect: 'PTEN inhibits AKT' },
      { sentence: 'Lapatinib impaired HER2 phosphorylation.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Activation of HER2 can enhance the PI3K/AKT pathway.', expect: 'HER2 activates PI3K/AKT pathway' },
      // the left entity is not the subject
      { sentence: 'HER2-positive cells activate the PI3K/AKT pathway.', expect: null },
      { sentence: 'HER2 dimerizes with HER3 and then activates EGFR.', by: 'binds', expect: 'HER2 binds HER3', absent: 'HER3 activates EGFR' },
      // a coordinated second verb written with a hyphen: its subject is the first verb's, not the object before it
      { sentence: 'Lapatinib inhibits HER2 and down-regulates EGFR phosphorylation.', expect: 'lapatinib inhibits HER2', absent: 'HER2 inhibits EGFR' },
      { sentence: 'AKT inhibits PTEN, activating HER3.', expect: 'AKT inhibits PTEN', absent: 'PTEN activates HER3' },
      { sentence: 'EGFR crosstalks with AKT by phosphorylating and activating HER3.', expect: 'EGFR activates HER3', absent: 'AKT activates HER3' },
      { sentence: 'The effects of lapatinib were ablated by neutralizing EGF.', expect: null },
      { sentence: 'Lapatinib inhibits growth by blocking HER2.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Lapatinib suppresses osteoclastogenesis induced by EGF.', expect: null },
      { sentence: 'Lapatinib led to increased HER2.', expect: null },
      { sentence: 'Lapatinib attenuated EGF-induced raft aggregation.', expect: null },
      { sentence: 'Lapatinib inhibits HER2-positive tumours.', expect: null },
      { sentence: 'AKT signaling can promote resistance to HER2-targeted therapies.', expect: null },
      { sentence: 'AKT can promote HER2-bypassing signal transduction.', expect: null },
      { sentence: 'AKT can bind the promoter, activating or repressing HER2 transcription.', by: 'binds', expect: 'AKT binds HER2', absent: 'AKT downregulates HER2' },
      // coordinated verbs share the object; a coordinated or adjunct verb shares the clause subject (relate.ts)
      { sentence: 'AKT can phosphorylate and activate EGFR.', expect: 'AKT phosphorylates EGFR' },
      { sentence: 'AKT can phosphorylate and activate EGFR.', expect: 'AKT activates EGFR' },
      { sentence: 'AKT can phosphorylate and inhibit PTEN, activating HER3.', expect: 'AKT activates HER3', absent: 'PTEN activates HER3' },
      { sentence: 'EGFR activation can crosstalk with the PI3K/AKT pathway by phosphorylating and activating HER3.', expect: 'EGFR phosphorylates HER3', absent: 'PI3K/AKT pathway activates HER3' },
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
      // "Inhibition of HER2 was increased by X": the passive's subject is the inhibition, not HER2
      const k = wordBefore(c.view, c.left);
      if (w[k] === 'of' && trig(w[k - 1])?.form === 'noun') return undefined;
      const predicate = byObjectHead(t.predicate, objectHead(c.view, c.left));
      return predicate ? { predicate, subject: 'right', trigger: [by - 1, by] } : undefined;
    },
    examples: [
      { sentence: 'HER2 is strongly inhibited by lapatinib.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'AKT activated by HER2 drives growth.', expect: 'HER2 activates AKT' },
      { sentence: 'HER2 expression was suppressed by lapatinib.', expect: 'lapatinib downregulates HER2' },
      { sentence: 'The activity of HER2 was reduced by lapatinib.', expect: 'lapatinib inhibits HER2' },
    ],
  },
  {
    id: 'binds',
    reliability: 0.7,
    description: 'SUBJ binds/interacts with/heterodimerizes with OBJ',
    apply: (c) => {
      if (c.between.length > 14 || !is(c.left, 'gene', 'drug') || !is(c.right, 'gene', 'drug')) return undefined;
      // "obstructs the binding of X" is about X binding something else
      // "a membrane-binding mucin": a hyphenated modifier, not the verb
      // "(tuberous sclerosis complex 2)", "a super elongation complex containing": "complex" binds only in "(a) complex with"
      const hit = lastTrigger(c, (t, i) => t.predicate === 'binds' && t.form !== 'noun' && c.view.words[i + 1] !== 'of' && c.view.words[i - 1] !== 'the' && !isHyphenJoined(c.view, i)
        && (t.lemma !== 'complex' || c.view.words[i + 1] === 'with'));
      if (!hit || c.to - hit[1] > 8 || (!c.shared && coordinatedVerb(c.between))) return undefined;
      // as for verbs: "X binding to BBM was inhibited by Y" (Y is another verb's agent), ", partly interacting with Y"
      const w = c.view.words, i = hit[1];
      if (w.slice(i + 1, c.to).some((x) => x === 'by' || x === 'via' || x === 'through')) return undefined;
      if (!c.shared && hit[0].form === 'gerund' && adjunctGerundOfOther(c.view, c.from, i)) return undefined;
      // a gerund states binding only with its object next ("for binding MAVS", "binding to ACE2"); "JUN binding but",
      // "binding sites of", "Ni column binding buffer" use it as a noun or a modifier; "binding sites for p85" names the partner (BINDING_FOR)
      if (hit[0].form === 'gerund' && i + 1 !== c.to && !GERUND_OBJECT.has(w[i + 1]) && !BINDING_FOR.get(w[i + 1])?.includes(w[i + 2])) return undefined;
      return { predicate: 'binds', subject: 'left', trigger: [hit[1], hit[1]] };
    },
    examples: [
      { sentence: 'Trastuzumab binds to domain IV of HER2.', expect: 'trastuzumab binds HER2' },
      { sentence: 'HER2 heterodimerizes with HER3.', expect: 'HER2 binds HER3' },
      { sentence: 'MUC4 may obstruct the binding of trastuzumab.', expect: null },
      { sentence: 'Pertuzumab is a monoclonal antibody that binds to a different epitope on the HER2 extracellular domain.', expect: 'pertuzumab binds HER2' },
      { sentence: 'MUC4 is a membrane-binding mucin like EGFR.', expect: null },
      { sentence: 'It recruits a complex containing HER2 and HER3 to EGFR.', expect: null },
      { sentence: 'HER2 forms a complex with HER3.', expect: 'HER2 binds HER3' },
      { sentence: 'Trastuzumab binding to the membrane was inhibited by HER3 ligands.', expect: null },
      { sentence: 'Trastuzumab accumulation fell by inhibiting its uptake, partly interacting with HER3.', expect: null },
      { sentence: 'HER2 dimerizes with HER3 and potentially dimerizes with EGFR.', expect: 'HER2 binds EGFR', absent: 'HER3 binds EGFR' },
      { sentence: 'MUC4 competes with pertuzumab for binding HER2.', expect: 'pertuzumab binds HER2' },
      { sentence: 'Mutations affecting HER2 binding to HER3 were rare.', expect: 'HER2 binds HER3' },
      { sentence: 'A set of regions without AKT binding but with frequent EGFR binding.', expect: null },
      { sentence: 'Members of the HER3 family have similar binding sites to those of EGFR.', expect: null },
      { sentence: 'HER3, with its six binding sites for the AKT subunit, is active.', expect: 'HER3 binds AKT' },
      { sentence: 'The variant may impair the HER3 binding ability to EGFR.', expect: 'HER3 binds EGFR' },
      { sentence: 'Especially AKT and the methyl-CpG binding domain of HER2 were reported.', expect: null },
    ],
  },
  {
    id: 'nominal-of-by',
    reliability: 0.75,
    description: '<trigger noun> of OBJ by SUBJ: "inhibition of HER2 by lapatinib"',
    apply: (c) => {
      const w = c.view.words;
      const ofAt = wordBefore(c.view, c.left);
      const t = trig(w[ofAt - 1]);
      if (w[ofAt] !== 'of' || !t || t.form !== 'noun') return undefined;
      // "of HER2 (at Y877 | tyrosine residues) by (kinases, such as) SRC": a short qualifier before "by", a class after it
      const by = c.between.indexOf('by');
      if (by < 0 || by > 3 || c.between.slice(0, by).some((x) => TRIGGERS.has(x) || BE.has(x))) return undefined;
      if (!c.between.slice(by + 1).every((x, k) => EXAMPLE_FILLER.has(x) || x === 'the' || CLASS_NOUNS.has(x) || (k < 2 && /^[a-z]{3,}s$/.test(x)))) return undefined;
      const predicate = byObjectHead(t.predicate, objectHead(c.view, c.left));
      return predicate ? { predicate, subject: 'right', trigger: [ofAt - 1, ofAt - 1] } : undefined;
    },
    examples: [
      { sentence: 'The phosphorylation of HER2 tyrosine residues by kinases, such as AKT or EGFR, enhances signaling.', expect: 'EGFR phosphorylates HER2' },
      { sentence: 'The phosphorylation of HER2 by the kinase AKT was shown.', expect: 'AKT phosphorylates HER2' },
      { sentence: 'Inhibition of HER2 was increased by AKT.', expect: null },
      { sentence: 'Inhibition of HER2 by lapatinib reduced growth.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'Suppression of HER2 expression by lapatinib reduced growth.', expect: 'lapatinib downregulates HER2' },
    ],
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
      // "leads to activation of downstream molecules, such as Y": the class before the examples is the object
      const intro = introStart(c);
      let b = c.between.slice(0, intro - c.from);
      if (intro < c.to) for (let k = b.length - 1; k >= b.length - 6 && k > 0; k--) if (b[k] === 'of' && trig(b[k - 1])?.form === 'noun') { b = b.slice(0, k + 1); break; }
      if (b.length < 3 || b.length > 12) return undefined;
      const ofAt = b[b.length - 1] === 'of' ? b.length - 1 : b[b.length - 2] === 'of' && b[b.length - 1] === 'the' ? b.length - 2 : -1;
      const t = trig(b[ofAt - 1]);
      if (ofAt < 1 || !t || t.form !== 'noun' || t.predicate === 'binds') return undefined;
      const cause = b.slice(0, ofAt - 1).findIndex((x) => CAUSAL.has(x) || x === 'initiates' || x === 'triggers');
      if (cause < 0 || b.slice(0, ofAt - 1).some((x) => TRIGGERS.get(x)?.form === 'finite')) return undefined;
      // "increased degradation of Y" keeps the noun's sign, "reduced activation of Y" flips it
      const mod = trig(b[ofAt - 2]);
      const flip = mod?.form === 'participle' && (mod.predicate === 'downregulates' || mod.predicate === 'inhibits');
      let predicate: string | undefined = byObjectHead(t.predicate, objectHead(c.view, c.right, true));
      if (flip) predicate = invert(predicate);
      if (predicate && lostSubject(c.view, c.left)) predicate = invert(predicate);
      return predicate ? { predicate, subject: 'left', trigger: [c.from + ofAt - 1, c.from + ofAt - 1] } : undefined;
    },
    examples: [
      { sentence: 'HER2 activation can lead to the activation of AKT.', expect: 'HER2 activates AKT' },
      { sentence: 'HER2 was measured and the activation of AKT was high.', expect: null },
      { sentence: 'The PI3K/AKT pathway is involved, resulting in increased degradation of PTEN.', expect: 'PI3K/AKT pathway downregulates PTEN' },
      { sentence: 'HER2 activation results in reduced activation of AKT.', expect: 'HER2 inhibits AKT' },
      { sentence: 'Loss of PTEN leads to the activation of AKT.', expect: 'PTEN inhibits AKT' },
      { sentence: 'Activation of HER2 can result in activation of a variety of downstream molecules, such as AKT, EGFR and HER3.', expect: 'HER2 activates EGFR' },
      { sentence: 'HER2 activation results in the activation of cells, and AKT was high.', expect: null },
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
        // "the EGFR tyrosine kinase inhibitor gefitinib": class nouns may sit between gene and agent
        let k = 0;
        while (k < 3 && CLASS_NOUNS.has(c.between[k])) k++;
        const t = trig(c.between[k]);
        const agentLike = t?.form === 'agent' || (t?.form === 'noun' && t.predicate === 'inhibits');
        const content = c.between.slice(k).filter(notFiller);
        // "IL6 inhibitors and trastuzumab": a list of two things, not a naming
        if (t && agentLike && content.length <= 4 && !c.between.slice(k + 1).some((x) => TRIGGERS.has(x) || LIST.has(x)))
          return { predicate: t.predicate, subject: 'right', trigger: [c.from + k, c.from + k] };
      }
      if (is(c.left, 'drug') && is(c.right, 'gene')) {
        // an apposition or a copula after the drug, past a parenthesised code: "X (S-222611) is a ..." / "(X), a ..."
        const close = c.between[0] === '(' ? c.between.indexOf(')') : c.between[0] === ')' ? 0 : -1;
        const rest = close >= 0 ? c.between.slice(close + 1) : c.between;
        // a copula must name ("is a/an/the ..."): "the effect of X was antagonized by the Y antagonist Z" does not
        const names = APPOSITION.has(rest[0]) && (!BE.has(rest[0]) || ARTICLE.has(rest[1])) && !rest.some((x) => LIST.has(x));
        // "X, a dual EGFR tyrosine kinase inhibitor"
        let after = c.right[c.right.length - 1].last + 1;
        for (let n = 0; n < 3 && CLASS_NOUNS.has(w[after]); n++) after++;
        const t = trig(w[after]);
        if (t?.form === 'agent' && rest.length <= 6 && names) return { predicate: t.predicate, subject: 'left', trigger: [after, after] };
        // "X, a selective, irreversible inhibitor of (both) Y"
        const ofAt = rest[rest.length - 1] === 'of' ? rest.length - 1 : rest[rest.length - 2] === 'of' && (rest[rest.length - 1] === 'both' || rest[rest.length - 1] === 'the') ? rest.length - 2 : -1;
        const a = trig(rest[ofAt - 1]);
        if (ofAt > 0 && a?.form === 'agent' && rest.length <= 9 && names)
          return { predicate: a.predicate, subject: 'left', trigger: [c.to - (rest.length - ofAt) - 1, c.to - (rest.length - ofAt) - 1] };
      }
      return undefined;
    },
    examples: [
      { sentence: 'the irreversible HER2 inhibitor neratinib was best.', expect: 'neratinib inhibits HER2' },
      { sentence: 'Lapatinib, a reversible EGFR inhibitor, was used.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'Dual HER2 blockade (e.g., trastuzumab or lapatinib) works.', expect: 'trastuzumab inhibits HER2' },
      { sentence: 'Neratinib is a pan-HER2 TKI.', expect: 'neratinib inhibits HER2' },
      { sentence: 'EGFR inhibitors such as lapatinib, neratinib and pertuzumab were tested.', expect: 'pertuzumab inhibits EGFR' },
      { sentence: 'Neratinib (HKI-272) is a potent irreversible EGFR/HER2 inhibitor.', expect: 'neratinib inhibits HER2' },
      { sentence: 'Lapatinib is a selective EGFR antagonist.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'The effect of lapatinib was antagonized by the selective EGFR antagonist neratinib.', expect: 'neratinib inhibits EGFR', absent: 'lapatinib inhibits EGFR' },
      { sentence: 'the EGFR tyrosine kinase inhibitor lapatinib was used.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'Lapatinib, a dual EGFR tyrosine kinase inhibitor, was used.', expect: 'lapatinib inhibits EGFR' },
      { sentence: 'Lapatinib (GW572016), a selective, reversible inhibitor of both EGFR and HER2, was used.', expect: 'lapatinib inhibits HER2' },
      { sentence: 'N-methyl-lapatinib (neratinib), a selective EGFR inhibitor, was used.', expect: 'neratinib inhibits EGFR' },
      { sentence: 'Lapatinib is a substrate for EGFR and an inhibitor of HER2.', absent: 'lapatinib inhibits EGFR', expect: null },
      { sentence: 'A combination of AKT inhibitors and trastuzumab may be effective.', expect: null },
      { sentence: 'It combines trastuzumab with a topoisomerase EGFR inhibitor payload.', expect: null },
      { sentence: 'Drugs such as lapatinib and of an EGFR inhibitor were compared.', expect: null },
    ],
  },
  {
    id: 'drug-targets',
    reliability: 0.85,
    description: 'a drug designed against a gene: "trastuzumab, an antibody targeting HER2", "anti-HER2 antibody trastuzumab", "HER2-targeted agents such as lapatinib"',
    apply: (c) => {
      const w = c.view.words;
      // "X is a monoclonal antibody that has been humanised and is directed against Y": "directed against" reaches further
      const directed = c.between.length >= 2 && c.between[c.between.length - 1] === 'against' && c.between[c.between.length - 2] === 'directed';
      if (is(c.left, 'drug') && is(c.right, 'gene') && (c.between.length <= 8 || (directed && c.between.length <= 14 && !c.between.some((x) => x === ',' || x === ';' || LIST.has(x) && x !== 'and')))) {
        const k = c.between.findIndex(isTargetingWord);
        if (k >= 0 && (c.between[k] !== 'against' || c.between[k - 1] === 'directed')) return { predicate: 'targets', subject: 'left', trigger: [c.from + k, c.from + k] };
      }
      if (is(c.left, 'gene') && is(c.right, 'drug') && c.between.length <= 6) {
        const first = c.left[0].first;
        const anti = w[first - 1] === 'anti';
        // "multi-targeted HER2 agents (e.g. pertuzumab, lapatinib)": the class is named before the gene, its examples follow
        const targetedClass = w[first - 1] === 'targeted' && AGENT_HEADS.has(c.between[0]) && c.between.slice(1).every((x) => EXAMPLE_FILLER.has(x));
        if (anti || targetedClass || TARGET_HEADS.has(c.between[0])) {
          // "anti-CD44 antibodies or hyaluronan oligomers": the drug is listed beside the antibody, not named by it
          if (c.between.some((x) => TRIGGERS.get(x)?.form === 'finite' || x === 'than' || LIST.has(x))) return undefined;
          return { predicate: 'targets', subject: 'right', trigger: anti ? [first - 1, first - 1] : [c.from, c.from] };
        }
      }
      return undefined;
    },
    examples: [
      { sentence: 'Trastuzumab, a monoclonal antibody targeting HER2, was approved.', by: 'verb-active', expect: 'trastuzumab targets HER2' },
      { sentence: 'anti-HER2 antibody trastuzumab improves survival.', expect: 'trastuzumab targets HER2' },
      { sentence: 'Trastuzumab is a monoclonal antibody that has been humanised and is directed against HER2.', expect: 'trastuzumab targets HER2' },
      { sentence: 'HER2-targeted agents such as lapatinib were tested.', expect: 'lapatinib targets HER2' },
      { sentence: 'They used multi-targeted HER2 agents (e.g. pertuzumab, lapatinib).', expect: 'lapatinib targets HER2' },
      { sentence: 'Binding was blocked with anti-EGFR antibodies or pertuzumab fragments.', expect: null },
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
      // "A promotes signaling through B, thereby inducing resistance": A's, when there is an A (relate.ts)
      // ("B and leads to resistance": never B's; "B loss, leading to resistance": B's unless another subject precedes)
      const adjunct = /ing$/.test(c.between[k]) && adjunctGerundOfOther(c.view, c.from, c.from + k) && clauseSubject(c.view, c.left);
      if (!c.shared && (coordinatedVerb(c.between, CAUSAL) || adjunct)) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'p95HER2 confers resistance to trastuzumab.', expect: 'p95HER2 confers_resistance_to trastuzumab' },
      { sentence: 'PTEN loss, leading to trastuzumab resistance, is common.', expect: 'PTEN confers_resistance_to trastuzumab' },
      { sentence: 'MUC4 can promote signaling through the PI3K/AKT pathway, thereby inducing resistance to trastuzumab.', expect: 'MUC4 confers_resistance_to trastuzumab', absent: 'PI3K/AKT pathway confers_resistance_to trastuzumab' },
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
      // "the mechanism by which ...": a relative clause, not the means of resistance
      const k = c.between.findIndex((x, j) => VIA.has(x) && c.between[j + 1] !== 'which');
      if (k < 0) return undefined;
      // "overcoming resistance through the PI3K inhibitor alpelisib": the remedy, and a drug class
      if (namesDrugClass(c.view, c.right) || OVERCOME.has(w[resistBefore ? first - 3 : first - 1])) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'right', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'Resistance to trastuzumab through activation of IGF1R was shown.', expect: 'IGF1R confers_resistance_to trastuzumab' },
      { sentence: 'Trastuzumab-resistant cells expressing MUC4 grew.', expect: 'MUC4 confers_resistance_to trastuzumab' },
      { sentence: 'Trastuzumab resistance mediated by MUC4 was common.', expect: 'MUC4 confers_resistance_to trastuzumab' },
      { sentence: 'Overcoming trastuzumab resistance through the IGF1R inhibitor lapatinib works.', by: 'agent-apposition', expect: 'lapatinib inhibits IGF1R', absent: 'IGF1R confers_resistance_to trastuzumab' },
      { sentence: 'It induces resistance to trastuzumab, a reaction related to the mechanism by which IGF1R inhibitors act.', expect: null },
    ],
  },
  {
    id: 'biomarker',
    reliability: 0.6,
    description: 'GENE/MUTATION status predicts response/benefit to DRUG',
    apply: (c) => {
      // the cue words are specific, so a longer reach is safe: "X has the potential to become one of the predictive biomarkers of ... D"
      if (!is(c.left, 'gene', 'mutation') || !is(c.right, 'drug') || c.between.length > 16) return undefined;
      const k = c.between.findIndex(isPredictWord);
      // "a prognostic marker in patients receiving D" foretells the course of disease, not the response to D
      if (k < 0 || c.between.slice(Math.max(0, k - 2), k).includes('prognostic')) return undefined;
      return { predicate: 'biomarker_for', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'HER2 status predicts response to trastuzumab.', expect: 'HER2 biomarker_for trastuzumab' },
      { sentence: 'HER2 genotyping as a prognostic marker in patients receiving trastuzumab was studied.', expect: null },
      { sentence: 'MUC4 levels in the stroma can be a method for predicting efficacy of trastuzumab.', expect: 'MUC4 biomarker_for trastuzumab' },
      { sentence: 'The PTEN gene has the potential to become one of the predictive biomarkers of acquired trastuzumab resistance.', expect: 'PTEN biomarker_for trastuzumab' },
    ],
  },
  {
    id: 'sensitivity',
    reliability: 0.65,
    description: 'SUBJ ... sensitive/sensitivity/respond to DRUG: "V777L mutant cells were sensitive to neratinib"',
    apply: (c) => {
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || c.between.length > 10) return undefined;
      const k = c.between.findIndex(isSensitiveWord);
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
      if (/^(plus|\+|with|and|in combination with|combined with|together with|or)$/.test(b) || (c.between.length <= 3 && c.between.some(isCombineWord))) {
        const sentenceCue = c.view.words.some(isCombineWord);
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
  {
    id: 'ligand-receptor',
    reliability: 0.7,
    description: 'a ligand named as one of a receptor: "HER family ligands such as EGF", "the ligand of EGFR, called EGF", "EGF, a ligand of EGFR", "receptors for estrogen (ER)"',
    apply: (c) => {
      const w = c.view.words, b = c.between;
      if (!is(c.left, 'gene', 'drug') || !is(c.right, 'gene') || b.length > 7 || (is(c.left, 'drug') && is(c.right, 'drug'))) return undefined;
      const content = b.filter(isContentWord);
      // "EGFR ligands (such as) EGF"
      if (is(c.left, 'gene') && LIGAND.has(b[0]) && content.length === 1) return { predicate: 'binds', subject: 'left', trigger: [c.from, c.from] };
      // "the ligand of (the) EGFR, called EGF" / "receptors for estrogen (ER)"
      const k = wordBefore(c.view, c.left);
      if ((w[k] === 'of' || w[k] === 'for') && (LIGAND.has(w[k - 1]) || RECEPTOR.has(w[k - 1])) && content.every((x) => x === 'called' || x === 'named' || x === 'termed'))
        return { predicate: 'binds', subject: 'left', trigger: [k - 1, k - 1] };
      // "EGF, a ligand of (the) EGFR", "EGF is the ligand for EGFR"
      const last = b[b.length - 1] === 'the' ? b.length - 2 : b.length - 1;
      if ((b[last] === 'of' || b[last] === 'for') && (LIGAND.has(b[last - 1]) || RECEPTOR.has(b[last - 1])) && APPOSITION.has(b[0]) && last <= 4)
        return { predicate: 'binds', subject: 'left', trigger: [c.from + last - 1, c.from + last - 1] };
      return undefined;
    },
    examples: [
      { sentence: 'Growth was blocked by increased HER3 ligands such as EGF and HER2.', expect: 'HER3 binds EGF' },
      { sentence: 'The ligand of the EGFR, called EGF, is required.', expect: 'EGFR binds EGF' },
      { sentence: 'EGF, a ligand of EGFR, was added.', expect: 'EGF binds EGFR' },
      { sentence: 'Growth is driven by the receptors for estrogen (HER2).', expect: 'estrogen binds HER2' },
      { sentence: 'EGFR ligands and HER2 were measured.', expect: null },
      { sentence: 'EGF, a ligand, and EGFR were measured.', expect: null },
    ],
  },
  {
    id: 'nominal-binds',
    reliability: 0.7,
    description: '<binding noun> of SUBJ with/to OBJ: "heterodimerization of HER2 with HER3", "the binding of trastuzumab to HER2"',
    apply: (c) => {
      const w = c.view.words, b = c.between;
      if (!is(c.left, 'gene', 'drug') || !is(c.right, 'gene', 'drug') || b.length > 3 || (is(c.left, 'drug') && is(c.right, 'drug'))) return undefined;
      const k = wordBefore(c.view, c.left);
      const t = trig(w[k - 1]);
      if (w[k] !== 'of' || t?.predicate !== 'binds' || (t.form !== 'noun' && t.form !== 'gerund') || (b[0] !== 'with' && b[0] !== 'to')) return undefined;
      if (!b.slice(1).every((x) => ARTICLE.has(x) || x === 'other')) return undefined;
      return { predicate: 'binds', subject: 'left', trigger: [k - 1, k - 1] };
    },
    examples: [
      { sentence: 'Heterodimerization of HER2 with other HER3 members induces growth.', expect: 'HER2 binds HER3' },
      { sentence: 'The binding of trastuzumab to HER2 was measured.', expect: 'trastuzumab binds HER2' },
      { sentence: 'MUC4 may obstruct the binding of trastuzumab by masking HER2.', expect: null },
    ],
  },
  {
    id: 'resistance-reversed',
    reliability: 0.65,
    description: 'SUBJ reverses / overcomes (the) resistance to DRUG: sensitivity; when SUBJ is targeted or inhibited ("targeting X reverses resistance"), resistance',
    apply: (c) => {
      const b = c.between, w = c.view.words;
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || b.length > 10) return undefined;
      const k = b.findIndex(isOvercomeWord);
      if (k < 0 || b.slice(0, k).some((x) => TRIGGERS.get(x)?.form === 'finite' || x === ',' || x === 'by' || x === 'which' || x === 'that')) return undefined;
      // the resistance right after the verb: "reverse trastuzumab resistance", "overcome the resistance to trastuzumab"
      const rest = b.slice(k + 1).filter((x) => !ARTICLE.has(x) && x !== 'acquired' && x !== 'primary');
      const after = w[c.right[c.right.length - 1].last + 1];
      if (!((rest.length === 0 && RESIST.has(after)) || (rest.length === 2 && RESIST.has(rest[0]) && rest[1] === 'to'))) return undefined;
      // "targeting (of) X", "inhibition of X", "X inhibitors", "knockdown of X": the remedy is X's loss, so X is the cause
      const before = wordBefore(c.view, c.left);
      // "(addressing mechanisms) associated with X can help overcome ...": X is no subject of the verb
      if (OBJECT_PREP.has(w[before]) && !(w[before] === 'of' && (TARGETING.has(w[before - 1]) || trig(w[before - 1])?.predicate === 'inhibits' || lostSubject(c.view, c.left)))) return undefined;
      const targeted = TARGETING.has(w[before]) || (w[before] === 'of' && (TARGETING.has(w[before - 1]) || trig(w[before - 1])?.predicate === 'inhibits')) || lostSubject(c.view, c.left) || namesDrugClass(c.view, c.left);
      return { predicate: targeted ? 'confers_resistance_to' : 'confers_sensitivity_to', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'PTEN could reverse trastuzumab resistance in breast cancer.', expect: 'PTEN confers_sensitivity_to trastuzumab' },
      { sentence: 'The dual targeting of HER2 and PTEN can partially reverse the resistance to trastuzumab.', expect: 'PTEN confers_resistance_to trastuzumab' },
      { sentence: 'The therapy targeting MUC4 may reverse trastuzumab resistance.', expect: 'MUC4 confers_resistance_to trastuzumab' },
      { sentence: 'PTEN was measured, and reversing trastuzumab resistance needs more work.', expect: null },
      { sentence: 'Addressing the mechanisms associated with AKT signaling can help overcome resistance to trastuzumab.', expect: null },
      { sentence: 'PTEN could reverse the effect of trastuzumab.', by: 'effect-blocked', expect: 'PTEN confers_resistance_to trastuzumab' },
    ],
  },
  {
    id: 'effect-blocked',
    reliability: 0.6,
    description: 'SUBJ blocks / prevents / reverses the effect of DRUG, DRUG\'s effects, DRUG-mediated growth inhibition: SUBJ confers resistance',
    apply: (c) => {
      const b = c.between, w = c.view.words;
      if (!is(c.left, 'gene', 'mutation', 'pathway') || !is(c.right, 'drug') || b.length > 8) return undefined;
      // the blocking verb right before the drug (past "the effect(s) of")
      let k = b.length - 1;
      if (b[k] === 'of' && EFFECT.has(b[k - 1])) k -= 2;
      if (ARTICLE.has(b[k])) k--;
      const verbAt = k;
      if (!COUNTER.has(b[verbAt]) || b.slice(0, verbAt).some((x) => TRIGGERS.get(x)?.form === 'finite' || x === 'by' || x === ';')) return undefined;
      // what the drug does follows it: "D's effects", "D-mediated growth inhibition" (or "the effects of D" before it)
      const after = c.right[c.right.length - 1].last + 1;
      const ofEffect = verbAt < b.length - 1;
      const possessive = w[after] === "'" && w[after + 1] === 's' && EFFECT.has(w[after + 2] ?? '');
      const mediated = c.view.hyphenBefore[after] && (w[after] === 'mediated' || w[after] === 'induced');
      if (!ofEffect && !possessive && !mediated) return undefined;
      return { predicate: 'confers_resistance_to', subject: 'left', trigger: [c.from + verbAt, c.from + verbAt] };
    },
    examples: [
      { sentence: 'The PTEN gene reverses trastuzumab\'s effects on cells.', expect: 'PTEN confers_resistance_to trastuzumab' },
      { sentence: 'Increased PI3K/AKT pathway signals, which prevents trastuzumab-mediated growth arrest, were seen.', expect: 'PI3K/AKT pathway confers_resistance_to trastuzumab' },
      { sentence: 'PTEN blocks the effects of lapatinib.', expect: 'PTEN confers_resistance_to lapatinib' },
      { sentence: 'PTEN blocks trastuzumab uptake.', expect: null },
      { sentence: 'PTEN is required, and lapatinib blocks its effects.', expect: null },
    ],
  },
  {
    id: 'association',
    reliability: 0.45,
    description: 'fallback, tried last: SUBJ crosstalks / co-exists / co-occurs / correlates / is associated with OBJ, SUBJ regulates OBJ (no direction stated)',
    apply: (c) => {
      // "HER2-positive TAFs (tumor-associated fibroblasts) secreted": a modifier, or a cue inside a parenthesis, relates nothing
      // "ERK activation can crosstalk with Y": the left entity's own head noun is no trigger between the two
      const skip = trig(c.between[0])?.form === 'noun' || ACTIVITY_HEADS.has(c.between[0]) ? 1 : 0;
      if (c.between.length > 8 || c.between.some((x, k) => (k >= skip && TRIGGERS.has(x)) || x === ';' || x === '(') || isModifier(c.view, c.left)) return undefined;
      const b = c.between.join(' ');
      const m = ASSOCIATION.exec(b);
      if (!m) return undefined;
      // the cue must be the relation between these two groups, not inside a clause about a third thing
      const k = b.slice(0, m.index).split(' ').filter(Boolean).length;
      if (c.between.slice(0, k).some((x) => x === 'which' || x === 'that' || x === ',')) return undefined;
      return { predicate: 'associated_with', subject: 'left', trigger: [c.from + k, c.from + k] };
    },
    examples: [
      { sentence: 'HER2 can crosstalk with the PI3K pathway.', expect: 'HER2 associated_with PI3K pathway' },
      { sentence: 'HER2 alterations co-exist with mutations of PTEN.', expect: 'HER2 associated_with PTEN' },
      { sentence: 'AKT activation can crosstalk with the PI3K pathway.', expect: 'AKT associated_with PI3K pathway' },
      { sentence: 'AKT can inhibit and crosstalk with the PI3K pathway.', expect: null },
      { sentence: 'MUC4 regulates the expression of EGFR.', expect: 'MUC4 associated_with EGFR' },
      { sentence: 'MUC4 increases the expression of EGFR.', by: 'verb-active', expect: 'MUC4 upregulates EGFR', absent: 'MUC4 associated_with EGFR' },
      { sentence: 'AKT, which is regulated by many kinases, and PTEN were studied.', expect: null },
      { sentence: 'HER2-positive fibroblasts (tumor-associated fibroblasts) secreted EGF.', expect: null },
    ],
  },
];

/** association cues in the joined words between the groups; a copula before "associated" is part of the cue */
const ASSOCIATION = /(?:^| )(?:cross talks?|crosstalks?|co exists?|coexists?|co occurs?|correlates?|correlated|interplays?|(?:is |are |was |were )?associated|regulates?|regulated|regulating) /;

// word tests of the rules, at module level: an arrow written inside a rule is a new closure at each
// call, and V8 drops such closures' optimized code at the full collection between items (tag/span-index.ts)
function notFiller(x: string): boolean { return !EXAMPLE_FILLER.has(x); }
function isContentWord(x: string): boolean { return !EXAMPLE_FILLER.has(x) && !ARTICLE.has(x); }
function isTargetingWord(x: string): boolean { return x === 'targeting' || x === 'targets' || x === 'against'; }
function isPredictWord(x: string): boolean { return PREDICT.has(x); }
function isSensitiveWord(x: string): boolean { return SENSITIVE.has(x); }
function isCombineWord(x: string): boolean { return COMBINE.has(x); }
function isOvercomeWord(x: string): boolean { return OVERCOME.has(x); }
