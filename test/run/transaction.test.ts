import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput } from '../../src/run/transaction.js';
import { filesOf, tmp } from './inputs.js';

const DEAD = 4_194_999; // above Linux's pid_max: no such process

describe('recovery rule at the start of a run', () => {
  it('finishes a switch killed between the two renames: the complete new dataset moves into place', async () => {
    const parent = tmp();
    const out = path.join(parent, 'out');
    mkdirSync(`${out}.old-${DEAD}`); writeFileSync(`${out}.old-${DEAD}/manifest.json`, 'old');
    mkdirSync(`${out}.new-${DEAD}`); writeFileSync(`${out}.new-${DEAD}/manifest.json`, 'new');
    const done = await recoverOutput(out);
    expect(done.restored).toBe(`${out}.new-${DEAD}`);
    expect(filesOf(out)).toEqual({ 'manifest.json': 'new' });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('sweeps folders of dead runs and leaves <out> and a running process\'s folders alone', async () => {
    const parent = tmp();
    const out = path.join(parent, 'out');
    mkdirSync(out); writeFileSync(`${out}/manifest.json`, 'current');
    for (const kind of ['new', 'work', 'old']) mkdirSync(`${out}.${kind}-${DEAD}`);
    mkdirSync(`${out}.work-${process.ppid}`);
    await recoverOutput(out);
    expect(readdirSync(parent).sort()).toEqual(['out', `out.work-${process.ppid}`]);
    expect(filesOf(out)).toEqual({ 'manifest.json': 'current' });
  });
});

// SIGKILL the real CLI at random points of a run that replaces dataset A by dataset B
const KILLS = process.env.BIOTRIPLES_SLOW ? 20 : 3;

describe(`a killed run never mixes two datasets (${KILLS} kills)`, () => {
  const cli = (input: string, out: string) => [
    '--import', 'tsx', 'src/cli/extract.ts', '--input', input, '--out', out, '--dictionaries', 'test/fixtures/dictionaries',
    '--workers', '1', '--no-cache', '--ledger', 'none', '--quiet',
  ];
  const extract = (input: string, out: string, ...extra: string[]) => {
    const r = spawnSync(process.execPath, [...cli(input, out), ...extra], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 2) throw new Error(r.stderr);
  };

  it('after each kill <out> holds exactly the old or the new complete run; the next run leaves no temporary file', async () => {
    const inputA = tmp('biotriples-kill-in-');
    cpSync('corpus/her2-tcell-bispecific-resistance-jak2.md', path.join(inputA, 'paper.md'));
    cpSync('test/fixtures/inputs', path.join(inputA, 'inputs'), { recursive: true, filter: (f) => !f.endsWith('.pdf') });
    const inputB = tmp('biotriples-kill-in-');
    cpSync(inputA, inputB, { recursive: true });
    appendFileSync(path.join(inputB, 'inputs', 'plain.txt'), '\nGefitinib inhibits EGFR.\n');
    const refA = path.join(tmp(), 'out'), refB = path.join(tmp(), 'out');
    extract(inputA, refA);
    const t0 = Date.now();
    const statsFile = path.join(tmp(), 'stats.json');
    extract(inputB, refB, '--stats', statsFile);
    const full = Date.now() - t0;
    const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
    expect(stats).toMatchObject({ items: 4, cachedItems: 0, documents: 5, workers: 1, lexiconLoaded: true });
    expect(stats.startupMs).toBeGreaterThan(0);
    expect(stats.wallMs).toBeGreaterThanOrEqual(stats.startupMs);
    expect(stats.peakRssMb).toBeGreaterThan(0);
    const [a, b] = [filesOf(refA), filesOf(refB)];
    expect(a).not.toEqual(b);
    const seen = { old: 0, new: 0, recovered: 0 };
    for (let i = 0; i < KILLS; i++) {
      const parent = tmp();
      const out = path.join(parent, 'out');
      cpSync(refA, out, { recursive: true });
      const child = spawn(process.execPath, cli(inputB, out), { stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      // from the second half of a run on: start-up is most of a small run; the folder switch is at its end
      await new Promise((r) => setTimeout(r, (0.4 + Math.random() * 0.7) * full));
      child.kill('SIGKILL');
      await exited;
      if (!existsSync(out)) {
        // killed between the two renames: the rule a next run applies first
        expect((await recoverOutput(out)).restored).toMatch(/\.new-\d+$/);
        seen.recovered++;
      }
      const now = filesOf(out);
      if (JSON.stringify(now) === JSON.stringify(a)) seen.old++;
      else { expect(now, `kill ${i}`).toEqual(b); seen.new++; }
      extract(inputB, out);
      expect(filesOf(out)).toEqual(b);
      expect(readdirSync(parent)).toEqual(['out']);
      expect(Object.keys(filesOf(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
    console.log(`kills: ${KILLS}, old dataset ${seen.old}, new ${seen.new} (of which finished by the recovery rule ${seen.recovered}); a full run took ${full} ms`);
  }, 3_600_000);
});
