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
