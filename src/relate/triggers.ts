/**
 * Trigger words for each predicate. Verbs are listed once and conjugated with compromise at
 * load time (not per sentence: compromise is too slow for corpus-scale parsing).
 */
import nlp from 'compromise';

export type TriggerForm = 'finite' | 'participle' | 'gerund' | 'noun' | 'agent';
export interface Trigger { predicate: string; form: TriggerForm; lemma: string }

interface TriggerSpec { predicate: string; verbs: string[]; nouns: string[]; agents: string[] }

export const TRIGGER_SPECS: TriggerSpec[] = [
  { predicate: 'inhibits', verbs: ['inhibit', 'block', 'suppress', 'antagonize', 'abrogate', 'attenuate', 'impair', 'abolish', 'neutralize', 'inactivate', 'silence', 'dephosphorylate'], nouns: ['inhibition', 'blockade', 'suppression', 'inactivation', 'blocking', 'antagonism', 'dephosphorylation'], agents: ['inhibitor', 'inhibitors', 'blocker', 'blockers', 'antagonist', 'antagonists', 'tki', 'tkis'] },
  { predicate: 'activates', verbs: ['activate', 'stimulate', 'trigger', 'transactivate', 'potentiate'], nouns: ['activation', 'stimulation', 'transactivation'], agents: ['activator', 'activators', 'agonist', 'agonists'] },
  { predicate: 'binds', verbs: ['bind', 'interact', 'heterodimerize', 'dimerize', 'recruit', 'complex'], nouns: ['binding', 'interaction', 'heterodimerization', 'dimerization', 'heterodimer', 'heterodimers', 'recruitment'], agents: [] },
  { predicate: 'upregulates', verbs: ['upregulate', 'increase', 'elevate', 'enhance', 'induce', 'overexpress', 'augment'], nouns: ['upregulation', 'induction', 'overexpression'], agents: ['inducer', 'inducers'] },
  { predicate: 'downregulates', verbs: ['downregulate', 'decrease', 'reduce', 'diminish', 'degrade', 'repress', 'lower'], nouns: ['downregulation', 'degradation', 'reduction', 'repression', 'loss'], agents: ['repressor'] },
  { predicate: 'phosphorylates', verbs: ['phosphorylate'], nouns: ['phosphorylation'], agents: [] },
  { predicate: 'targets', verbs: ['target'], nouns: [], agents: [] },
];

function conjugations(verb: string): { word: string; form: TriggerForm }[] {
  const c = (nlp(verb).verbs().conjugate()[0] ?? {}) as Record<string, string>;
  const out: { word: string; form: TriggerForm }[] = [];
  for (const w of [c.Infinitive ?? verb, c.PresentTense]) if (w) out.push({ word: w, form: 'finite' });
  if (c.PastTense) out.push({ word: c.PastTense, form: 'participle' });
  if (c.Gerund) out.push({ word: c.Gerund, form: 'gerund' });
  return out;
}

/** word (lower case, as the tokenizer keys it; `up-regulate` keys as `up regulate`) → trigger */
export function buildTriggerLexicon(specs: TriggerSpec[] = TRIGGER_SPECS): Map<string, Trigger> {
  const lex = new Map<string, Trigger>();
  const put = (word: string, t: Trigger) => { for (const w of [word, word.replace(/^(up|down)/, '$1 ')]) if (!lex.has(w)) lex.set(w, t); };
  for (const s of specs) {
    for (const v of s.verbs) for (const { word, form } of conjugations(v)) put(word.toLowerCase(), { predicate: s.predicate, form, lemma: v });
    for (const n of s.nouns) put(n, { predicate: s.predicate, form: 'noun', lemma: n });
    for (const a of s.agents) put(a, { predicate: s.predicate, form: 'agent', lemma: a });
  }
  // British spellings papers use
  for (const [k, t] of [...lex]) if (k.includes('iz')) put(k.replace('iz', 'is'), t);
  return lex;
}

export const TRIGGERS = buildTriggerLexicon();
