/**
 * Tag-only peers for `npm run bench`: what a plain dictionary lookup over the same gene terms costs,
 * as a yardstick for the whole pipeline. Both fold case (terms and text lower-cased) and count
 * whole-word matches only, so their counts are a sanity check, not a quality figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AhoCorasick from 'modern-ahocorasick';
import { clock, type Elapsed } from './clock.js';
import { median } from './median.js';
import { DICTIONARY_DIR, DICTIONARY_FILES, parseDictionary } from '../tag/dictionary.js';

/** The terms of every dictionary file typed `gene` (genes, families, microRNAs): the ones the tagger loads. */
export function geneTerms(dir: string = DICTIONARY_DIR): string[] {
  const terms = new Set<string>();
  for (const [file, type] of Object.entries(DICTIONARY_FILES)) {
    if (type !== 'gene') continue;
    for (const row of parseDictionary(readFileSync(path.join(dir, file), 'utf8'), file)) terms.add(row.term.toLowerCase());
  }
  return [...terms].sort();
}

export interface Peer {
  name: string;
  /** whole-word matches in one document's text */
  count(text: string): number;
}

// ASCII letters and digits, and any non-ASCII letter: what a word boundary must not cut through
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && NON_ASCII_WORD.test(String.fromCharCode(c)));
const wholeWord = (text: string, start: number, end: number) =>
  (start === 0 || !isWordChar(text.charCodeAt(start - 1))) && (end >= text.length || !isWordChar(text.charCodeAt(end)));

/** Aho–Corasick from npm (modern-ahocorasick, the fastest of the packages tried): every occurrence, kept when it is a whole word. */
export function ahoCorasickPeer(terms: string[]): Peer {
  const matcher = new AhoCorasick(terms);
  return {
    name: 'modern-ahocorasick (npm)',
    count(text) {
      const lower = text.toLowerCase();
      let n = 0;
      for (const hit of matcher.search(lower)) if (wholeWord(lower, hit.start, hit.end)) n++;
      return n;
    },
  };
}

/** Splits text into lower-cased runs of letters and digits (one pass over the characters): a term is its tokens joined by one space. */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) { tokens.push(lower.slice(start, i)); start = -1; }
  }
  return tokens;
}

/**
 * Hand-written token + Map lookup: each term keyed by its word tokens; at every token of the
 * text, spans of 1..n tokens are looked up while they are a prefix of some term. Separators are
 * ignored, so `HER-2` and `her 2` are one key (as the tagger's own keys do).
 */
export function tokenMapPeer(terms: string[]): Peer {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  let longest = 1;
  for (const term of terms) {
    const tokens = wordTokens(term);
    if (!tokens.length) continue;
    longest = Math.max(longest, tokens.length);
    let key = tokens[0];
    for (let i = 1; i < tokens.length; i++) { prefixes.add(key); key += ' ' + tokens[i]; }
    keys.add(key);
  }
  return {
    name: 'token + Map (hand-written)',
    count(text) {
      const tokens = wordTokens(text);
      let n = 0;
      for (let i = 0; i < tokens.length; i++) {
        let key = tokens[i];
        for (let j = i + 1; ; j++) {
          if (keys.has(key)) n++;
          if (j >= tokens.length || j - i >= longest || !prefixes.has(key)) break;
          key += ' ' + tokens[j];
        }
      }
      return n;
    },
  };
}

export interface PeerResult { name: string; buildMs: number; cpuS: number; wallS: number; mbPerS: number; matches: number }

/** Builds a peer, then scans every text `passes` times; the median pass is kept (the scan alone, no start-up), MB per CPU-second. */
export function runPeer(make: () => Peer, texts: string[], passes = 3): PeerResult {
  const t0 = performance.now();
  const peer = make();
  const buildMs = performance.now() - t0;
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const runs: Elapsed[] = [];
  let matches = 0;
  for (let p = 0; p < passes; p++)
    runs.push(clock(() => {
      let n = 0;
      for (const text of texts) n += peer.count(text);
      matches = n;
    }));
  const cpuS = median(runs.map((r) => r.cpuS));
  return { name: peer.name, buildMs, cpuS, wallS: median(runs.map((r) => r.wallS)), mbPerS: chars / 1e6 / cpuS, matches };
}
