/**
 * Trigger words for each predicate. Verbs are listed once; their conjugations come from
 * `verb-forms.ts`, which `npm run triggers` generates with compromise, so extraction never loads
 * an NLP library (importing compromise and conjugating took about a second at start-up).
 */
import { TRIGGER_SPECS, type TriggerSpec } from './trigger-specs.js';
import { VERB_FORMS } from './verb-forms.js';

export { TRIGGER_SPECS, type TriggerSpec };

export type TriggerForm = 'finite' | 'participle' | 'gerund' | 'noun' | 'agent';
export interface Trigger { predicate: string; form: TriggerForm; lemma: string }

function conjugations(verb: string): { word: string; form: TriggerForm }[] {
  const c = VERB_FORMS[verb];
  if (!c) throw new Error(`trigger verb "${verb}" is not in src/relate/verb-forms.ts: run npm run triggers`);
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
