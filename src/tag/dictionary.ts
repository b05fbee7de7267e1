/**
 * Loads the committed dictionaries (`dictionaries/*.tsv`) into one automaton. Files are read
 * once per process; the compiled automaton is shared by every document and cached on disk
 * (lexicon-cache.ts), keyed by the files' content.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../model/schemas.js';
import { type CaseMode, TermAutomaton, isCaseMode } from './automaton.js';
import { termKey } from './tokens.js';
import { loadSpeciesData, type SpeciesData } from './species.js';
import { cacheDir, cacheFile, indexedKey, lexiconCacheKey, readLexiconCache, rememberKey, statSignature, writeLexiconCache } from './lexicon-cache.js';

export const DICTIONARY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dictionaries');

export const DICTIONARY_FILES: Record<string, EntityType> = {
  'genes.tsv': 'gene',
  'drugs.tsv': 'drug',
  'pathways.tsv': 'pathway',
  'chemicals.tsv': 'chemical',
  'chemicals-sa.tsv': 'chemical',
  'gene-families.tsv': 'gene',
  'mirna.tsv': 'gene',
};

/** files a lexicon may lack (test fixtures, trimmed installs): loaded when present */
export const OPTIONAL_DICTIONARY_FILES = new Set(['chemicals.tsv', 'chemicals-sa.tsv']);
/** tables read beside the automaton (species.ts, family-members.ts): listed with their checksums, so the manifest and every cache key see them change */
const SPECIES_FILES = ['species.tsv', 'orthologs.tsv', 'rodent-genes.tsv', 'family-members.tsv'];

export interface DictionaryInfo { file: string; rows: number; sha256: string }

export interface Lexicon {
  automaton: TermAutomaton;
  /** term keys that are never tagged (stoplist.tsv) */
  stopKeys: Set<string>;
  files: DictionaryInfo[];
  /** where the compiled automaton was cached, whether it came from there, whether it was (re)written */
  cache?: { file: string; hit: boolean; written: boolean };
  /** species names and the ortholog map (species.tsv, orthologs.tsv), when the folder has them */
  species?: SpeciesData;
}

export interface BuildOptions {
  /** cache directory, or false for none; default `.cache/` in the repo unless BIOTRIPLES_LEXICON_CACHE=0 */
  cache?: false | string;
  /** false: leave the species tables out (a run's main thread, which shares the automaton with workers that read them themselves) */
  species?: boolean;
}

export interface DictionaryRow { term: string; norm: string; name: string; case: CaseMode; source: string }

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
    const mode = cols[col.case];
    rows.push({ term, norm, name: cols[col.name] || norm, case: isCaseMode(mode) ? mode : 'fold', source: cols[col.source] ?? '' });
  }
  return rows;
}

function parseStoplist(content: string): Set<string> {
  const stopKeys = new Set<string>();
  let header = true;
  for (const line of content.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (header) { header = false; continue; }
    stopKeys.add(termKey(line.split('\t')[0]));
  }
  return stopKeys;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The lexicon's input files that exist in `dir`, in key order; throws on a missing required one. */
function inputFiles(dir: string): string[] {
  const files: string[] = [];
  for (const file of ['stoplist.tsv', ...SPECIES_FILES]) if (existsSync(path.join(dir, file))) files.push(file);
  for (const file of Object.keys(DICTIONARY_FILES)) {
    const full = path.join(dir, file);
    if (!existsSync(full) && OPTIONAL_DICTIONARY_FILES.has(file)) continue;
    if (!existsSync(full)) throw new Error(`dictionary missing: ${full} (run npm run dictionaries)`);
    files.push(file);
  }
  return files;
}

/**
 * Loads the cached automaton when one matches the files (found by their stat signature, or else
 * by hashing their content); otherwise reads, compiles and caches them.
 */
export function buildLexicon(dir: string = DICTIONARY_DIR, options: BuildOptions = {}): Lexicon {
  const names = inputFiles(dir);
  const stopKeys = names[0] === 'stoplist.tsv' ? parseStoplist(readFileSync(path.join(dir, 'stoplist.tsv'), 'utf8')) : new Set<string>();
  const where = cacheDir(options.cache);
  const signature = where ? statSignature(names.map((f) => path.join(dir, f))) : undefined;
  const known = where && signature ? indexedKey(where, signature) : undefined;
  const fromKnown = where && known ? readLexiconCache(cacheFile(where, known), known) : undefined;
  if (where && known && fromKnown) return withSpecies({ automaton: fromKnown.automaton, stopKeys, files: fromKnown.files, cache: { file: cacheFile(where, known), hit: true, written: false } }, dir, options);

  const inputs = names.map((file) => { const content = readFileSync(path.join(dir, file)); return { file, content, sha256: sha256(content) }; });
  const key = where ? lexiconCacheKey(inputs) : undefined;
  const cachePath = where && key ? cacheFile(where, key) : undefined;
  const hit = cachePath && key ? readLexiconCache(cachePath, key) : undefined;
  if (where && signature && key && (hit || cachePath)) rememberKey(where, signature, key);
  if (cachePath && hit) return withSpecies({ automaton: hit.automaton, stopKeys, files: hit.files, cache: { file: cachePath, hit: true, written: false } }, dir, options);

  const automaton = new TermAutomaton();
  const files: DictionaryInfo[] = inputs.map(({ file, content, sha256 }) => {
    if (file === 'stoplist.tsv') return { file, rows: stopKeys.size, sha256 };
    if (SPECIES_FILES.includes(file)) return { file, rows: content.toString('utf8').split('\n').filter((l) => l && !l.startsWith('#')).length - 1, sha256 };
    const full = path.join(dir, file);
    const type = DICTIONARY_FILES[file];
    const rows = parseDictionary(content.toString('utf8'), full);
    for (const r of rows) automaton.add(r.term, { type, norm: r.norm, name: r.name, case: r.case, source: r.source });
    return { file, rows: rows.length, sha256 };
  });
  const lexicon: Lexicon = { automaton, stopKeys, files };
  if (cachePath && key) lexicon.cache = { file: cachePath, hit: false, written: writeLexiconCache(cachePath, key, automaton, files) };
  return withSpecies(lexicon, dir, options);
}

/** Adds the species tables (read apart from the automaton: small tables, not terms to match). */
function withSpecies(lexicon: Lexicon, dir: string, options: BuildOptions): Lexicon {
  if (options.species === false) return lexicon;
  const species = loadSpeciesData(dir);
  return species ? { ...lexicon, species } : lexicon;
}

let cached: Lexicon | undefined;
/** The default lexicon, compiled once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
