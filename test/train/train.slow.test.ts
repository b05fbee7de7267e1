import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const slow = process.env.BIOTRIPLES_SLOW === '1' && existsSync('../shared/eval/drugprot/training-partial');

describe.skipIf(!slow)('npm run train (slow: trains twice from ../shared)', () => {
  it('gives byte-identical files on every run, equal to the committed model and manifest', () => {
    const outs = [0, 1].map(() => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'biotriples-train-'));
      execFileSync('npx', ['tsx', 'src/cli/train.ts', '--out', out, '--quiet'], { stdio: 'inherit' });
      return out;
    });
    for (const f of ['relation-drugprot.json', 'relation-drugprot.manifest.json']) {
      const [a, b] = outs.map((o) => readFileSync(path.join(o, f)));
      expect(a.equals(b)).toBe(true);
      expect(a.equals(readFileSync(path.join('models', f))), `models/${f} is not what npm run train produces`).toBe(true);
    }
  }, 1_200_000);
});

describe.skipIf(!slow)('npm run train:genes (slow: trains from ../shared)', () => {
  it('rebuilds the committed gene tagger byte for byte', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'biotriples-genes-')), 'gene-tagger.json');
    execFileSync('npx', ['tsx', 'scripts/train-gene-tagger.ts', '--out', out], { stdio: 'ignore' });
    expect(readFileSync(out).equals(readFileSync('models/gene-tagger.json')), 'models/gene-tagger.json is not what npm run train:genes produces').toBe(true);
  }, 600_000);
});
