/**
 * The per-item result cache: an item's shard is its cache entry, named by a key over everything
 * that decides its rows — the input file's bytes, the document id and displayed path, the tool
 * version and code (code-identity.ts), the dictionaries' and the model's checksums, and the options
 * that change output.
 * The curation ledger is applied at merge time, so it is not part of the key.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeIdentity } from './code-identity.js';
import { SHARD_FORMAT } from './shard.js';
import type { RunContext } from './engine.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_RESULT_CACHE = path.join(REPO, '.cache/results');
/** where the lexicon and the model come from by default (tag/dictionary.ts, relate/classifier/load.ts), named here without importing them */
export const DICTIONARIES = path.join(REPO, 'dictionaries');
export const DEFAULT_MODEL_FILE = path.join(REPO, 'models/relation-drugprot.json');
/** the cache is swept down to this size (oldest use first) after each run */
export const DEFAULT_CACHE_BYTES = 2 * 1024 ** 3;

export const toolVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

export function fileSha256(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (c) => hash.update(c)).on('error', () => resolve(undefined)).on('end', () => resolve(hash.digest('hex')));
  });
}

/** Checksums of a dictionary folder's files (names and bytes): the lexicon's identity for the key. */
export async function folderFingerprint(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((f) => !f.startsWith('.')).sort();
  const parts: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if ((await stat(full)).isFile()) parts.push(`${name}:${await fileSha256(full)}`);
  }
  return sha256(parts.join('\n'));
}

/** the code's identity, taken once per process */
let code: string | null | undefined;
export const currentCode = (): string | null => (code ??= codeIdentity(REPO));
/** The part of the key shared by every item of a run. */
export function runFingerprint(parts: { dictionaries: string; model: string | null; options: unknown }, codeId: string | null = currentCode()): string {
  return sha256(JSON.stringify({ shard: SHARD_FORMAT, tool: toolVersion, code: codeId, ...parts }));
}

export const itemKey = (run: string, content: string, id: string, file: string) => sha256(JSON.stringify([run, content, id, file]));

export const entryPath = (dir: string, key: string) => path.join(dir, `${key}.jsonl`);

/** What the manifest lists for a run whose items all came from the cache (no worker loaded anything). */
const contextPath = (dir: string, run: string) => path.join(dir, `context-${run}.json`);

export async function readContext(dir: string, run: string): Promise<RunContext | undefined> {
  return readFile(contextPath(dir, run), 'utf8').then((s) => JSON.parse(s) as RunContext, () => undefined);
}

export async function writeContext(dir: string, run: string, context: RunContext): Promise<void> {
  const { writeFileAtomic } = await import('../emit/atomic-write.js');
  await writeFileAtomic(contextPath(dir, run), JSON.stringify(context));
}

/** Marks an entry used (its mtime orders the sweep). */
export const touch = (file: string) => utimes(file, new Date(), new Date()).catch(() => undefined);

/** Deletes the least recently used entries until the folder holds at most `maxBytes`; temp files of killed runs go too. */
export async function sweepCache(dir: string, maxBytes: number): Promise<number> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const files: Array<{ file: string; size: number; mtime: number }> = [];
  let removed = 0;
  for (const name of entries) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    // a temp file older than an hour belongs to a run that was killed
    if (name.endsWith('.tmp')) { if (Date.now() - info.mtimeMs > 3600_000) { await rm(file, { force: true }); removed++; } continue; }
    files.push({ file, size: info.size, mtime: info.mtimeMs });
  }
  let total = files.reduce((n, f) => n + f.size, 0);
  for (const f of files.sort((a, b) => a.mtime - b.mtime)) {
    if (total <= maxBytes) break;
    await rm(f.file, { force: true });
    total -= f.size;
    removed++;
  }
  return removed;
}
