/**
 * Whole-run transactions: a run writes its complete dataset into a fresh sibling folder
 * `<out>.new-<pid>`, then switches it in: rename `<out>` to `<out>.old-<pid>`, rename the new
 * folder to `<out>`, delete the old one. A kill before the first rename leaves the old dataset
 * at `<out>`; after the second, the new one. Between the two renames `<out>` is absent while
 * both complete datasets sit beside it: the next run (recoverOutput, first thing after the
 * options are checked) then moves `<out>.new-<pid>` into place — it is complete, since the
 * switch starts only once its manifest is written. Folders of dead runs (`.new-`, `.old-`,
 * `.work-<pid>`) are then deleted.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const freshFolder = (out: string, pid = process.pid) => `${path.resolve(out)}.new-${pid}`;
export const workFolder = (out: string, pid = process.pid) => `${path.resolve(out)}.work-${pid}`;
const oldFolder = (out: string, pid = process.pid) => `${path.resolve(out)}.old-${pid}`;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Leftovers of runs that are no longer running, by kind and pid. */
async function leftovers(out: string): Promise<Array<{ kind: 'new' | 'old' | 'work'; pid: number; dir: string }>> {
  const abs = path.resolve(out);
  const base = path.basename(abs);
  const names = await readdir(path.dirname(abs)).catch(() => [] as string[]);
  const found = [];
  for (const name of names) {
    const m = name.startsWith(base + '.') ? /^(new|old|work)-(\d+)$/.exec(name.slice(base.length + 1)) : null;
    if (m && !alive(Number(m[2]))) found.push({ kind: m[1] as 'new' | 'old' | 'work', pid: Number(m[2]), dir: path.join(path.dirname(abs), name) });
  }
  return found;
}

/** The recovery rule: finish a switch a kill interrupted, then delete every leftover of a dead run. Returns what was done. */
export async function recoverOutput(out: string): Promise<{ restored?: string; removed: string[] }> {
  const abs = path.resolve(out);
  const found = await leftovers(out);
  let restored: string | undefined;
  if (!existsSync(abs)) {
    const switching = found.find((f) => f.kind === 'old' && found.some((g) => g.kind === 'new' && g.pid === f.pid && existsSync(path.join(g.dir, 'manifest.json'))));
    const source = switching ? found.find((g) => g.kind === 'new' && g.pid === switching.pid)! : found.find((f) => f.kind === 'old');
    if (source) { await rename(source.dir, abs); restored = source.dir; }
  }
  const removed: string[] = [];
  for (const f of found) if (f.dir !== restored) { await rm(f.dir, { recursive: true, force: true }); removed.push(f.dir); }
  return { ...(restored && { restored }), removed };
}

/** Switches the complete dataset in `fresh` to `out` (see the file comment for every kill point). */
export async function commitOutput(out: string, fresh: string): Promise<void> {
  const abs = path.resolve(out);
  const old = oldFolder(out);
  const hadOld = existsSync(abs);
  if (hadOld) await rename(abs, old);
  await rename(fresh, abs);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
