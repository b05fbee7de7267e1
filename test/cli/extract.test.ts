/** The extract command's exit statuses and error lines (README, SECURITY.md). */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, exitStatus, renderDiagnostic } from '../../src/cli/exit-status.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildLexicon, type Lexicon } from '../../src/tag/dictionary.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-cli-'));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', '--quiet', ...args], { encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { status: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
const folder = (files: Record<string, string>) => {
  const dir = tmp();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
};
const GOOD = 'Lapatinib inhibits HER2.\n';

describe('exit status of a run', () => {
  let lexicon: Lexicon;
  beforeAll(() => { lexicon = buildLexicon('test/fixtures/dictionaries'); });
  const statusOf = async (files: Record<string, string>) => exitStatus(await runPipeline({ input: folder(files), out: tmp(), lexicon }));

  it('0 when every input succeeded, 2 when some failed, 1 when none did', async () => {
    expect(await statusOf({ 'good.txt': GOOD })).toBe(EXIT.ok);
    expect(await statusOf({ 'good.txt': GOOD, 'empty.txt': '' })).toBe(EXIT.partial);
    expect(await statusOf({ 'empty.txt': '' })).toBe(EXIT.failed);
    expect(EXIT).toEqual({ ok: 0, failed: 1, partial: 2, usage: 64 });
  });

  it('renders a diagnostic on one line, with position and document id when known, control characters escaped', () => {
    expect(renderDiagnostic({ file: 'in/a.pubtator', doc: '7', code: 'duplicate-id', position: { line: 7 }, reason: 'PMID 7 appears 2 times' }))
      .toBe('error: in/a.pubtator:7: PMID 7 appears 2 times [duplicate-id, document 7]');
    expect(renderDiagnostic({ file: 'in/new\nline.txt', code: 'encoding', position: { line: 2, column: 3 }, reason: 'bad byte' }))
      .toBe('error: in/new\\nline.txt:2:3: bad byte [encoding]');
  });
});

describe('npm run extract', () => {
  it('exits 64 on usage errors, before anything is read', async () => {
    const [empty, bad, unknown] = await Promise.all([run('--out', ''), run('--concurrency', '0'), run('--bogus')]);
    expect(empty).toMatchObject({ status: 64, stderr: expect.stringMatching(/--out is empty/) });
    expect(bad).toMatchObject({ status: 64, stderr: expect.stringMatching(/--concurrency must be a positive integer/) });
    expect(unknown).toMatchObject({ status: 64, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
  }, 60_000);

  it('exits 2 when some inputs failed, naming each on stderr', async () => {
    const partial = await run('--input', folder({ 'good.txt': GOOD, 'empty.txt': '' }), '--out', tmp());
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/^error: .*empty\.txt: file is empty \(no text\) \[empty, document empty\]$/m);
  }, 120_000);
});
