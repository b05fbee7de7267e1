/**
 * Maps a document's mentions and relations (normalized coordinates) to data-contract rows
 * (original coordinates), through the document's OffsetMap. This is the only place that
 * translates offsets, so every written span is a slice of the original text.
 */
import { createHash } from 'node:crypto';
import type { Argument, Entity, Triple } from '../model/schemas.js';
import type { OffsetMap } from '../normalize/offset-map.js';
import type { Relation } from '../relate/relate.js';
import type { Sentence } from '../segment/segment.js';
import type { Mention } from '../tag/mention.js';

export function toEntity(doc: string, original: string, map: OffsetMap, sentences: Sentence[], m: Mention): Entity {
  const { start, end } = map.toOriginal(m.start, m.end);
  // every field in the schema's order, absent ones undefined (JSON leaves them out): one hidden class for all entities
  return { doc, id: `${doc}#${m.type}:${start}-${end}`, type: m.type, text: original.slice(start, end), start, end, norm: m.norm, name: m.name, sentence: m.sentence, section: sentences[m.sentence].section, source: m.source, targets: m.targets || undefined, species: m.species || undefined };
}

function toArgument(original: string, map: OffsetMap, m: Mention): Argument {
  const { start, end } = map.toOriginal(m.start, m.end);
  return { text: original.slice(start, end), start, end, type: m.type, norm: m.norm, name: m.name };
}

/**
 * A triple row; its id is set by `assignTripleIds` once the document's triples are known, since
 * the id counts repeats of the same claim in the same sentence text.
 */
export function toTriple(doc: string, original: string, map: OffsetMap, sentences: Sentence[], r: Relation): Triple {
  const s = sentences[r.sentence];
  const ev = map.toOriginal(s.start, s.end);
  const subject = toArgument(original, map, r.subject);
  const object = toArgument(original, map, r.object);
  return {
    id: '',
    doc, subject, predicate: r.predicate, object,
    evidence: { text: original.slice(ev.start, ev.end), start: ev.start, end: ev.end, sentence: s.index, section: s.section },
    negated: r.negated, hedged: r.hedged, confidence: r.confidence, rule: r.rule, trigger: r.trigger,
  };
}

const spanKey = (t: Triple) => [t.doc, t.predicate, t.subject.start, t.subject.end, t.subject.norm, t.object.start, t.object.end, t.object.norm].join('|');

/** One triple per (subject span, predicate, object span): the most confident rule wins. */
export function dedupeTriples(triples: Triple[]): Triple[] {
  const best = new Map<string, Triple>();
  for (const t of triples) {
    const key = spanKey(t);
    const prev = best.get(key);
    if (!prev || t.confidence > prev.confidence) best.set(key, t);
  }
  return [...best.values()];
}

/**
 * The content a triple id is made of: document, predicate, each argument's norm and text, and the
 * evidence sentence's text. No offsets, rule or confidence, so an id survives edits elsewhere in
 * the text, rule changes and unrelated dictionary rows (test/emit/triple-ids.test.ts).
 */
export const tripleContentKey = (t: Triple) =>
  [t.doc, t.predicate, t.subject.norm, t.subject.text, t.object.norm, t.object.text, t.evidence.text].join('\u0001');

/**
 * Sets each triple's id: sha1 of its content key plus its occurrence index among triples of the
 * same key in text order (the same sentence repeated, or the same word twice in one sentence).
 */
const textOrder = (a: Triple, b: Triple) => a.evidence.start - b.evidence.start || a.subject.start - b.subject.start || a.object.start - b.object.start;

export function assignTripleIds(triples: Triple[]): Triple[] {
  const ordered = [...triples].sort(textOrder);
  const seen = new Map<string, number>();
  for (const t of ordered) {
    const key = tripleContentKey(t);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    t.id = createHash('sha1').update(`${key}\u0001${n}`).digest('hex').slice(0, 16);
  }
  return triples;
}
