/**
 * The hostile texts of issue 18 item 1, built at a chosen size: shared by the tests
 * (test/hostile-inputs.test.ts, test/pipeline/linear-time.test.ts) and scripts/hostile-timings.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `unit` repeated `times` times. */
export const repeat = (unit: string, times: number): string => unit.repeat(times);

/** Gene and drug names separated by spaces, never a full stop (about `chars` characters). */
export function namesWithoutStop(chars: number): string {
  const names = ['HER2', 'EGFR', 'lapatinib', 'trastuzumab', 'ERBB3', 'neratinib', 'PIK3CA', 'AKT1', 'tucatinib', 'mTOR', 'BRAF', 'gefitinib'];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const name = names[i % names.length];
    out.push(name);
    size += name.length + 1;
  }
  return out.join(' ');
}

/** Ordinary prose: the bundled corpus papers concatenated until `chars` characters. */
export function ordinaryText(chars: number): string {
  const dir = path.join(ROOT, 'corpus');
  const papers = ['her2-biology-therapeutics-genes-2024.md', 'trastuzumab-resistance-front-oncol-2022.md', 'trastuzumab-resistance-review-2022.md', 'her2-activating-mutations-senescence.md', 'her2-tcell-bispecific-resistance-jak2.md'];
  const joined = papers.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n\n');
  return joined.repeat(Math.ceil(chars / joined.length)).slice(0, chars);
}

export interface HostileText {
  name: string;
  build: () => string;
}

/** The inputs listed in issue 18 (sizes as the issue gives them). */
export const ISSUE_INPUTS: HostileText[] = [
  { name: '`G309A, ` x 33,000', build: () => repeat('G309A, ', 33_000) },
  { name: '`G309A ` x 20,000', build: () => repeat('G309A ', 20_000) },
  { name: '`c.1delins ` x 20,000', build: () => repeat('c.1delins ', 20_000) },
  { name: '160 KB of gene/drug names, no full stop', build: () => namesWithoutStop(160_000) },
  { name: '9.8 MB of ordinary text', build: () => ordinaryText(9_800_000) },
  { name: '19.5 MB of ordinary text', build: () => ordinaryText(19_500_000) },
  { name: '50 MB of ordinary text', build: () => ordinaryText(50_000_000) },
];
