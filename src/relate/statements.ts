/**
 * Statements: one row per (document, subject, predicate, object, polarity), INDRA-style, with
 * every supporting triple id and a combined confidence 1 - Π(1 - cᵢ) (independent evidence
 * sentences raise belief; repeats within one sentence do not).
 */
import { createHash } from 'node:crypto';
import type { Statement, Triple } from '../model/schemas.js';
import { PREDICATE_BY_ID } from './predicates.js';

// at module level, not inline: an inline arrow is a new closure per call, whose optimized code V8 drops (tag/span-index.ts)
const idOf = (t: Triple) => t.id;
const statementOrder = (a: Statement, b: Statement) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : b.confidence - a.confidence || (a.id < b.id ? -1 : 1));

export function assembleStatements(triples: Triple[]): Statement[] {
  const groups = new Map<string, Triple[]>();
  for (const t of triples) {
    let [s, o] = [t.subject, t.object];
    if (PREDICATE_BY_ID.get(t.predicate)?.symmetric && s.norm > o.norm) [s, o] = [o, s];
    const key = [t.doc, s.norm, t.predicate, o.norm, t.negated].join('\u0001');
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  const out: Statement[] = [];
  for (const [key, ts] of groups) {
    const [doc, sNorm, predicate, oNorm] = key.split('\u0001');
    const first = ts[0];
    const [s, o] = first.subject.norm === sNorm ? [first.subject, first.object] : [first.object, first.subject];
    // one vote per evidence sentence: the best triple of each sentence
    const bySentence = new Map<number, number>();
    for (const t of ts) bySentence.set(t.evidence.sentence, Math.max(bySentence.get(t.evidence.sentence) ?? 0, t.confidence));
    const belief = 1 - [...bySentence.values()].reduce((p, c) => p * (1 - c), 1);
    out.push({
      id: createHash('sha1').update(key).digest('hex').slice(0, 16),
      doc,
      subject: { norm: sNorm, name: s.name, type: s.type },
      predicate,
      object: { norm: oNorm, name: o.name, type: o.type },
      evidence: ts.map(idOf).sort(),
      negated: first.negated,
      hedged: ts.every((t) => t.hedged),
      confidence: Math.round(Math.min(0.999, belief) * 1000) / 1000,
    });
  }
  return out.sort(statementOrder);
}
