/**
 * An unchanged re-run leaves `<out>` as it is. What a merge reads (the items' cache keys in order,
 * the failures, the ledger) is hashed into a merge key and remembered in the result cache with
 * the output files' stat signature; when both still match, the merge, most of an unchanged
 * re-run's time, is skipped. Any write to an output file changes its ctime, so an edited or
 * damaged output is merged again.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MergeSummary } from './merge.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const mergeKey = (parts: unknown): string => sha256(JSON.stringify(parts));

/** path, size, inode, modification and change time of every file under `out`; undefined when absent */
export async function outputSignature(out: string): Promise<string | undefined> {
  const lines: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const st = await stat(full, { bigint: true });
      if (st.isDirectory()) await walk(full, `${rel}${name}/`);
      else lines.push(`${rel}${name}\t${st.size}\t${st.ino}\t${st.mtimeNs}\t${st.ctimeNs}`);
    }
  };
  try { await walk(out, ''); } catch { return undefined; }
  return lines.length ? sha256(lines.join('\n')) : undefined;
}

interface OutputRecord { key: string; signature: string; summary: MergeSummary }

const recordPath = (cache: string, out: string) => path.join(cache, `output-${sha256(path.resolve(out)).slice(0, 32)}.json`);

/** The previous merge's summary when `<out>` holds exactly what this merge would write. */
export async function upToDate(cache: string, out: string, key: string): Promise<MergeSummary | undefined> {
  const record = await readFile(recordPath(cache, out), 'utf8').then((s) => JSON.parse(s) as OutputRecord, () => undefined);
  if (!record || record.key !== key) return undefined;
  return record.signature === (await outputSignature(out)) ? record.summary : undefined;
}

export async function rememberOutput(cache: string, out: string, key: string, summary: MergeSummary): Promise<void> {
  const signature = await outputSignature(out);
  if (!signature) return;
  const { writeFileAtomic } = await import('../emit/atomic-write.js');
  await writeFileAtomic(recordPath(cache, out), JSON.stringify({ key, signature, summary } satisfies OutputRecord));
}
