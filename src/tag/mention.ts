import type { EntityType } from '../model/schemas.js';

/** A tagged mention in NORMALIZED text coordinates; the pipeline maps it to the original. */
export interface Mention {
  type: EntityType;
  start: number;
  end: number;
  norm: string;
  name: string;
  sentence: number;
  /** how it was found: dictionary source, abbreviation, mutation pattern */
  source: string;
  /** drug classes: norms of the genes (or pathway) the class acts on ("HER2 inhibitors" → NCBIGene:2064) */
  targets?: string[];
  /** the section heading of the mention's sentence, when it has one ("materials and methods") */
  section?: string;
  /** organism the text speaks of (`NCBITaxon:10090`); absent when the text gives no cue (species.ts) */
  species?: string;
}

/**
 * Every mention is made here, with all fields in one order (an absent optional one is undefined),
 * so all mentions share one hidden class and the stages that read them stay monomorphic in V8
 * (mixed shapes made the tag stage's functions deoptimize and compile again and again).
 */
export function mention(type: EntityType, start: number, end: number, norm: string, name: string, sentence: number, source: string,
  targets?: string[], section?: string, species?: string): Mention {
  return { type, start, end, norm, name, sentence, source, targets, section, species };
}

/** a copy of `m`, with another span or source */
export const copyMention = (m: Mention, start = m.start, end = m.end, source = m.source): Mention =>
  mention(m.type, start, end, m.norm, m.name, m.sentence, source, m.targets, m.section, m.species);

/** a mention with its rank among overlapping candidates (tag-entities.ts resolveOverlaps) */
export interface RankedMention extends Mention { rank: number }

export function ranked(m: Mention, rank: number): RankedMention {
  return { type: m.type, start: m.start, end: m.end, norm: m.norm, name: m.name, sentence: m.sentence, source: m.source, targets: m.targets, section: m.section, species: m.species, rank };
}
