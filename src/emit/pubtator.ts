/**
 * PubTator export: entities and document-level relations in the format PubTator, tmVar and
 * BioRED tools read. The text is split at its first newline into title and abstract so that
 * title + one separator + abstract is exactly the original text and offsets carry over as is.
 */
import type { Entity, Statement } from '../model/schemas.js';

export const PUBTATOR_TYPE: Record<Entity['type'], string> = {
  gene: 'GeneOrGeneProduct', drug: 'ChemicalEntity', chemical: 'ChemicalEntity', drug_class: 'ChemicalEntity', mutation: 'SequenceVariant', pathway: 'Pathway',
};

export interface PubtatorInput { id: string; text: string; entities: Entity[]; statements: Statement[] }

const flat = (s: string) => s.replace(/[\r\n\t|]/g, ' ');

export function toPubtator(docs: PubtatorInput[]): string {
  const blocks: string[] = [];
  for (const d of docs) {
    const cut = d.text.indexOf('\n');
    const title = cut < 0 ? d.text : d.text.slice(0, cut);
    const abstract = cut < 0 ? '' : d.text.slice(cut + 1);
    const lines = [`${d.id}|t|${flat(title)}`, `${d.id}|a|${flat(abstract)}`];
    for (const e of d.entities) lines.push([d.id, e.start, e.end, flat(e.text), PUBTATOR_TYPE[e.type], e.norm].join('\t'));
    for (const s of d.statements) if (!s.negated) lines.push([d.id, s.predicate, s.subject.norm, s.object.norm].join('\t'));
    blocks.push(lines.join('\n'));
  }
  return blocks.length ? blocks.join('\n\n') + '\n' : '';
}
