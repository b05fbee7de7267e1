/**
 * Loads the committed dictionaries (`dictionaries/*.tsv`) into one automaton. Files are read
 * once per process; the compiled automaton is shared by every document.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../model/schemas.js';
import { TermAutomaton } from './automaton.js';
import { termKey } from './tokens.js';

export const DICTIONARY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dictionaries');

export const DICTIONARY_FILES: Record<string, EntityType> = {
  'genes.tsv': 'gene',
  'drugs.tsv': 'drug',
  'pathways.tsv': 'pathway',
};

export interface DictionaryInfo { file: string; rows: number; sha256: string }

export interface Lexicon {
  automaton: TermAutomaton;
  /** term keys that are never tagged (stoplist.tsv) */
  stopKeys: Set<string>;
  files: DictionaryInfo[];
}

export interface DictionaryRow { term: string; norm: string; name: string; case: 'exact' | 'fold'; source: string }

/** Parses one dictionary TSV: `# ` comment lines, a header, then rows. */
export function parseDictionary(content: string, file = 'dictionary'): DictionaryRow[] {
  const rows: DictionaryRow[] = [];
  let col: Record<'term' | 'norm' | 'name' | 'case' | 'source', number> | undefined;
  const lines = content.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line || line.charCodeAt(0) === 35 /* # */) continue;
    const cols = line.split('\t');
    if (!col) {
      col = { term: cols.indexOf('term'), norm: cols.indexOf('norm'), name: cols.indexOf('name'), case: cols.indexOf('case'), source: cols.indexOf('source') };
      if (col.term < 0 || col.norm < 0) throw new Error(`${file}:${n + 1}: header must name the columns term and norm`);
      continue;
    }
    const term = cols[col.term], norm = cols[col.norm];
    if (!term || !norm) throw new Error(`${file}:${n + 1}: row lacks term or norm`);
    rows.push({ term, norm, name: cols[col.name] || norm, case: cols[col.case] === 'exact' ? 'exact' : 'fold', source: cols[col.source] ?? '' });
  }
  return rows;
}

export function buildLexicon(dir: string = DICTIONARY_DIR): Lexicon {
  const automaton = new TermAutomaton();
  const files: DictionaryInfo[] = [];
  const stopKeys = new Set<string>();
  const stopFile = path.join(dir, 'stoplist.tsv');
  if (existsSync(stopFile)) {
    const content = readFileSync(stopFile, 'utf8');
    let header = true;
    for (const line of content.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      if (header) { header = false; continue; }
      stopKeys.add(termKey(line.split('\t')[0]));
    }
    files.push({ file: 'stoplist.tsv', rows: stopKeys.size, sha256: createHash('sha256').update(content).digest('hex') });
  }
  for (const [file, type] of Object.entries(DICTIONARY_FILES)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) throw new Error(`dictionary missing: ${full} (run npm run dictionaries)`);
    const content = readFileSync(full, 'utf8');
    const rows = parseDictionary(content, full);
    for (const r of rows) automaton.add(r.term, { type, norm: r.norm, name: r.name, case: r.case, source: r.source });
    files.push({ file, rows: rows.length, sha256: createHash('sha256').update(content).digest('hex') });
  }
  return { automaton, stopKeys, files };
}

let cached: Lexicon | undefined;
/** The default lexicon, compiled once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
