/**
 * tmVar corpus reader (Wei et al. 2013, PubTator format): documents with their text (title,
 * one separator, abstract: the layout the corpus offsets count in) and gold mutation mentions
 * with tmVar normalized forms. Dev/eval use only; `loadTmvar` is the single place that reads a file.
 */
import { readFileSync } from 'node:fs';
import { parsePubtator, pubtatorMentions, pubtatorText } from '../../ingest/pubtator.ts';

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
    // tmVar lines carry a normalized form: a line without one is no mention here
    const mentions: TmvarMention[] = pubtatorMentions(d).flatMap((m) => (m.ids === undefined ? [] : [{ start: m.start, end: m.end, text: m.text, type: m.type, norm: m.ids }]));
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { pmid: d.pmid, text: pubtatorText(d), mentions };
  });
}

export const loadTmvar = (path: string): TmvarDocument[] => parseTmvar(readFileSync(path, 'utf8'));
