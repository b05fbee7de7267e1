/**
 * Writing and pruning the derived cache files (compiled lexicon, compiled relation model):
 * best effort and synchronous, because a cache that cannot be written only costs the next start.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes what `content` makes (undefined: nothing to write) through a temp file renamed over
 * `file`, so no reader sees half a file; false when building or writing failed.
 */
export function writeCacheFile(file: string, content: () => Uint8Array | string | undefined): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const bytes = content();
    if (bytes === undefined) return false;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return true;
  } catch {
    try { unlinkSync(tmp); } catch { /* never created */ }
    return false;
  }
}

/** Removes all but the `keep` most recently modified files of `dir` named like `pattern`, `current` always kept. */
export function pruneCacheFiles(dir: string, pattern: RegExp, keep: number, current: string): void {
  try {
    const others = readdirSync(dir)
      .filter((f) => pattern.test(f) && path.join(dir, f) !== current)
      .map((f) => ({ f: path.join(dir, f), t: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of others.slice(keep - 1)) unlinkSync(f);
  } catch { /* another process pruned first, or a read-only directory */ }
}
