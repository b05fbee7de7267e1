/** English-word and stop-list evidence used to keep common words out of the dictionaries. */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { readText, readTsv } from './io.ts';
import { type CaseMode, letters } from './lexicon.ts';

export interface AmbiguityFlags { english: boolean; stopword: boolean; gnormplus: boolean; indra: boolean; wikiRank: number | undefined; kinds: string }

export interface StopData {
  /** gene_string_ambiguity.tsv rows keyed by the exact text */
  flags: Map<string, AmbiguityFlags>;
  /** case-specific stop strings (GNormPlus, INDRA ignore, stopwords-en) by termKey -> surface forms */
  stop: Map<string, { forms: Set<string>; lists: Set<string> }>;
  /** popular-English rank by lowercase word (1 = most frequent) */
  wikiRank: Map<string, number>;
  /** lowercase forms in the wamerican dictionary */
  dict: Set<string>;
  stopwordsEn: Set<string>;
}

export function loadStopData(root: string): StopData {
  const dir = join(root, 'stoplists');
  const flags = new Map<string, AmbiguityFlags>();
  for (const r of readTsv(join(dir, 'gene_string_ambiguity.tsv'))) {
    flags.set(r.text, {
      english: r.english_dict === '1', stopword: r.stopword === '1', gnormplus: r.gnormplus_stop === '1',
      indra: r.indra_ignore === '1', wikiRank: r.wiki_rank ? Number(r.wiki_rank) : undefined, kinds: r.kinds,
    });
  }
  const stop = new Map<string, { forms: Set<string>; lists: Set<string> }>();
  const add = (s: string, list: string) => {
    const t = s.trim();
    const key = termKey(t);
    if (!t || !key) return;
    let e = stop.get(key);
    if (!e) stop.set(key, (e = { forms: new Set(), lists: new Set() }));
    e.forms.add(letters(t));
    e.lists.add(list);
  };
  const lines = (f: string) => readText(f).split('\n').filter((l) => l.trim());
  for (const w of lines(join(dir, 'gnormplus_CTDStopWord.txt'))) add(w, 'gnormplus');
  for (const w of lines(join(dir, 'gnormplus_PostProessStopWord.txt'))) add(w, 'gnormplus');
  for (const w of lines(join(root, 'indra-grounding', 'ignore.csv'))) add(w.replace(/^"|"$/g, ''), 'indra_ignore');
  const stopwordsEn = new Set<string>(JSON.parse(readText(join(dir, 'stopwords-en.json'))) as string[]);
  for (const w of stopwordsEn) add(w, 'stopwords_en');
  const wikiRank = new Map<string, number>();
  lines(join(dir, 'popular_english_words_top50k.txt')).forEach((w, i) => { if (!wikiRank.has(w.toLowerCase())) wikiRank.set(w.toLowerCase(), i + 1); });
  const dict = new Set(lines(join(dir, 'wamerican_american-english.txt')).filter((w) => !w.includes("'")).map((w) => w.toLowerCase()));
  return { flags, stop, wikiRank, dict, stopwordsEn };
}

/**
 * Is a term blocked by a case-specific stop list? A stop string blocks a candidate with the
 * same key when the candidate would match it: always for `fold` rows, and for `exact` rows
 * only when the letters are identical in case (so lowercase `met` does not block `MET`).
 */
export function stopHit(data: StopData, term: string, mode: CaseMode): string | undefined {
  const e = data.stop.get(termKey(term));
  if (!e) return undefined;
  if (mode === 'fold' || e.forms.has(letters(term))) return [...e.lists].sort().join(',');
  return undefined;
}

/** A single lowercase English word (wamerican dictionary) within the top-N popular words. */
export function commonEnglish(data: StopData, term: string, topN: number): boolean {
  const w = term.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const r = data.wikiRank.get(w);
  return data.dict.has(w) && r !== undefined && r <= topN;
}
