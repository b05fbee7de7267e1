import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleAcceptance } from '../../src/curate/acceptance.js';
import { applyVerdictFile, currentVerdicts, readLedger } from '../../src/curate/ledger.js';
import type { Manifest, Statement, Triple } from '../../src/model/schemas.js';
import { runPipeline } from '../../src/pipeline.js';
import { diffRuns } from '../../src/review/diff.js';
import { loadRun } from '../../src/review/run.js';
import { buildLexicon } from '../../src/tag/dictionary.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `biotriples-${name}-`));
const readJsonl = <T>(f: string): T[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const lexicon = buildLexicon('test/fixtures/dictionaries', { cache: false });
const curate = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/curate.ts', ...args], { encoding: 'utf8' });

async function extract(input: string, ledger?: string) {
  const out = tmp('run');
  await runPipeline({ input, out, lexicon, ledger });
  return {
    out,
    triples: readJsonl<Triple>(path.join(out, 'triples.jsonl')),
    statements: readJsonl<Statement>(path.join(out, 'statements.jsonl')),
    manifest: JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest,
  };
}

const verdictFile = (verdicts: object[], curator?: string) => {
  const file = path.join(tmp('verdicts'), 'verdicts.json');
  writeFileSync(file, JSON.stringify({ format: 'biotriples-verdicts', version: 1, run: 'output', ...(curator ? { curator } : {}), verdicts }));
  return file;
};

describe('curation that flows back: report verdicts → npm run curate → npm run extract', () => {
  const input = tmp('in');
  const ledger = path.join(tmp('ledger'), 'curation', 'ledger.jsonl');
  let base: Awaited<ReturnType<typeof extract>>;
  let id: Record<string, Triple>;
  beforeAll(async () => {
    writeFileSync(path.join(input, 'a.txt'), 'Lapatinib inhibits HER2. Trastuzumab binds HER2 in resistant cells.');
    writeFileSync(path.join(input, 'b.txt'), 'Neratinib inhibits EGFR.');
    base = await extract(input);
    id = Object.fromEntries(base.triples.map((t) => [t.subject.text, t]));
  }, 60_000);

  const context = (t: Triple) => ({ doc: t.doc, rule: t.rule, extracted: t.predicate, subject: { text: t.subject.text, type: t.subject.type }, object: { text: t.object.text, type: t.object.type } });

  it('applies a verdict file to the ledger, once', () => {
    const file = verdictFile([
      { triple: id.Lapatinib.id, verdict: 'accept', timestamp: '2026-11-30T10:00:00Z', ...context(id.Lapatinib) },
      { triple: id.Neratinib.id, verdict: 'reject', reason: 'EGFR inhibition not shown here', timestamp: '2026-11-30T10:01:00Z', ...context(id.Neratinib) },
      { triple: id.Trastuzumab.id, verdict: 'correct', predicate: 'targets', timestamp: '2026-11-30T10:02:00Z', ...context(id.Trastuzumab) },
    ]);
    const first = curate('--apply', file, '--curator', 'ada', '--ledger', ledger);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3 added/);
    const lines = readFileSync(ledger, 'utf8');
    expect(lines.trim().split('\n')).toHaveLength(3);
    expect(readLedger(ledger)!.entries.every((e) => e.curator === 'ada')).toBe(true);
    const again = curate('--apply', file, '--curator', 'ada', '--ledger', ledger);
    expect(again.stdout).toMatch(/0 added .* 3 already there/);
    expect(readFileSync(ledger, 'utf8')).toBe(lines);
  }, 60_000);

  it('the next extract leaves the rejected triple out (listed in the manifest), marks the accepted one, applies the correction', async () => {
    const run = await extract(input, ledger);
    const byText = Object.fromEntries(run.triples.map((t) => [t.subject.text, t]));
    expect(byText.Neratinib).toBeUndefined();
    expect(run.manifest.curation!.rejected).toEqual([expect.objectContaining({ id: id.Neratinib.id, reason: 'EGFR inhibition not shown here', curator: 'ada' })]);
    expect(byText.Lapatinib.curation).toEqual({ verdict: 'accepted', curator: 'ada', timestamp: '2026-11-30T10:00:00Z' });
    expect(byText.Trastuzumab).toMatchObject({ id: id.Trastuzumab.id, predicate: 'targets', curation: { verdict: 'corrected', extracted: 'binds' } });
    expect(run.statements.map((s) => `${s.subject.name} ${s.predicate} ${s.object.name}`).sort()).toEqual(['Lapatinib inhibits ERBB2', 'Trastuzumab targets ERBB2']);
    expect(run.manifest.triples).toEqual({ inhibits: 1, targets: 1 });
    // the diff names curation as the cause
    const d = diffRuns(loadRun(base.out), loadRun(run.out));
    expect(d.triples.map((c) => `${c.kind} ${(c.new ?? c.old)!.subject.text} ${c.causes}`).sort()).toEqual(['changed Lapatinib curation', 'changed Trastuzumab curation', 'removed Neratinib curation']);
  });

  it('a later verdict supersedes an earlier one and the history stays', async () => {
    const file = verdictFile([{ triple: id.Lapatinib.id, verdict: 'reject', reason: 'HER2 is the object of a cell line, not the drug', timestamp: '2026-12-01T09:00:00Z', ...context(id.Lapatinib) }], 'grace');
    expect(await applyVerdictFile(file, ledger)).toMatchObject({ added: 1, superseding: 1, entries: 4 });
    const entries = readLedger(ledger)!.entries;
    expect(entries).toHaveLength(4);
    expect(currentVerdicts(entries).get(id.Lapatinib.id)).toMatchObject({ verdict: 'reject', curator: 'grace' });
    const run = await extract(input, ledger);
    expect(run.triples.map((t) => t.subject.text)).toEqual(['Trastuzumab']);
    // none of the three verdicts in force accepts its triple: 0 of n for each rule (or model) that made them
    const perRule = new Map<string, number>();
    for (const t of [id.Neratinib, id.Lapatinib, id.Trastuzumab]) perRule.set(t.rule, (perRule.get(t.rule) ?? 0) + 1);
    expect(ruleAcceptance(currentVerdicts(entries).values()).map((r) => `${r.rule} ${r.accepted}/${r.total}`).sort()).toEqual(
      [...perRule].map(([rule, n]) => `${rule} 0/${n}`).sort());
  });

  it('a bad verdict file changes nothing and names the file, the verdict and the reason (exit 1)', () => {
    const before = readFileSync(ledger, 'utf8');
    const file = verdictFile([
      { triple: id.Lapatinib.id, verdict: 'reject', timestamp: '2026-12-02T09:00:00Z' },
      { triple: id.Trastuzumab.id, verdict: 'correct', predicate: 'cures', timestamp: '2026-12-02T09:00:00Z' },
    ], 'ada');
    const r = curate('--apply', file, '--ledger', ledger);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/verdicts\[0\]: reason: a rejection needs a reason/);
    expect(r.stderr).toMatch(/verdicts\[1\]: predicate: a correction needs a known predicate, got "cures"/);
    expect(readFileSync(ledger, 'utf8')).toBe(before);
  }, 60_000);

  it('a verdict without a curator needs --curator', async () => {
    const file = verdictFile([{ triple: id.Lapatinib.id, verdict: 'accept', timestamp: '2026-12-02T09:00:00Z' }]);
    await expect(applyVerdictFile(file, ledger)).rejects.toThrow(/no curator \(give --curator <name>\)/);
    expect(await applyVerdictFile(file, ledger, 'ada')).toMatchObject({ added: 1 });
  });
});
