// The build's freshness stamp: a hash of every file's path, size, inode, mtime and ctime under
// src/ plus the tsconfig files (stat only, no content read: a few ms). Any write to a file changes
// its ctime, which no tool can set back, so an equal stamp means lib/ was built from these sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const STAMP = '.build-stamp';

/** Files whose change makes lib/ stale, sorted (relative to root). */
function inputs(root) {
  const out = ['tsconfig.json', 'tsconfig.build.json'];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('src');
  return out.sort();
}

/** Fingerprint of the sources under root; throws when src/ cannot be read. */
export function sourceFingerprint(root) {
  const h = createHash('sha256').update('biotriples-build 1\n');
  for (const rel of inputs(root)) {
    let st;
    try { st = statSync(path.join(root, rel), { bigint: true }); } catch { h.update(`${rel}\tmissing\n`); continue; }
    h.update(`${rel}\t${st.size}\t${st.ino}\t${st.mtimeNs}\t${st.ctimeNs}\n`);
  }
  return h.digest('hex');
}

/** True when root/lib holds a complete build of the current sources. */
export function buildIsCurrent(root, libDir = path.join(root, 'lib')) {
  let stamp;
  try { stamp = readFileSync(path.join(libDir, STAMP), 'utf8').trim(); } catch { return false; }
  try { return stamp === sourceFingerprint(root); } catch { return false; }
}
