/**
 * BioC export (XML and JSON), the format PubTator-family tools read: one document per input
 * document, its text cut into passages at newlines (never inside a mention or an evidence
 * sentence), annotations with identifier, type and a location (document offset and length, as
 * BioC counts them; offsets are JavaScript string indices as everywhere in biotriples), and
 * one relation per triple whose nodes point at the subject and object annotations.
 * The collection date is left empty: no timestamps, so a re-run writes the same bytes.
 */
import path from 'node:path';
import type { Entity, EntityType, Triple } from '../model/schemas.js';
import { PREDICATE_BY_ID } from '../relate/predicates.js';
import { PUBTATOR_TYPE } from '../emit/pubtator.js';
import { writeFileAtomic } from '../emit/atomic-write.js';
import { groupByDoc, originalText, type Run } from './run.js';

export interface BiocAnnotation { id: string; infons: Record<string, string>; text: string; locations: { offset: number; length: number }[] }
export interface BiocRelation { id: string; infons: Record<string, string>; nodes: { refid: string; role: string }[] }
export interface BiocPassageOut { offset: number; infons: Record<string, string>; text: string; sentences: never[]; annotations: BiocAnnotation[]; relations: never[] }
export interface BiocDocumentOut { id: string; infons: Record<string, string>; passages: BiocPassageOut[]; relations: BiocRelation[] }
export interface BiocCollection { source: string; date: string; key: string; infons: Record<string, string>; documents: BiocDocumentOut[] }

interface Span { start: number; end: number }

/** Passage ranges: lines, merged where a mention or evidence sentence crosses a newline; blank lines dropped. */
export function passageRanges(text: string, spans: Span[]): Span[] {
  const inside = new Uint8Array(text.length + 1);
  for (const s of spans) inside.fill(1, s.start + 1, s.end);
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && (text[i] !== '\n' || inside[i])) continue;
    if (text.slice(from, i).trim()) out.push({ start: from, end: i });
    from = i + 1;
  }
  return out;
}

const annotationId = (doc: string, type: EntityType, start: number, end: number) => `${doc}#${type}:${start}-${end}`;

function annotationOf(e: Pick<Entity, 'type' | 'text' | 'start' | 'end' | 'norm' | 'name'>, doc: string): BiocAnnotation {
  return {
    id: annotationId(doc, e.type, e.start, e.end),
    infons: { identifier: e.norm, type: PUBTATOR_TYPE[e.type], biotriples_type: e.type, name: e.name },
    text: e.text,
    locations: [{ offset: e.start, length: e.end - e.start }],
  };
}

function relationOf(t: Triple): BiocRelation {
  return {
    id: t.id,
    infons: {
      type: t.predicate, biolink_predicate: PREDICATE_BY_ID.get(t.predicate)?.biolink ?? '', negated: String(t.negated), hedged: String(t.hedged),
      confidence: String(t.confidence), rule: t.rule, trigger: t.trigger, evidence_offset: String(t.evidence.start), evidence_length: String(t.evidence.end - t.evidence.start), section: t.evidence.section,
    },
    nodes: [
      { refid: annotationId(t.doc, t.subject.type, t.subject.start, t.subject.end), role: 'subject' },
      { refid: annotationId(t.doc, t.object.type, t.object.start, t.object.end), role: 'object' },
    ],
  };
}

export function buildBioc(run: Run): { collection: BiocCollection; missing: string[] } {
  const entities = groupByDoc(run.entities);
  const triples = groupByDoc(run.triples);
  const documents: BiocDocumentOut[] = [];
  const missing: string[] = [];
  for (const d of run.documents.filter((x) => x.status === 'ok')) {
    const text = originalText(run, d);
    if (text === undefined) { missing.push(d.id); continue; }
    const ts = triples.get(d.id) ?? [];
    // arguments are entities; an argument without its own entity row still gets an annotation
    const annotations = new Map<string, BiocAnnotation>();
    for (const e of entities.get(d.id) ?? []) annotations.set(annotationId(d.id, e.type, e.start, e.end), annotationOf(e, d.id));
    for (const t of ts) for (const a of [t.subject, t.object]) {
      const id = annotationId(d.id, a.type, a.start, a.end);
      if (!annotations.has(id)) annotations.set(id, annotationOf(a, d.id));
    }
    const sorted = [...annotations.values()].sort((a, b) => a.locations[0].offset - b.locations[0].offset || (a.id < b.id ? -1 : 1));
    const ranges = passageRanges(text, [...sorted.map((a) => ({ start: a.locations[0].offset, end: a.locations[0].offset + a.locations[0].length })), ...ts.map((t) => t.evidence)]);
    let k = 0;
    const passages = ranges.map((r): BiocPassageOut => {
      const inPassage: BiocAnnotation[] = [];
      while (k < sorted.length && sorted[k].locations[0].offset < r.end) inPassage.push(sorted[k++]);
      return { offset: r.start, infons: {}, text: text.slice(r.start, r.end), sentences: [], annotations: inPassage, relations: [] };
    });
    const infons: Record<string, string> = { source: d.source, format: d.format };
    if (d.pmid) infons.pmid = d.pmid;
    if (d.pmcid) infons.pmcid = d.pmcid;
    documents.push({ id: d.id, infons, passages, relations: ts.map(relationOf) });
  }
  return { collection: { source: 'biotriples', date: '', key: 'biotriples.key', infons: {}, documents }, missing };
}

// characters XML 1.0 forbids become U+FFFD one for one, so offsets and lengths still hold
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // a parser turns a literal CR (and CR LF) into LF; a character reference survives
  .replace(/\r/g, '&#13;');
const infonsXml = (infons: Record<string, string>) => Object.entries(infons).map(([k, v]) => `<infon key="${xmlText(k)}">${xmlText(v)}</infon>`).join('');

export function toBiocXml(c: BiocCollection): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE collection SYSTEM "BioC.dtd">', `<collection><source>${xmlText(c.source)}</source><date>${c.date}</date><key>${xmlText(c.key)}</key>${infonsXml(c.infons)}`];
  for (const d of c.documents) {
    out.push(`<document><id>${xmlText(d.id)}</id>${infonsXml(d.infons)}`);
    for (const p of d.passages) {
      out.push(`<passage>${infonsXml(p.infons)}<offset>${p.offset}</offset><text>${xmlText(p.text)}</text>`);
      for (const a of p.annotations)
        out.push(`<annotation id="${xmlText(a.id)}">${infonsXml(a.infons)}${a.locations.map((l) => `<location offset="${l.offset}" length="${l.length}"/>`).join('')}<text>${xmlText(a.text)}</text></annotation>`);
      out.push('</passage>');
    }
    for (const r of d.relations)
      out.push(`<relation id="${xmlText(r.id)}">${infonsXml(r.infons)}${r.nodes.map((n) => `<node refid="${xmlText(n.refid)}" role="${n.role}"/>`).join('')}</relation>`);
    out.push('</document>');
  }
  out.push('</collection>');
  return out.join('\n') + '\n';
}

export async function exportBioc(run: Run, dir: string): Promise<{ documents: number; missing: string[] }> {
  const { collection, missing } = buildBioc(run);
  await Promise.all([
    writeFileAtomic(path.join(dir, 'collection.xml'), toBiocXml(collection)),
    writeFileAtomic(path.join(dir, 'collection.json'), JSON.stringify(collection) + '\n'),
  ]);
  return { documents: collection.documents.length, missing };
}
