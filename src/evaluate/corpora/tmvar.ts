/**
 * tmVar corpus reader (Wei et al. 2013, PubTator format): documents with their text (title,
 * one separator, abstract: the layout the corpus offsets count in) and gold mutation mentions
 * with tmVar normalized forms. Dev/eval use only; `loadTmvar` is the single place that reads a file.
 */
import { readFileSync } from 'node:fs';
import { parsePubtator, pubtatorText } from '../../ingest/pubtator.ts';

export interface TmvarMention {
  start: number;
  end: number;
  text: string;
  type: string; // DNAMutation | ProteinMutation | SNP
  norm: string; // tmVar normalized form, e.g. p|SUB|V|777|L
}

export interface TmvarDocument {
  pmid: string;
  text: string;
  mentions: TmvarMention[];
}

export function parseTmvar(content: string): TmvarDocument[] {
  return parsePubtator(content).map((d) => {
    const mentions: TmvarMention[] = [];
    for (const cols of d.annotations) {
      if (cols.length < 6 || !/^\d+$/.test(cols[1]) || !/^\d+$/.test(cols[2])) continue;
      mentions.push({ start: Number(cols[1]), end: Number(cols[2]), text: cols[3], type: cols[4], norm: cols[5] });
    }
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { pmid: d.pmid, text: pubtatorText(d), mentions };
  });
}

export const loadTmvar = (path: string): TmvarDocument[] => parseTmvar(readFileSync(path, 'utf8'));
