/**
 * Entities a user already has (PubTator mention lines, an evaluation corpus's gold) as mentions:
 * their original offsets mapped into the normalized text through the OffsetMap, each assigned to
 * the sentence that holds it. `--entities given` uses them instead of the tagger's, `both` merges
 * them with the tagger's (a given mention wins where the two overlap).
 */
import type { EntityType } from '../model/schemas.js';
import type { OffsetMap } from '../normalize/offset-map.js';
import type { Sentence } from '../segment/segment.js';
import { mention, type Mention } from './mention.js';

/** an entity annotation in ORIGINAL text coordinates */
export interface GivenEntity {
  start: number;
  end: number;
  type: EntityType;
  /** identifier (CURIE) or, when the annotation has none, a stand-in unique to the mention */
  norm: string;
  name: string;
  source: string;
}

export type EntitySource = 'tagger' | 'given' | 'both';

/** PubTator / BioC entity types → ours (unknown types are not relation arguments here) */
export const GIVEN_TYPES: Record<string, EntityType> = {
  Gene: 'gene', GeneOrGeneProduct: 'gene', GENE: 'gene', 'GENE-Y': 'gene', 'GENE-N': 'gene', FamilyName: 'gene', DomainMotif: 'gene',
  Chemical: 'chemical', ChemicalEntity: 'chemical', CHEMICAL: 'chemical', Drug: 'drug',
  Mutation: 'mutation', SequenceVariant: 'mutation', ProteinMutation: 'mutation', DNAMutation: 'mutation', SNP: 'mutation', Variant: 'mutation',
  Pathway: 'pathway',
};

/** identifier prefixes by annotation type, for bare ids ("2064" → NCBIGene:2064, "D000077341" → MESH:D000077341) */
const ID_PREFIX: Record<string, string> = { Gene: 'NCBIGene', GeneOrGeneProduct: 'NCBIGene', Chemical: 'MESH', ChemicalEntity: 'MESH' };

/**
 * One annotation (original offsets, its text, its type and identifier as the file gives them) as a
 * given entity; undefined when the type is not one relations use (diseases, species, cell lines)
 * or the offsets do not point at the text.
 */
export function givenEntity(original: string, start: number, end: number, text: string, kind: string, ids: string, source: string): GivenEntity | undefined {
  const type = GIVEN_TYPES[kind];
  if (!type || end <= start || original.slice(start, end) !== text) return undefined;
  const id = ids.split(/[;,|]/)[0].trim();
  const norm = !id || id === '-' ? `text:${text.toLowerCase()}` : id.includes(':') ? id : ID_PREFIX[kind] ? `${ID_PREFIX[kind]}:${id}` : id;
  return { start, end, type, norm, name: text, source: `${source}:${kind}` };
}

/** the sentence whose span holds [start, end), by binary search; -1 when it straddles two */
function sentenceOf(sentences: Sentence[], start: number, end: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return end <= s.end ? mid : -1;
  }
  return -1;
}

export interface GivenMentions { mentions: Mention[]; dropped: { entity: GivenEntity; reason: string }[] }

export function givenMentions(map: OffsetMap, sentences: Sentence[], given: GivenEntity[]): GivenMentions {
  const mentions: Mention[] = [];
  const dropped: GivenMentions['dropped'] = [];
  for (const g of given) {
    const span = map.fromOriginal(g.start, g.end);
    if (!span) { dropped.push({ entity: g, reason: 'removed by normalization' }); continue; }
    const k = sentenceOf(sentences, span.start, span.end);
    if (k < 0) { dropped.push({ entity: g, reason: 'spans a sentence boundary' }); continue; }
    mentions.push(mention(g.type, span.start, span.end, g.norm, g.name, sentences[k].index, g.source));
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, dropped };
}

/** the tagger's mentions that overlap no given one, merged with the given ones */
export function mergeMentions(given: Mention[], tagged: Mention[]): Mention[] {
  const free = tagged.filter((t) => !given.some((g) => g.start < t.end && t.start < g.end));
  return [...given, ...free].sort((a, b) => a.start - b.start || b.end - a.end);
}
