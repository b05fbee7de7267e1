import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, writeBundles } from '../../bin/bundle.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A miniature lib/: modules at several depths that read their own URL, a lazily imported one that needs a package nobody installed, and zod inlined. */
function miniLib(): string {
  const lib = path.join(dir, 'lib');
  const files: Record<string, string> = {
    'cli/extract.js': `import { here } from '../tag/learned/where.js';\nimport { z } from 'zod';\nif (process.argv[2] === 'lazy') await import('../queue/lazy.js');\nconsole.log(JSON.stringify({ here, self: import.meta.url, zod: z.string().parse('ok') }));\n`,
    'tag/learned/where.js': `export const here = new URL('../../../models/x.json', import.meta.url).href;\n`,
    'queue/lazy.js': `import 'a-package-nobody-installed';\n`,
    'run/worker.js': `console.log(import.meta.url);\n`,
  };
  for (const [f, body] of Object.entries(files)) { mkdirSync(path.dirname(path.join(lib, f)), { recursive: true }); writeFileSync(path.join(lib, f), body); }
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(dir, 'node_modules'));
  return lib;
}

describe('bin/bundle.mjs: the extraction path in a few files', () => {
  it('each bundled module still sees its own URL, lazy imports stay lazy, and the bundle runs', async () => {
    const lib = miniLib();
    expect(await writeBundles(lib)).toBe(true);
    const r = spawnSync(process.execPath, [path.join(lib, BUNDLE_DIR, 'extract.js')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { here: string; self: string; zod: string };
    expect(out.here).toBe(pathToFileURL(path.join(dir, 'models/x.json')).href);
    expect(out.self).toBe(pathToFileURL(path.join(lib, 'cli/extract.js')).href);
    expect(out.zod).toBe('ok');
    // the lazily imported module's package is imported only when that module is
    const lazy = spawnSync(process.execPath, [path.join(lib, BUNDLE_DIR, 'extract.js'), 'lazy'], { cwd: dir, encoding: 'utf8' });
    expect(lazy.status).not.toBe(0);
    expect(lazy.stderr).toMatch(/a-package-nobody-installed/);
    const worker = spawnSync(process.execPath, [path.join(lib, BUNDLE_DIR, 'worker.js')], { cwd: dir, encoding: 'utf8' });
    expect(worker.stdout.trim()).toBe(pathToFileURL(path.join(lib, 'run/worker.js')).href);
  }, 30_000);
});
