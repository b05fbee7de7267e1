import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, sourceFingerprint, STAMP } from '../../bin/freshness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A miniature checkout: bin/, a CLI in src/ and its "compiled" twin in lib/, each saying which it is. */
function miniCheckout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-run-'));
  cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) writeFileSync(path.join(dir, f), '{}');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  mkdirSync(path.join(dir, 'src/cli'), { recursive: true });
  mkdirSync(path.join(dir, 'lib/cli'), { recursive: true });
  const body = (from: string) => `const n: number = 1;\nconsole.log(JSON.stringify({ from: '${from}', n, argv: process.argv.slice(1) }));\n`;
  writeFileSync(path.join(dir, 'src/cli/hello.ts'), body('src'));
  writeFileSync(path.join(dir, 'lib/cli/hello.js'), body('lib').replace(': number', ''));
  return dir;
}

const run = (dir: string, env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin/run.mjs'), 'hello', '--x', '1'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { ...JSON.parse(r.stdout) as { from: string; argv: string[] }, stderr: r.stderr };
};

describe('bin/run.mjs: the build when current, tsx when stale', () => {
  let dir: string;
  beforeEach(() => { dir = miniCheckout(); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the stamp matches the sources it was taken from, and no longer after any edit, addition or removal', () => {
    writeFileSync(path.join(dir, 'lib', STAMP), sourceFingerprint(dir));
    expect(buildIsCurrent(dir)).toBe(true);
    writeFileSync(path.join(dir, 'src/cli/hello.ts'), 'console.log(2);\n');
    expect(buildIsCurrent(dir)).toBe(false);
    writeFileSync(path.join(dir, 'lib', STAMP), sourceFingerprint(dir));
    writeFileSync(path.join(dir, 'src/extra.ts'), '');
    expect(buildIsCurrent(dir)).toBe(false);
    writeFileSync(path.join(dir, 'lib', STAMP), sourceFingerprint(dir));
    unlinkSync(path.join(dir, 'src/extra.ts'));
    expect(buildIsCurrent(dir)).toBe(false);
    unlinkSync(path.join(dir, 'lib', STAMP));
    expect(buildIsCurrent(dir)).toBe(false);
  });

  it('runs lib/ when the stamp is current, the sources under tsx when it is stale or missing', () => {
    writeFileSync(path.join(dir, 'lib', STAMP), sourceFingerprint(dir));
    const fresh = run(dir);
    expect(fresh.from).toBe('lib');
    expect(fresh.argv).toEqual([path.join(dir, 'lib/cli/hello.js'), '--x', '1']);
    expect(fresh.stderr).toBe('');
    expect(run(dir, { BIOTRIPLES_BUILD: '0' }).from).toBe('src');

    writeFileSync(path.join(dir, 'src/cli/hello.ts'), `${'// edited\n'}${'const n: number = 1;\n'}console.log(JSON.stringify({ from: 'src', n, argv: process.argv.slice(1) }));\n`);
    const stale = run(dir);
    expect(stale.from).toBe('src');
    expect(stale.argv[0]).toBe(path.join(dir, 'src/cli/hello.ts'));
    expect(stale.stderr).toMatch(/npm run build/);
  }, 30_000);

  it('runs the one-file build (lib/bundle/<cli>.js) when the build made one', () => {
    mkdirSync(path.join(dir, 'lib/bundle'));
    writeFileSync(path.join(dir, 'lib/bundle/hello.js'), `console.log(JSON.stringify({ from: 'bundle', argv: process.argv.slice(1) }));\n`);
    writeFileSync(path.join(dir, 'lib', STAMP), sourceFingerprint(dir));
    const fresh = run(dir);
    expect(fresh.from).toBe('bundle');
    expect(fresh.argv).toEqual([path.join(dir, 'lib/bundle/hello.js'), '--x', '1']);
    expect(run(dir, { BIOTRIPLES_BUILD: '0' }).from).toBe('src');
  }, 30_000);

  it('refuses a name that is not a CLI in src/cli', () => {
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/run.mjs'), '../x'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no CLI named/);
  });
});
