import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/startup');

describe('start-up', () => {
  it('the extraction path loads no NLP library and no PDF engine (compromise, natural, pdfjs-dist)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'startup-'));
    const log = path.join(dir, 'imports.log');
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', path.join(FIXTURE, 'record-imports.mjs'), path.join(FIXTURE, 'first-document.ts')],
        { cwd: ROOT, env: { ...process.env, IMPORT_LOG: log }, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { triples: number; required: string[] };
      expect(out.triples).toBeGreaterThan(0);
      const loaded = [...readFileSync(log, 'utf8').split('\n'), ...out.required];
      // the recorder works: it saw the pipeline itself
      expect(loaded.some((u) => u.includes('src/relate/relate.ts'))).toBe(true);
      expect(loaded.filter((u) => /node_modules\/(compromise|natural|pdfjs-dist)\//.test(u))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
