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

export function toEntity(doc: string, original: string, map: OffsetMap, m: Mention): Entity {
  const { start, end } = map.toOriginal(m.start, m.end);
  return { doc, id: `${doc}#${m.type}:${start}-${end}`, type: m.type, text: original.slice(start, end), start, end, norm: m.norm, name: m.name, sentence: m.sentence, source: m.source };
}

function toArgument(original: string, map: OffsetMap, m: Mention): Argument {
  const { start, end } = map.toOriginal(m.start, m.end);
  return { text: original.slice(start, end), start, end, type: m.type, norm: m.norm, name: m.name };
}

export function toTriple(doc: string, original: string, map: OffsetMap, sentences: Sentence[], r: Relation): Triple {
  const s = sentences[r.sentence];
  const ev = map.toOriginal(s.start, s.end);
  const subject = toArgument(original, map, r.subject);
  const object = toArgument(original, map, r.object);
  const key = [doc, r.predicate, subject.start, subject.end, subject.norm, object.start, object.end, object.norm].join('|');
  return {
    id: createHash('sha1').update(key).digest('hex').slice(0, 16),
    doc, subject, predicate: r.predicate, object,
    evidence: { text: original.slice(ev.start, ev.end), start: ev.start, end: ev.end, sentence: s.index, section: s.section },
    negated: r.negated, hedged: r.hedged, confidence: r.confidence, rule: r.rule, trigger: r.trigger,
  };
}

/** One triple per (subject span, predicate, object span): the most confident rule wins. */
export function dedupeTriples(triples: Triple[]): Triple[] {
  const best = new Map<string, Triple>();
  for (const t of triples) {
    const prev = best.get(t.id);
    if (!prev || t.confidence > prev.confidence) best.set(t.id, t);
  }
  return [...best.values()];
}
