/**
 * BioRED corpus reader (Luo et al. 2022, PubTator format): documents with their text (title, one
 * separator, abstract: the layout the corpus offsets count in) and gold entity mentions with
 * their type (GeneOrGeneProduct, ChemicalEntity, ...) and identifiers. An identifier cell may
 * list several ids separated by commas or semicolons (`3172,3651,6927`); `-` or an empty cell
 * means none. Relation lines (`PMID\tType\tid1\tid2\t...`) are skipped. Pure: `loadBiored` is the
 * single place that reads a file. Dev/eval use only.
 */
import { readFileSync } from 'node:fs';
import { parsePubtator, pubtatorText } from '../../ingest/pubtator.ts';

export interface BioredMention {
  start: number;
  end: number;
  text: string;
  type: string;
  /** identifiers as written (NCBI Gene ids for genes, MeSH for chemicals); empty when none */
  ids: string[];
}

export interface BioredDocument {
  pmid: string;
  text: string;
  mentions: BioredMention[];
}

export const splitIds = (cell: string | undefined): string[] =>
  (cell ?? '').split(/[,;]/).map((s) => s.trim()).filter((s) => s && s !== '-');

export function parseBiored(content: string): BioredDocument[] {
  return parsePubtator(content).map((d) => {
    const mentions: BioredMention[] = [];
    for (const cols of d.annotations) {
      if (cols.length < 5 || !/^\d+$/.test(cols[1]) || !/^\d+$/.test(cols[2])) continue;
      mentions.push({ start: Number(cols[1]), end: Number(cols[2]), text: cols[3], type: cols[4], ids: splitIds(cols[5]) });
    }
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { pmid: d.pmid, text: pubtatorText(d), mentions };
  });
}

export const loadBiored = (path: string): BioredDocument[] => parseBiored(readFileSync(path, 'utf8'));
