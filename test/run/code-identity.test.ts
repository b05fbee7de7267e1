import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeIdentity, treeHash } from '../../src/run/code-identity.js';
import { REPO, runFingerprint } from '../../src/run/result-cache.js';

const made: string[] = [];
afterEach(() => { for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true }); });

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'code-identity-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('the code identity in the result cache key', () => {
  it('changes when a source changes, and only then', () => {
    const root = repo({ 'src/tag/a.ts': 'export const a = 1;\n', 'src/relate/b.ts': 'export const b = 2;\n' });
    const before = codeIdentity(root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(codeIdentity(root)).toBe(before);
    writeFileSync(path.join(root, 'src/tag/a.ts'), 'export const a = 2;\n');
    expect(codeIdentity(root)).not.toBe(before);
  });

  it('tells a renamed file from the same bytes in another place', () => {
    const a = repo({ 'src/x/a.ts': 'same', 'src/y.ts': '' });
    const b = repo({ 'src/x/b.ts': 'same', 'src/y.ts': '' });
    expect(treeHash(path.join(a, 'src'))).not.toBe(treeHash(path.join(b, 'src')));
  });

  it('uses lib/ when there is no src/, and is null when there is neither', () => {
    expect(codeIdentity(repo({ 'lib/run/x.js': 'x' }))).toMatch(/^[0-9a-f]{64}$/);
    expect(codeIdentity(repo({ 'README.md': '' }))).toBeNull();
  });

  it('is part of the run key (an edited pipeline never reads the old results)', () => {
    const parts = { dictionaries: 'd', model: 'm', options: {} };
    expect(runFingerprint(parts, 'code-1')).not.toBe(runFingerprint(parts, 'code-2'));
    // by default the key carries this repository's code
    expect(runFingerprint(parts)).toBe(runFingerprint(parts, codeIdentity(REPO)));
  });
});
