/**
 * Word ids that outlive a sentence (feature-names.ts vocabulary), remembered per vocabulary
 * generation: a token's own word ('<num>' or its stem), a mention type's coarse name and its
 * blinded form, a trigger's parts. Shared by features.ts and context-features.ts, so both read a
 * word's id from one memo instead of hashing the string again.
 */
import type { EntityType } from '../../model/schemas.js';
import { isAgent } from '../predicates.js';
import type { Trigger } from '../triggers.js';
import { W, generation, wordId } from './feature-names.js';
import { stem } from './stem.js';

/** the tagger's drug / chemical / drug_class split is finer than training corpora's CHEMICAL */
export const coarse = (t: EntityType): string => (isAgent(t) ? 'agent' : t);

let memoGeneration = -1;
const ownIds = new Map<string, number>();
const typeIds = new Map<string, { coarse: number; blinded: number }>();
const triggerIds = new Map<Trigger, TriggerIds>();

export interface TriggerIds { predicate: number; form: number; lemma: number }

/** forgets the ids when the vocabulary has started a new generation */
export function renewWordIds(): void {
  if (memoGeneration === generation()) return;
  memoGeneration = generation();
  ownIds.clear(); typeIds.clear(); triggerIds.clear();
}

const MAX_OWN_IDS = 200_000;
/** a word as features read it: '<num>' or its stem (looked up only for the tokens a pair reads: the table is large) */
export function ownId(w: string): number {
  let id = ownIds.get(w);
  if (id === undefined) {
    id = /^\d+$/.test(w) ? W['<num>'] : wordId(stem(w));
    if (ownIds.size < MAX_OWN_IDS) ownIds.set(w, id);
  }
  return id;
}

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
