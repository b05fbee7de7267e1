import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchText, readSetTexts, textChars, writeAbstractSet } from '../../src/bench/abstracts.js';
import { ingestFile } from '../../src/ingest/ingest.js';

const ABSTRACTS = [
  { id: '111', title: 'Lapatinib inhibits HER2.', abstract: 'HER2 is amplified in breast cancer.' },
  { id: '222', title: 'TP53 mutations.', abstract: 'R175H is a hotspot.' },
];
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'bench-abstracts-'));

describe('bench text sets', () => {
  it('repeats the abstracts with fresh ids until the size is reached, in PubTator files extract reads', async () => {
    const dir = tmp();
    const set = writeAbstractSet(dir, ABSTRACTS, 150, 2);
    expect(set.chars).toBeGreaterThanOrEqual(150);
    expect(set.documents).toBe(3);
    expect(set.files).toBe(2);
    const ids: string[] = [];
    for (const f of readdirSync(dir).sort()) {
      const { documents, problems } = await ingestFile(path.join(dir, f));
      expect(problems).toEqual([]);
      ids.push(...documents.map((d) => d.id));
    }
    expect(ids).toEqual(['111', '222', '111-r2']);
    const texts = readSetTexts(dir);
    expect(texts[2]).toBe('Lapatinib inhibits HER2. HER2 is amplified in breast cancer.');
    expect(texts.reduce((n, t) => n + t.length, 0)).toBe(set.chars);
    expect(textChars(ABSTRACTS[0])).toBe(texts[0].length);
  });

  it('falls back to the seed corpus, with a warning, when ../shared is absent', () => {
    const text = loadBenchText(path.join(tmp(), 'no-shared'));
    expect(text.warning).toMatch(/not found/);
    expect(text.abstracts.length).toBeGreaterThan(0);
    expect(text.abstracts.every((a) => !/\n/.test(a.title + a.abstract))).toBe(true);
  });
});
