/**
 * On-disk cache of the compiled dictionary automaton (`.cache/lexicon-<key16>.bin`), so each
 * process loads a snapshot instead of re-compiling ~200k terms. The key covers the content of
 * every dictionary file, FORMAT_VERSION and the source of the tokenizer, matcher, snapshot
 * codec and loader, so editing any of them invalidates the cache. So that a start need not hash
 * 14 MB of dictionaries, `lexicon-index.json` maps the files' stat signature (size, inode,
 * mtime, ctime) to the content key computed when they were last hashed. Caching is best effort:
 * unreadable or damaged files are rebuilt, failed writes are ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pruneCacheFiles, writeCacheFile } from '../model/cache-file.js';
import { readWhole } from '../model/read-whole.js';
import { fileURLToPath } from 'node:url';
import { TermAutomaton } from './automaton.js';
import type { DictionaryInfo as CachedFile } from './dictionary.js';

/** bump when the cache file layout or the meaning of its contents changes */
export const FORMAT_VERSION = 2;
export const DEFAULT_CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.cache');
/** cache files kept per directory (several dictionary sets, e.g. fixtures and the real one) */
const KEEP = 4;
const MAGIC = 0x434c5442; // "BTLC" little-endian


/** `false` disables, a string names the directory; by default `.cache/` unless BIOTRIPLES_LEXICON_CACHE=0 */
export function cacheDir(option: false | string | undefined): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return path.resolve(option);
  return process.env.BIOTRIPLES_LEXICON_CACHE === '0' ? undefined : DEFAULT_CACHE_DIR;
}

/**
 * Hash of the code that determines the automaton's content; null when it cannot be read.
 * Taken at import, right after that code was loaded, so a source edited while a long process
 * runs cannot label that process's (old) automaton with the new code's key.
 */
const CODE_HASH: string | null = (() => {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  try {
    for (const name of ['tokens', 'automaton', 'automaton-snapshot', 'dictionary', 'lexicon-cache'])
      h.update(readFileSync(new URL(`./${name}${ext}`, import.meta.url))).update('\0');
    return h.digest('hex');
  } catch {
    return null; // e.g. a bundled build: without the sources a stale cache could go unnoticed
  }
})();

/** Cache key for a set of dictionary files (their names and sha256), or undefined if uncacheable. */
export function lexiconCacheKey(files: Pick<CachedFile, 'file' | 'sha256'>[]): string | undefined {
  if (!CODE_HASH) return undefined;
  const h = createHash('sha256').update(`biotriples-lexicon ${FORMAT_VERSION}\n${CODE_HASH}\n`);
  for (const f of files) h.update(`${f.file}\t${f.sha256}\n`);
  return h.digest('hex');
}

export const cacheFile = (dir: string, key: string) => path.join(dir, `lexicon-${key.slice(0, 16)}.bin`);

const INDEX_FILE = 'lexicon-index.json';
/** stat signatures remembered per cache directory */
const INDEX_KEEP = 32;

/**
 * Signature of a set of files by path, size, inode, modification and change time (no content
 * read), under the code hash. Any write to a file changes its ctime, which no tool can set back,
 * so an unchanged signature means unchanged files.
 */
export function statSignature(paths: string[]): string | undefined {
  if (!CODE_HASH) return undefined;
  const h = createHash('sha256').update(`${FORMAT_VERSION}\n${CODE_HASH}\n`);
  try {
    for (const p of paths) {
      const st = statSync(p, { bigint: true });
      h.update(`${path.resolve(p)}\t${st.size}\t${st.ino}\t${st.mtimeNs}\t${st.ctimeNs}\n`);
    }
  } catch {
    return undefined;
  }
  return h.digest('hex');
}

/** The content key last computed for a stat signature in this cache directory, if any. */
export function indexedKey(dir: string, signature: string): string | undefined {
  try {
    const index = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as Record<string, string>;
    const key = index[signature];
    return typeof key === 'string' && /^[0-9a-f]{64}$/.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers signature → key (best effort, atomic replace; the oldest entries go first), forgetting `stale` signatures. */
export function rememberKey(dir: string, signature: string, key: string, stale: string[] = []): void {
  const file = path.join(dir, INDEX_FILE);
  writeCacheFile(file, () => {
    let index: Record<string, string> = {};
    try { index = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>; } catch { /* none yet, or damaged */ }
    for (const s of [signature, ...stale]) delete index[s];
    const kept = Object.entries(index).slice(-(INDEX_KEEP - 1));
    return JSON.stringify(Object.fromEntries([...kept, [signature, key]]));
  });
}

interface Meta { key: string; files: CachedFile[] }

/**
 * Signature under which a cache file whose body checksum was verified is remembered: hashing
 * 39 MB costs ~150 ms per start, so a file is verified once per state (size, inode, times).
 */
const checkedSignature = (file: string) => { const s = statSignature([file]); return s && `checked:${s}`; };

/** Loads a cache entry; undefined when absent, foreign, damaged or for another key. */
export function readLexiconCache(file: string, key: string): { automaton: TermAutomaton; files: CachedFile[] } | undefined {
  const dir = path.dirname(file);
  const before = checkedSignature(file);
  const checked = before !== undefined && indexedKey(dir, before) === key;
  let buf: Buffer;
  try { buf = readWhole(file, (size) => Buffer.from(new SharedArrayBuffer(size))); } catch { return undefined; }
  try {
    if (buf.length < 40 || buf.readUInt32LE(0) !== MAGIC) return undefined;
    const metaEnd = 40 + buf.readUInt32LE(4);
    if (metaEnd > buf.length) return undefined;
    const metaBytes = buf.subarray(40, metaEnd);
    if (!createHash('sha256').update(metaBytes).digest().equals(buf.subarray(8, 40))) return undefined;
    const meta = JSON.parse(metaBytes.toString('utf8')) as Meta;
    if (meta.key !== key) return undefined;
    const automaton = TermAutomaton.fromSnapshot(buf.subarray((metaEnd + 7) & ~7), !checked);
    try { const now = new Date(); utimesSync(file, now, now); } catch { /* only affects pruning order */ }
    // the touch above changed the file's times: remember its new state as checked (files are replaced by rename, never written in place)
    const after = checkedSignature(file);
    if (after) rememberKey(dir, after, key, before ? [before] : []);
    return { automaton, files: meta.files };
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename in the same directory); returns false on any failure. */
export function writeLexiconCache(file: string, key: string, automaton: TermAutomaton, files: CachedFile[]): boolean {
  const written = writeCacheFile(file, () => {
    const meta = Buffer.from(JSON.stringify({ key, files } satisfies Meta));
    const head = Buffer.alloc((40 + meta.length + 7) & ~7);
    head.writeUInt32LE(MAGIC, 0);
    head.writeUInt32LE(meta.length, 4);
    createHash('sha256').update(meta).digest().copy(head, 8);
    meta.copy(head, 40);
    return Buffer.concat([head, automaton.snapshot()]);
  });
  if (written) pruneCacheFiles(path.dirname(file), /^lexicon-[0-9a-f]{16}\.bin$/, KEEP, file);
  return written;
}
