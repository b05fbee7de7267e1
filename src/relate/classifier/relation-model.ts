/**
 * The learned relation classifier as the relate stage uses it: which candidate pairs it decides
 * (agent–gene for the DrugProt-trained model), how its classes map to predicates, which rules
 * still decide alone, and the decision for every candidate pair of a sentence.
 */
import type { EntityType } from '../../model/schemas.js';
import type { Mention } from '../../tag/mention.js';
import { allowedArguments, drugprotClass } from '../predicates.js';
import type { Arg, SentenceView } from '../sentence-view.js';
import { TRIGGERS } from '../triggers.js';
import { pairFeatures, type RuleVote } from './features.js';
import { LinearModel, softmax, type LinearModelFile } from './linear-model.js';
import { PairScorer } from './pair-scorer.js';
import { platt } from './platt.js';

export interface RelationModelFile extends LinearModelFile {
  /** the pairs it decides: one side of a type in `x` (the subject), the other in `y` (the object) */
  covers: { x: EntityType[]; y: EntityType[] };
  /** class → predicate, subject x, object y */
  predicates: Record<string, string>;
  /** rules whose measured precision on held-out data beats the model's on the pairs they fire on */
  decideAlone: string[];
  /** a pair gets a triple when P(none) is below this; its class is then the most probable other one */
  threshold: number;
  /**
   * a triple is written only when its confidence reaches this: a triple more likely wrong than
   * right is not asserted (0 writes every decision, as the F1-optimal evaluation does)
   */
  minConfidence: number;
  /** Platt scaling of the best class's probability into P(the triple is right), fitted on held-out decisions */
  calibration: { a: number; b: number };
  /** measured precision of each rule on the covered pairs of held-out data (its confidence when it decides alone) */
  rulePrecision: Record<string, number>;
}

/** what a rule said about a pair, as the relate stage found it */
export interface RuleFinding { subject: Mention; object: Mention; predicate: string; rule: string; trigger: string }

/** a rule's predicate made as fine as its trigger says: "antagonist" → antagonist_of, "agonist" → agonist_of */
export function finePredicate(r: RuleFinding): string {
  const cls = drugprotClass(r.predicate, r.trigger, r.object.name);
  return cls === 'ANTAGONIST' && r.predicate === 'inhibits' ? 'antagonist_of' : cls === 'AGONIST' && r.predicate === 'activates' ? 'agonist_of' : r.predicate;
}

export interface Candidate {
  /** a before b in the sentence */
  a: Arg;
  b: Arg;
  /** the subject-side (x) and object-side (y) args */
  x: Arg;
  y: Arg;
  votes: RuleVote[];
  features: string[];
}

export interface Decision {
  candidate: Candidate;
  /** class index and name; 0 / 'none' for no relation */
  best: number;
  label: string;
  probability: number;
  /** predicate when the decision makes a triple */
  predicate?: string;
  /** the rule that decided alone, when one did */
  decidedBy?: string;
  trigger?: [number, number];
}

/**
 * Candidate pairs decided per sentence, at most. A sentence naming hundreds of drugs and genes
 * (a list, a table flattened into text) has tens of thousands of pairs, each with features over
 * the words between; past the cap only the pairs closest in words are decided. Real sentences
 * stay far below it (see MAX_SENTENCE_CHARS in segment/sentence-cap.ts).
 */
export const MAX_PAIRS_PER_SENTENCE = 1000;

/**
 * the candidate pairs a model covers, with their rule votes and features (`lazy`: the features are
 * built when first read, as explain does; the classifier scores a pair without them)
 */
export function candidatePairs(view: SentenceView, covers: RelationModelFile['covers'], findings: RuleFinding[], lazy = false): Candidate[] {
  const out: Candidate[] = [];
  const keep = pairsToKeep(view, covers, MAX_PAIRS_PER_SENTENCE);
  // findings by subject and object, so a pair's votes are looked up, not searched for among all findings
  const found = new Map<Mention, Map<Mention, number[]>>();
  findings.forEach((r, k) => {
    const bySubject = found.get(r.subject) ?? found.set(r.subject, new Map()).get(r.subject)!;
    (bySubject.get(r.object) ?? bySubject.set(r.object, []).get(r.object)!).push(k);
  });
  eachPair(view, covers, (a, b, x, y) => {
    if (keep && !keep(a, b)) return;
    const votes = found.size ? votesOn(findings, found, x, y) : [];
    out.push(lazy ? new LazyCandidate(view, a, b, x, y, votes) : { a, b, x, y, votes, features: pairFeatures(view, a, b, votes) });
  });
  return out;
}

/** the rules' findings on the pair, in the order of the findings (as a scan of them would give), then by rule and predicate */
function votesOn(findings: RuleFinding[], found: Map<Mention, Map<Mention, number[]>>, x: Arg, y: Arg): RuleVote[] {
  const forward = found.get(x.mention)?.get(y.mention) ?? [], backward = x.mention === y.mention ? [] : found.get(y.mention)?.get(x.mention) ?? [];
  if (!forward.length && !backward.length) return [];
  const votes: RuleVote[] = [...forward, ...backward].sort((k, l) => k - l).map((k) => {
    const r = findings[k];
    return { rule: r.rule, predicate: finePredicate(r), forward: r.subject === x.mention && r.object === y.mention };
  });
  return votes.sort((p, q) => (p.rule + p.predicate < q.rule + q.predicate ? -1 : 1));
}

