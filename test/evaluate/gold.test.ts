import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { GoldFile, checkGold, defaultCorpusDir, formatProblem, listGoldFiles, loadGoldDir } from '../../src/evaluate/gold.js';

const run = promisify(execFile);
const TEXT = 'Lapatinib inhibits HER2. Trastuzumab binds HER2.';

function file(): GoldFile {
  return {
    doc: 'd1',
    entities: [
      { id: 'T1', type: 'drug', start: 0, end: 9, text: 'Lapatinib', norm: 'DrugBank:DB01259' },
      { id: 'T2', type: 'gene', start: 19, end: 23, text: 'HER2', norm: 'NCBIGene:2064' },
      { id: 'T3', type: 'drug', start: 25, end: 36, text: 'Trastuzumab', norm: null },
      { id: 'T4', type: 'gene', start: 43, end: 47, text: 'HER2', norm: 'NCBIGene:2064' },
    ],
    triples: [
      { id: 'R1', subject: 'T1', predicate: 'inhibits', object: 'T2', evidence: { start: 0, end: 24 }, negated: false, hedged: false },
      { id: 'R2', subject: 'T3', predicate: 'binds', object: 'T4', evidence: { start: 25, end: 48 }, negated: false, hedged: false },
    ],
    notes: [],
  };
}
const errors = (g: GoldFile) => checkGold('gold/d1.json', g, TEXT).filter((p) => p.severity === 'error').map((p) => p.message);

describe('checkGold', () => {
  it('accepts a consistent file', () => expect(checkGold('gold/d1.json', file(), TEXT)).toEqual([]));
  it('catches a span that is not the original slice', () => {
    const g = file();
    g.entities[1].start = 18;
    expect(errors(g)).toEqual([expect.stringContaining('"HER2" != original slice " HER2" at 18-23')]);
  });
  it('catches a span past the end of the text', () => {
    const g = file();
    g.entities[3].end = 99;
    expect(errors(g)[0]).toMatch(/past the end/);
  });
  it('catches duplicate ids', () => {
    const g = file();
    g.entities[3].id = 'T2';
    expect(errors(g)).toContain('duplicate id "T2" (first used at entities[1] (T2))');
  });
  it('catches a triple argument that does not exist or lies outside the evidence', () => {
    const g = file();
    g.triples[0].object = 'T9';
    g.triples[1].subject = 'T1';
    expect(errors(g)).toEqual([
      'object "T9" is not an entity id of this file',
      'subject T1 (0-9) lies outside the evidence 25-48',
    ]);
  });
  it('catches an unknown predicate and a doc that does not match the file name', () => {
    const g = file();
    g.triples[0].predicate = 'cures';
    g.doc = 'd2';
    expect(errors(g)).toEqual(['doc "d2" does not match the file name "d1"', 'unknown predicate "cures"']);
  });
  it('warns (not fails) on unsorted entities and disallowed argument types', () => {
    const g = file();
    g.entities.reverse();
    g.triples[0].predicate = 'variant_of';
    const problems = checkGold('gold/d1.json', g, TEXT);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/not sorted/), 'variant_of does not allow drug → gene']));
  });
  it('schema: norm is required (string or null) and unknown keys are rejected', () => {
    const raw = JSON.parse(JSON.stringify(file()));
    delete raw.entities[0].norm;
    raw.triples[0].confidence = 1;
    const r = GoldFile.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['entities.0.norm', 'triples.0']));
  });
});

// the real gold: both annotators, and the adjudicated files once they exist
const dirs = ['corpus/gold/annotators/A', 'corpus/gold/annotators/B', 'corpus/gold'];

describe('gold files in the repository pass gold:check', () => {
  for (const dir of dirs) {
    it(`${dir}`, async () => {
      const files = await listGoldFiles(dir);
      if (dir !== 'corpus/gold') expect(files.length).toBeGreaterThan(0);
      const { loaded, problems } = await loadGoldDir(dir, await defaultCorpusDir(dir));
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(loaded).toHaveLength(files.length);
    });
  }
});

describe('gold:check CLI', () => {
  const tmp: string[] = [];
  afterAll(async () => {
    for (const d of tmp) await rm(d, { recursive: true, force: true });
  });
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/gold-check.ts', ...args]).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('exits 0 on the annotator files', async () => {
    const r = await cli(['corpus/gold/annotators/A', 'corpus/gold/annotators/B']);
    expect(r.out).toMatch(/0 error\(s\)/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('exits 1 naming the file and the problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gold-check-'));
    tmp.push(dir);
    const docs = (await readdir('corpus')).filter((n) => n.endsWith('.md'));
    const doc = docs[0].replace(/\.md$/, '');
    const bad = { doc, entities: [{ id: 'T1', type: 'gene', start: 0, end: 4, text: 'XXXX', norm: null }], triples: [], notes: [] };
    await writeFile(path.join(dir, `${doc}.json`), JSON.stringify(bad));
    const r = await cli([dir, '--corpus', 'corpus']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${doc}.json: error at entities[0] (T1): text "XXXX" != original slice`);
  }, 60_000);
});
