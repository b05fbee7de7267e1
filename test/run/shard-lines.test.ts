import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from '../../src/run/shard.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shard-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lines(text: string): Promise<string[]> {
  const file = path.join(dir, `f${Math.random()}.jsonl`);
  writeFileSync(file, text, 'utf8');
  const out: string[] = [];
  for await (const l of readLines(file)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('gives back every line, with multi-byte characters and lines across 64 KB reads', async () => {
    // lines of 1 to 200,000 characters, some of them 2- and 4-byte UTF-8, so reads cut inside lines and characters
    const rows = [1, 65_535, 65_536, 3, 200_000, 7].map((n, i) => (i % 2 ? 'é' : '🧬').repeat(n / (i % 2 ? 1 : 2)) + `|${i}`);
    expect(await lines(rows.join('\n') + '\n')).toEqual(rows);
    expect(await lines(rows.join('\n'))).toEqual(rows); // no newline at the end
  });
  it('keeps empty lines and reads an empty file as none', async () => {
    expect(await lines('a\n\nb\n')).toEqual(['a', '', 'b']);
    expect(await lines('')).toEqual([]);
  });
});