/** a candidate whose features are built when first read */
class LazyCandidate implements Candidate {
  private built: string[] | undefined;
  constructor(private readonly view: SentenceView, readonly a: Arg, readonly b: Arg, readonly x: Arg, readonly y: Arg, readonly votes: RuleVote[]) {}
  get features(): string[] { return (this.built ??= pairFeatures(this.view, this.a, this.b, this.votes)); }
}

/** every pair the model covers, a before b in the sentence, x the agent side */
function eachPair(view: SentenceView, covers: RelationModelFile['covers'], visit: (a: Arg, b: Arg, x: Arg, y: Arg) => void): void {
  const args = view.args;
  const isX: boolean[] = [], isY: boolean[] = [];
  for (const a of args) { isX.push(covers.x.includes(a.mention.type)); isY.push(covers.y.includes(a.mention.type)); }
  for (let i = 0; i < args.length; i++) for (let j = i + 1; j < args.length; j++) {
    // cheap type test first: most pairs of a long list are not covered (no allocation per pair)
    if (!(isX[i] && isY[j]) && !(isX[j] && isY[i])) continue;
    const swap = args[j].first < args[i].first || (args[j].first === args[i].first && args[j].last < args[i].last);
    const a = swap ? args[j] : args[i], b = swap ? args[i] : args[j];
    const ab = swap ? isX[j] && isY[i] : isX[i] && isY[j];
    const x = ab ? a : b, y = ab ? b : a;
    if (x.mention.norm === y.mention.norm && x.mention.type === y.mention.type) continue;
    visit(a, b, x, y);
  }
}

/**
 * Which pairs to decide: all of them up to `max` (undefined: all); past it the `max` with the
 * fewest tokens between them (ties: the first in sentence order). Counted by gap, so nothing is
 * allocated per pair; not counted at all when the sentence has too few mentions to pass `max`.
 */
function pairsToKeep(view: SentenceView, covers: RelationModelFile['covers'], max: number): ((a: Arg, b: Arg) => boolean) | undefined {
  const n = view.args.length;
  if ((n * (n - 1)) / 2 <= max) return undefined;
  const gap = (a: Arg, b: Arg) => Math.max(0, b.first - a.last);
  const byGap = new Int32Array(view.words.length + 2);
  let total = 0;
  eachPair(view, covers, (a, b) => { byGap[gap(a, b)]++; total++; });
  if (total <= max) return undefined;
  // the largest gap kept, and how many pairs at exactly that gap fit
  let below = 0, limit = 0;
  while (below + byGap[limit] < max) below += byGap[limit++];
  let atLimit = max - below;
  return (a, b) => {
    const g = gap(a, b);
    if (g < limit) return true;
    if (g > limit || atLimit === 0) return false;
    atLimit--;
    return true;
  };
}

/** the trigger-lexicon word between (or else right around) the pair, for the triple's `trigger` */
function nearestTrigger(view: SentenceView, c: Candidate): [number, number] | undefined {
  const from = c.a.last + 1, to = c.b.first;
  for (let i = to - 1; i >= from; i--) if (TRIGGERS.has(view.words[i]) && view.argAt[i] < 0) return [i, i];
  for (let d = 1; d <= 3; d++) {
    // the left one first, as before
    const l = c.a.first - d, r = c.b.last + d;
    if (TRIGGERS.has(view.words[l] ?? '') && view.argAt[l] < 0) return [l, l];
    if (TRIGGERS.has(view.words[r] ?? '') && view.argAt[r] < 0) return [r, r];
  }
  return undefined;
}

export class RelationClassifier {
  readonly model: LinearModel;
  private readonly decideAlone: Set<string>;
  private readonly scorer: PairScorer;
  private readonly probs: Float64Array;

  constructor(readonly file: RelationModelFile) {
    this.model = new LinearModel(file);
    this.decideAlone = new Set(file.decideAlone);
    this.scorer = new PairScorer(this.model);
    this.probs = new Float64Array(this.model.classes.length);
  }

  get name(): string { return this.file.name; }

  covers(x: EntityType, y: EntityType): boolean {
    const c = this.file.covers;
    return (c.x.includes(x) && c.y.includes(y)) || (c.x.includes(y) && c.y.includes(x));
  }

  candidates(view: SentenceView, findings: RuleFinding[]): Candidate[] {
    return candidatePairs(view, this.file.covers, findings, true);
  }

  /** the model's (or a deciding rule's) verdict on one candidate */
  decide(view: SentenceView, c: Candidate): Decision {
    const alone = c.votes.find((v) => this.decideAlone.has(v.rule));
    if (alone) return { candidate: c, best: -1, label: 'rule', probability: 1, decidedBy: alone.rule };
    // a buffer reused from pair to pair: the decision keeps numbers, not the array
    const { probs } = softmax(this.scorer.scores(view, c.a, c.b, c.votes), this.model.temperature, this.probs);
    let best = 1;
    for (let k = 2; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    if (probs[0] >= this.file.threshold) return { candidate: c, best: 0, label: 'none', probability: probs[0] };
    const label = this.model.classes[best];
    const probability = platt(probs[best], this.file.calibration);
    const predicate = probability < this.file.minConfidence ? undefined : this.file.predicates[label];
    // one object literal (a spread of another costs more than the rest of a decision)
    if (!predicate || !allowedArguments(predicate, c.x.mention.type, c.y.mention.type)) return { candidate: c, best, label, probability };
    return { candidate: c, best, label, probability, predicate, trigger: nearestTrigger(view, c) };
  }
}
