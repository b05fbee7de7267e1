/**
 * Word ids that outlive a sentence (feature-names.ts vocabulary), remembered per vocabulary
 * generation: a token's own word ('<num>' or its stem), a mention type's coarse name and its
 * blinded form, a trigger's parts. Shared by features.ts and context-features.ts, so both read a
 * word's id from one memo instead of hashing the string again.
 */
import type { EntityType } from '../../model/schemas.js';
import { isAgent } from '../predicates.js';
import type { Trigger } from '../triggers.js';
import { generation, wordId } from './feature-names.js';
import { stem } from './stem.js';
import { ownOf, wordInfo } from './word-info.js';

/** the tagger's drug / chemical / drug_class split is finer than training corpora's CHEMICAL */
export const coarse = (t: EntityType): string => (isAgent(t) ? 'agent' : t);

let memoGeneration = -1;
const typeIds = new Map<string, { coarse: number; blinded: number }>();
const triggerIds = new Map<Trigger, TriggerIds>();

export interface TriggerIds { predicate: number; form: number; lemma: number }

/** forgets the ids when the vocabulary has started a new generation */
export function renewWordIds(): void {
  if (memoGeneration === generation()) return;
  memoGeneration = generation();
  typeIds.clear(); triggerIds.clear();
}

/** a word as features read it: '<num>' or its stem (remembered with the word's other facts, word-info.ts) */
export const ownId = (w: string): number => ownOf(w, wordInfo(w));

export function typeId(t: EntityType): { coarse: number; blinded: number } {
  let ids = typeIds.get(t);
  if (!ids) { const c = coarse(t); ids = { coarse: wordId(c), blinded: wordId(`<${c}>`) }; typeIds.set(t, ids); }
  return ids;
}

/** a trigger's predicate, form and stemmed lemma */
export function triggerId(t: Trigger): TriggerIds {
  let ids = triggerIds.get(t);
  if (!ids) { ids = { predicate: wordId(t.predicate), form: wordId(t.form), lemma: wordId(stem(t.lemma)) }; triggerIds.set(t, ids); }
  return ids;
}
