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
}
