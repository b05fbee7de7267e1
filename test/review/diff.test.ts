import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Triple } from '../../src/model/schemas.js';
import { runPipeline } from '../../src/pipeline.js';
import { diffRuns, type RunDiff } from '../../src/review/diff.js';
import { renderDiff } from '../../src/review/render-diff.js';
import { loadRun } from '../../src/review/run.js';
import { buildLexicon } from '../../src/tag/dictionary.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `biotriples-${name}-`));
const FIXTURE_DICT = 'test/fixtures/dictionaries';
const A = 'Lapatinib inhibits HER2. Trastuzumab binds HER2 in resistant cells.';
const B = 'Neratinib inhibits EGFR.';

async function extract(texts: Record<string, string>, dict = FIXTURE_DICT): Promise<string> {
  const input = tmp('in');
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(input, name), text);
  const out = tmp('run');
  await runPipeline({ input, out, lexicon: buildLexicon(dict, { cache: false }) });
  return out;
}

const readTriples = (dir: string): Triple[] => readFileSync(path.join(dir, 'triples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const writeTriples = (dir: string, rows: Triple[]) => writeFileSync(path.join(dir, 'triples.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const copyRun = (dir: string) => { const to = tmp('copy'); cpSync(dir, to, { recursive: true }); return to; };
const kinds = (d: RunDiff) => ({ triples: d.triples.map((c) => `${c.kind} ${(c.new ?? c.old)!.subject.text} ${(c.new ?? c.old)!.predicate} ${(c.new ?? c.old)!.object.text} [${c.causes}]`) });

describe('npm run diff', () => {
  let base: string;
  beforeAll(async () => { base = await extract({ 'a.txt': A, 'b.txt': B }); }, 60_000);

  it('the same run twice has no differences', () => {
    const d = diffRuns(loadRun(base), loadRun(copyRun(base)));
    expect([d.triples, d.statements, d.entities].map((x) => x.length)).toEqual([0, 0, 0]);
    expect(renderDiff(d, 'text')).toMatch(/No differences\./);
  });

  it('a dictionary row removed: triple, statement and entity removed, caused by the dictionaries', async () => {
    const dict = tmp('dict');
    cpSync(FIXTURE_DICT, dict, { recursive: true });
    const drugs = path.join(dict, 'drugs.tsv');
    writeFileSync(drugs, readFileSync(drugs, 'utf8').split('\n').filter((l) => !l.startsWith('neratinib')).join('\n'));
    const d = diffRuns(loadRun(base), loadRun(await extract({ 'a.txt': A, 'b.txt': B }, dict)));
    expect(d.inputs.dictionaries.map((f) => f.file)).toEqual(['drugs.tsv']);
    expect(kinds(d).triples).toEqual(['removed Neratinib inhibits EGFR [dictionaries]']);
    expect(d.entities.map((c) => `${c.kind} ${(c.old ?? c.new)!.text} [${c.causes}]`)).toEqual(['removed Neratinib [dictionaries]']);
    expect(d.statements.map((c) => `${c.kind} ${c.causes}`)).toEqual(['removed dictionaries']);
  });

  it('text edited: a new claim is added (cause text), claims whose offsets shifted are not changes', async () => {
    const d = diffRuns(loadRun(base), loadRun(await extract({ 'a.txt': `The weather was mild. ${A} Pertuzumab binds HER2.`, 'b.txt': B })));
    expect(d.inputs.documents.textChanged).toEqual(['a']);
    expect(kinds(d).triples).toEqual(['added Pertuzumab binds HER2 [text]']);
    expect(d.entities.map((c) => `${c.kind} ${c.new!.text} [${c.causes}]`).sort()).toEqual(['added HER2 [text]', 'added Pertuzumab [text]']);
  });

  it('same id with another rule and confidence is changed (cause rule); another predicate on the same pair is changed, not removed + added', () => {
    const changed = copyRun(base);
    const rows = readTriples(changed);
    const lap = rows.find((t) => t.subject.text === 'Lapatinib')!;
    const tras = rows.find((t) => t.subject.text === 'Trastuzumab')!;
    lap.rule = 'verb-passive';
    lap.confidence = 0.5;
    tras.predicate = 'targets';
    tras.id = 'ffffffffffffffff';
    writeTriples(changed, rows);
    const d = diffRuns(loadRun(base), loadRun(changed));
    const byText = Object.fromEntries(d.triples.map((c) => [c.new!.subject.text, c]));
    expect(d.triples.every((c) => c.kind === 'changed')).toBe(true);
    expect(byText.Lapatinib.fields).toEqual(['confidence', 'rule']);
    expect(byText.Lapatinib.causes).toEqual(['rule']);
    expect(byText.Trastuzumab.fields).toEqual(['predicate']);
    expect(renderDiff(d, 'text')).toMatch(/predicate binds → targets/);
  });

  it('a mention grounded differently is a changed entity, and its triple a changed subject, not removed + added', () => {
    const changed = copyRun(base);
    const entitiesFile = path.join(changed, 'entities.jsonl');
    const entities = readFileSync(entitiesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const lap = entities.find((e) => e.text === 'Lapatinib');
    lap.norm = 'DrugBank:DB99999';
    writeFileSync(entitiesFile, entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const rows = readTriples(changed);
    const t = rows.find((x) => x.subject.text === 'Lapatinib')!;
    t.subject.norm = 'DrugBank:DB99999';
    t.id = '0123456789abcdef';
    writeTriples(changed, rows);
    const d = diffRuns(loadRun(base), loadRun(changed));
    expect(d.entities.map((c) => `${c.kind} ${c.new!.text} ${c.fields} [${c.causes}]`)).toEqual(['changed Lapatinib norm [code]']);
    expect(d.triples.map((c) => `${c.kind} ${c.fields} [${c.causes}]`)).toEqual(['changed subject [code]']);
  });

  it('a model checksum change is named for model-made triples', () => {
    const changed = copyRun(base);
    const manifest = JSON.parse(readFileSync(path.join(changed, 'manifest.json'), 'utf8'));
    // the run's relation model, retrained (same file, other checksum)
    const model = manifest.models?.[0] ?? { name: 'relation', file: 'models/relation.json' };
    writeFileSync(path.join(changed, 'manifest.json'), JSON.stringify({ ...manifest, models: [{ ...model, sha256: 'a'.repeat(64) }] }));
    const rows = readTriples(changed);
    rows[0].confidence = 0.42;
    rows[0].rule = 'model:relation';
    writeTriples(changed, rows);
    const d = diffRuns(loadRun(base), loadRun(changed));
    expect(d.inputs.models.map((m) => m.file)).toEqual([model.file]);
    expect(d.triples[0].causes).toEqual(['model', 'rule']);
  });

  it('renders text, markdown and json with the arguments marked in the evidence', () => {
    const changed = copyRun(base);
    writeTriples(changed, readTriples(changed).filter((t) => t.subject.text !== 'Lapatinib'));
    const d = diffRuns(loadRun(base), loadRun(changed));
    expect(renderDiff(d, 'text')).toMatch(/\[\[Lapatinib\]\] inhibits \{\{HER2\}\}/);
    expect(renderDiff(d, 'markdown')).toMatch(/\*\*Lapatinib\*\* inhibits _HER2_/);
    const json = JSON.parse(renderDiff(d, 'json'));
    expect(json.summary.triples).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(json.triples[0].old.evidence.text).toBe('Lapatinib inhibits HER2.');
  });

  it('reads output/ at a git revision', () => {
    const run = loadRun('git:HEAD');
    const manifest = run.manifest as { triples: Record<string, number> };
    expect(run.triples.length).toBe(Object.values(manifest.triples).reduce((a, b) => a + b, 0));
    expect(() => loadRun('git:no-such-revision-xyz')).toThrow(/not a revision/);
  });

  it('CLI: --fail-on removed exits 1 when a triple was removed, 0 otherwise; bad usage exits 2', () => {
    const changed = copyRun(base);
    writeTriples(changed, readTriples(changed).slice(1));
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/diff.ts', ...args], { encoding: 'utf8' });
    const removed = cli(base, changed, '--fail-on', 'removed');
    expect(removed.status).toBe(1);
    expect(removed.stdout).toMatch(/triples +0 +1 +0/);
    expect(cli(base, changed, '--fail-on', 'added').status).toBe(0);
    const missing = cli(base, path.join(changed, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such folder/);
  }, 60_000);
});
