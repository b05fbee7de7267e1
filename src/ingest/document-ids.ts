/**
 * Document ids for input files, unique within a run and independent of processing order: the
 * file name without extension (`d`) when no other input shares it (compared ignoring case, since
 * ids name files in `<out>/texts/` on case-insensitive disks too); else the path below the input
 * folder without extension (`a/d`, `b/d`); else that path with its extension (`d.txt`, `d.md`).
 */
import path from 'node:path';

const stem = (file: string) => path.basename(file).replace(/(\.pubtator)?\.[^.]+$/i, '');
const withoutExtension = (rel: string) => rel.replace(/(\.pubtator)?\.[^./]+$/i, '');
const fold = (id: string) => id.normalize('NFC').toLowerCase();

/** files: paths under `root` (or `root` itself when the input is one file) → id per file. */
export function assignDocumentIds(files: string[], root: string): Map<string, string> {
  const rel = files.map((f) => path.relative(root, f).split(path.sep).join('/') || path.basename(f));
  const candidates = (i: number) => [stem(files[i]), withoutExtension(rel[i]), rel[i]];
  const level = files.map(() => 0);
  // promote every member of a colliding group one level until no two ids fold to the same key;
  // the last level is the relative path itself, unique among files, so this ends
  for (let changed = true; changed; ) {
    changed = false;
    const groups = new Map<string, number[]>();
    files.forEach((_, i) => {
      const key = fold(candidates(i)[level[i]]);
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    });
    for (const members of groups.values())
      if (members.length > 1)
        for (const i of members) if (level[i] < 2) { level[i]++; changed = true; }
  }
  return new Map(files.map((f, i) => [f, candidates(i)[level[i]]]));
}
