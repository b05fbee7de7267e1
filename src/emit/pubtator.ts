/**
 * PubTator export: entities and document-level relations in the format PubTator, tmVar and
 * BioRED tools read. The text is split at its first newline into title and abstract so that
 * title + one separator + abstract is exactly the original text and offsets carry over as is.
 * Ids are escaped (%XX) where they hold `%`, `|` or whitespace; ingest/pubtator.ts reads them back.
 */
import type { Entity, Statement } from '../model/schemas.js';
import { encodePubtatorId } from '../ingest/pubtator.js';

export const PUBTATOR_TYPE: Record<Entity['type'], string> = {
  gene: 'GeneOrGeneProduct', drug: 'ChemicalEntity', chemical: 'ChemicalEntity', drug_class: 'ChemicalEntity', mutation: 'SequenceVariant', pathway: 'Pathway',
};

export interface PubtatorInput { id: string; text: string; entities: Entity[]; statements: Statement[] }

const flat = (s: string) => s.replace(/[\r\n\t|]/g, ' ');

export function toPubtator(docs: PubtatorInput[]): string {
  const blocks: string[] = [];
  for (const d of docs) {
    if (!d.id) throw new Error('PubTator export: a document has an empty id');
    const id = encodePubtatorId(d.id);
    const cut = d.text.indexOf('\n');
    const title = cut < 0 ? d.text : d.text.slice(0, cut);
    const abstract = cut < 0 ? '' : d.text.slice(cut + 1);
    const lines = [`${id}|t|${flat(title)}`, `${id}|a|${flat(abstract)}`];
    for (const e of d.entities) lines.push([id, e.start, e.end, flat(e.text), PUBTATOR_TYPE[e.type], flat(e.norm)].join('\t'));
    for (const s of d.statements) if (!s.negated) lines.push([id, s.predicate, flat(s.subject.norm), flat(s.object.norm)].join('\t'));
    blocks.push(lines.join('\n'));
  }
  return blocks.length ? blocks.join('\n\n') + '\n' : '';
}
