import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { splitInHalves } from '../../src/bench/ceiling.js';

let work: string | undefined;
afterEach(() => { if (work) rmSync(work, { recursive: true, force: true }); });

describe('splitInHalves', () => {
  it('hard-links the files alternately into two folders, every file once', () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'ceiling-'));
    const set = path.join(work, 'set');
    mkdirSync(set);
    for (const f of ['c.pubtator', 'a.pubtator', 'b.pubtator', 'd.pubtator', 'e.pubtator']) writeFileSync(path.join(set, f), f);
    const [a, b] = splitInHalves(set, path.join(work, 'halves'));
    expect(readdirSync(a).sort()).toEqual(['a.pubtator', 'c.pubtator', 'e.pubtator']);
    expect(readdirSync(b).sort()).toEqual(['b.pubtator', 'd.pubtator']);
    // hard links, not symbolic ones (extract refuses those) and not copies
    const linked = statSync(path.join(a, 'a.pubtator'));
    expect(linked.isFile()).toBe(true);
    expect(linked.nlink).toBe(2);
  });
});
