/**
 * BioC (XML or JSON; PMC's BioC service and PubTator's BioC files): a collection of documents
 * made of passages, each with an offset, infons (section_type, type) and text. The document
 * text puts every passage at its own BioC offset, the gaps filled with newlines, so offsets
 * written by biotriples equal the BioC file's offsets. When the passages' offsets overlap or go
 * backwards, the passages are laid out one per line instead (src/ingest/layout.ts). Table
 * contents (type "table", cells as XHTML) are left out; their captions stay.
 */
import { biocSectionName } from './section-names.js';
import { LayoutBuilder, uniqueIds, type StructuredRecord } from './layout.js';
import { at, childElements, textContent, type XmlElement } from './xml.js';
import { givenEntity } from '../tag/given-entities.js';

export interface BiocAnnotation { infons: Record<string, string>; locations: { offset: number; length: number }[]; text: string }
export interface BiocPassage { offset: number; infons: Record<string, string>; text: string; annotations?: BiocAnnotation[] }
export interface BiocDocument { id: string; infons: Record<string, string>; passages: BiocPassage[] }

const HEADING_TYPE = /^(front|title(_\d+)?|abstract_title_\d+|.*_title(_caption)?)$/i;

function toRecord(doc: BiocDocument, collectionSource: string): StructuredRecord | undefined {
  const passages = doc.passages.filter((p) => p.text.trim() && !/^table$/i.test(p.infons.type ?? ''));
  if (!passages.length) return undefined;
  const keepOffsets = passages.every((p, i) => Number.isInteger(p.offset) && (i === 0 ? p.offset >= 0 : p.offset > passages[i - 1].offset + passages[i - 1].text.length));
  const layout = new LayoutBuilder();
  for (const p of passages) {
    const section = biocSectionName(p.infons.section_type, p.infons.type);
    const heading = section === 'title' || HEADING_TYPE.test(p.infons.type ?? '');
    if (keepOffsets) layout.addAt(p.offset, p.text, section, heading);
    else layout.add(p.text, section, heading);
  }
  const infon = (k: string) => doc.infons[k] ?? passages.map((p) => p.infons[k]).find(Boolean);
  const pmcNumber = infon('article-id_pmc')?.replace(/^PMC/i, '');
  const pmcid = pmcNumber ? `PMC${pmcNumber}` : /pmc/i.test(collectionSource) && /^\d+$/.test(doc.id) ? `PMC${doc.id}` : undefined;
  const pmid = infon('article-id_pmid') ?? (/pubmed|pubtator/i.test(collectionSource) && /^\d+$/.test(doc.id) ? doc.id : undefined);
  const text = layout.text;
  // annotations keep their offsets only where the passages do (--entities given|both)
  const entities = keepOffsets ? passages.flatMap((p) => (p.annotations ?? []).flatMap((a) => {
    if (a.locations.length !== 1) return [];
    const { offset, length } = a.locations[0];
    const id = a.infons.identifier ?? a.infons.Identifier ?? a.infons['NCBI Gene'] ?? a.infons.MESH ?? '';
    const e = givenEntity(text, offset, offset + length, a.text, a.infons.type ?? '', id, 'bioc');
    return e ? [e] : [];
  })).sort((a, b) => a.start - b.start || b.end - a.end) : [];
  return { id: pmcid ?? pmid ?? doc.id, pmid, pmcid, text, outline: layout.outline, ...(entities.length && { entities }) };
}

function annotationsOf(p: XmlElement): BiocAnnotation[] {
  return childElements(p, 'annotation').map((a) => ({
    infons: infonsOf(a),
    locations: childElements(a, 'location').map((l) => ({ offset: Number(l.attrs.offset), length: Number(l.attrs.length) })),
    text: textContent(at(a, 'text')),
  }));
}

const infonsOf = (el: XmlElement) => Object.fromEntries(childElements(el, 'infon').map((i) => [i.attrs.key ?? '', textContent(i)]));

export const isBiocXml = (root: XmlElement) => root.name === 'collection';

export function readBiocXml(root: XmlElement): StructuredRecord[] {
  const source = textContent(at(root, 'source')).trim();
  const docs = childElements(root, 'document').map((d): BiocDocument => ({
    id: textContent(at(d, 'id')).trim(),
    infons: infonsOf(d),
    passages: childElements(d, 'passage').map((p) => ({
      offset: Number(textContent(at(p, 'offset')).trim()),
      infons: infonsOf(p),
      // a passage without <text> may carry its text as sentences
      text: at(p, 'text') ? textContent(at(p, 'text')) : childElements(p, 'sentence').map((s) => textContent(at(s, 'text'))).join(' '),
      annotations: annotationsOf(p),
    })),
  }));
  return uniqueIds(docs.map((d) => toRecord(d, source)).filter((r): r is StructuredRecord => r !== undefined));
}

interface BiocJsonAnnotation { infons?: Record<string, unknown>; locations?: { offset?: unknown; length?: unknown }[]; text?: unknown }
interface BiocJsonCollection { source?: string; documents?: { id?: unknown; infons?: Record<string, unknown>; passages?: { offset?: unknown; infons?: Record<string, unknown>; text?: unknown; annotations?: BiocJsonAnnotation[] }[] }[] }

const stringInfons = (o: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, String(v)]));

/** True when parsed JSON looks like a BioC collection (or PMC's array of collections). */
export function isBiocJson(value: unknown): value is BiocJsonCollection | BiocJsonCollection[] {
  const first = Array.isArray(value) ? value[0] : value;
  return !!first && typeof first === 'object' && Array.isArray((first as BiocJsonCollection).documents);
}

export function readBiocJson(value: BiocJsonCollection | BiocJsonCollection[]): StructuredRecord[] {
  const collections = Array.isArray(value) ? value : [value];
  const out: StructuredRecord[] = [];
  for (const c of collections)
    for (const d of c.documents ?? []) {
      const doc: BiocDocument = {
        id: String(d.id ?? ''),
        infons: stringInfons(d.infons),
        passages: (d.passages ?? []).map((p) => ({
          offset: Number(p.offset), infons: stringInfons(p.infons), text: typeof p.text === 'string' ? p.text : '',
          annotations: (p.annotations ?? []).map((a) => ({
            infons: stringInfons(a.infons), text: typeof a.text === 'string' ? a.text : '',
            locations: (a.locations ?? []).map((l) => ({ offset: Number(l.offset), length: Number(l.length) })),
          })),
        })),
      };
      const r = toRecord(doc, c.source ?? '');
      if (r) out.push(r);
    }
  return uniqueIds(out);
}
