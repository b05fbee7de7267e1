/**
 * The extraction code's identity for the result cache key: a hash of the path and bytes of every
 * file under src/ (lib/ runs only when built from the current src/, bin/run.mjs), so results of
 * edited code are never served from the cache, as the tool version alone allowed. About 1.5 MB
 * read once per run (a few ms). Without src/ (a build shipped alone) lib/ stands in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** sha256 over the sorted relative paths and contents of the files under `dir`, or null when it is missing or unreadable */
export function treeHash(dir: string): string | null {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  try {
    walk('');
    const h = createHash('sha256');
    for (const f of files.sort()) {
      const bytes = readFileSync(path.join(dir, f));
      h.update(`${f}\0${bytes.length}\0`).update(bytes);
    }
    return h.digest('hex');
  } catch {
    return null;
  }
}

/** the identity of the code under `repo` (src/, else lib/), or null when neither can be read */
export function codeIdentity(repo: string): string | null {
  for (const dir of ['src', 'lib']) {
    const full = path.join(repo, dir);
    if (existsSync(full)) return treeHash(full);
  }
  return null;
}
