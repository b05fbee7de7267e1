/**
 * The trigger words of each predicate, as data: verbs (conjugated by `npm run triggers` into
 * verb-forms.ts), nouns and agent nouns. triggers.ts builds the lexicon from them.
 */
export interface TriggerSpec { predicate: string; verbs: string[]; nouns: string[]; agents: string[] }

export const TRIGGER_SPECS: TriggerSpec[] = [
  { predicate: 'inhibits', verbs: ['inhibit', 'block', 'suppress', 'antagonize', 'abrogate', 'attenuate', 'impair', 'abolish', 'neutralize', 'inactivate', 'silence', 'dephosphorylate'], nouns: ['inhibition', 'blockade', 'suppression', 'inactivation', 'blocking', 'antagonism', 'dephosphorylation'], agents: ['inhibitor', 'inhibitors', 'blocker', 'blockers', 'antagonist', 'antagonists', 'tki', 'tkis'] },
  { predicate: 'activates', verbs: ['activate', 'stimulate', 'trigger', 'transactivate', 'potentiate', 'promote'], nouns: ['activation', 'stimulation', 'transactivation'], agents: ['activator', 'activators', 'agonist', 'agonists'] },
  { predicate: 'binds', verbs: ['bind', 'interact', 'heterodimerize', 'dimerize', 'recruit', 'complex'], nouns: ['binding', 'interaction', 'heterodimerization', 'dimerization', 'heterodimer', 'heterodimers', 'recruitment'], agents: [] },
  { predicate: 'upregulates', verbs: ['upregulate', 'increase', 'elevate', 'enhance', 'induce', 'overexpress', 'augment'], nouns: ['upregulation', 'induction', 'overexpression'], agents: ['inducer', 'inducers'] },
  { predicate: 'downregulates', verbs: ['downregulate', 'decrease', 'reduce', 'diminish', 'degrade', 'repress', 'lower'], nouns: ['downregulation', 'degradation', 'reduction', 'repression', 'loss'], agents: ['repressor'] },
  { predicate: 'phosphorylates', verbs: ['phosphorylate'], nouns: ['phosphorylation'], agents: [] },
  { predicate: 'targets', verbs: ['target'], nouns: [], agents: [] },
];
