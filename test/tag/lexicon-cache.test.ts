import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildLexicon, type Lexicon } from '../../src/tag/dictionary.js';
import { cacheDir, DEFAULT_CACHE_DIR } from '../../src/tag/lexicon-cache.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const FIXTURES = 'test/fixtures/dictionaries';
const TEXT = 'HER2-positive breast cancer treated with trastuzumab and the PI3K/AKT pathway; CAT levels rose, her2 and p95HER2 fell.';
const tmp = mkdtempSync(path.join(tmpdir(), 'lexicon-cache-'));
let n = 0;
const freshDir = () => path.join(tmp, `c${n++}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => { vi.unstubAllEnvs(); });

const tag = (lexicon: Lexicon) => tagEntities(TEXT, segmentText(TEXT), lexicon).map((m) => `${TEXT.slice(m.start, m.end)}=${m.norm}`);
const reference = buildLexicon(FIXTURES, { cache: false });

describe('lexicon cache', () => {
  it('writes the compiled automaton once, then loads it with the same tags, stop keys and file info', () => {
    const dir = freshDir();
    const first = buildLexicon(FIXTURES, { cache: dir });
    expect(first.cache).toMatchObject({ hit: false, written: true });
    expect(path.dirname(first.cache!.file)).toBe(dir);
    expect(path.basename(first.cache!.file)).toMatch(/^lexicon-[0-9a-f]{16}\.bin$/);
    const second = buildLexicon(FIXTURES, { cache: dir });
    expect(second.cache).toEqual({ file: first.cache!.file, hit: true, written: false });
    expect(tag(second)).toEqual(tag(reference));
    expect(tag(reference)).toContain('trastuzumab=DrugBank:DB00072');
    expect(second.stopKeys).toEqual(reference.stopKeys);
    expect(second.files).toEqual(reference.files);
    expect([second.automaton.terms, second.automaton.size]).toEqual([reference.automaton.terms, reference.automaton.size]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['truncated', (f: string) => truncateSync(f, Math.floor(readFileSync(f).length / 2))],
    ['damaged mid-file', (f: string) => { const b = readFileSync(f); b[b.length >> 1] ^= 0xff; writeFileSync(f, b); }],
    ['damaged metadata', (f: string) => { const b = readFileSync(f); b[45] ^= 0x01; writeFileSync(f, b); }],
    ['empty', (f: string) => writeFileSync(f, '')],
  ])('a %s cache file falls back to building and is overwritten', (_label, corrupt) => {
    const dir = freshDir();
    const file = buildLexicon(FIXTURES, { cache: dir }).cache!.file;
    corrupt(file);
    const rebuilt = buildLexicon(FIXTURES, { cache: dir });
    expect(rebuilt.cache).toEqual({ file, hit: false, written: true });
    expect(tag(rebuilt)).toEqual(tag(reference));
    expect(buildLexicon(FIXTURES, { cache: dir }).cache?.hit).toBe(true);
  });

  it('changes the key when a dictionary file or the stop list changes', () => {
    const dicts = path.join(tmp, 'dicts');
    cpSync(FIXTURES, dicts, { recursive: true });
    const dir = freshDir();
    const before = buildLexicon(dicts, { cache: dir });
    appendFileSync(path.join(dicts, 'genes.tsv'), 'KRAS\tNCBIGene:3845\tKRAS\texact\tsymbol\n');
    const genes = buildLexicon(dicts, { cache: dir });
    expect(genes.cache).toMatchObject({ hit: false, written: true });
    expect(genes.cache!.file).not.toBe(before.cache!.file);
    expect(genes.automaton.scan('KRAS').map((m) => m.entries[0].norm)).toEqual(['NCBIGene:3845']);
    appendFileSync(path.join(dicts, 'stoplist.tsv'), 'EGF\tgene\ttest\n');
    const stop = buildLexicon(dicts, { cache: dir });
    expect(stop.cache!.file).not.toBe(genes.cache!.file);
    expect(stop.cache!.hit).toBe(false);
    expect(stop.stopKeys.has('egf')).toBe(true);
  });

  it.each(['rodent-genes.tsv', 'family-members.tsv'])('lists %s, read beside the automaton, with its checksum, and a change to it changes the key', (file) => {
    const dicts = path.join(tmp, `dicts-${file}`);
    cpSync(FIXTURES, dicts, { recursive: true });
    cpSync(path.join('dictionaries', file), path.join(dicts, file));
    const dir = freshDir();
    const before = buildLexicon(dicts, { cache: dir });
    expect(before.files.map((f) => f.file)).toContain(file);
    appendFileSync(path.join(dicts, file), '# edited\n');
    const after = buildLexicon(dicts, { cache: dir });
    expect(after.cache).toMatchObject({ hit: false, written: true });
    expect(after.files.find((f) => f.file === file)!.sha256).not.toBe(before.files.find((f) => f.file === file)!.sha256);
  });

  it('finds the cache by the files\' stat signature, without hashing them, and still notices an edit that keeps size and mtime', () => {
    const dicts = path.join(tmp, 'dicts-stat');
    cpSync(FIXTURES, dicts, { recursive: true });
    const dir = freshDir();
    const first = buildLexicon(dicts, { cache: dir });
    const index = JSON.parse(readFileSync(path.join(dir, 'lexicon-index.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(index)).toHaveLength(1);
    expect(first.cache!.file).toContain(Object.values(index)[0].slice(0, 16));
    expect(buildLexicon(dicts, { cache: dir }).cache).toMatchObject({ file: first.cache!.file, hit: true });
    // same length, same mtime, other content: only the change time tells
    const genes = path.join(dicts, 'genes.tsv');
    const { mtime, atime } = statSync(genes);
    writeFileSync(genes, readFileSync(genes, 'utf8').replace('HER2', 'HER3'));
    utimesSync(genes, atime, mtime);
    const edited = buildLexicon(dicts, { cache: dir });
    expect(edited.cache).toMatchObject({ hit: false, written: true });
    expect(edited.cache!.file).not.toBe(first.cache!.file);
    expect(edited.automaton.scan('HER3').length).toBeGreaterThan(0);
  });

  it('verifies a cache file\'s checksum once per file state, and again after any write to it', () => {
    const dir = freshDir();
    const file = buildLexicon(FIXTURES, { cache: dir }).cache!.file;
    const checked = () => Object.keys(JSON.parse(readFileSync(path.join(dir, 'lexicon-index.json'), 'utf8'))).filter((k) => k.startsWith('checked:'));
    expect(checked()).toEqual([]);
    expect(buildLexicon(FIXTURES, { cache: dir }).cache?.hit).toBe(true);
    const [first] = checked();
    expect(checked()).toHaveLength(1);
    expect(buildLexicon(FIXTURES, { cache: dir }).cache?.hit).toBe(true);
    // each load touches the file (pruning order) and remembers only its newest state
    expect(checked()).toHaveLength(1);
    expect(checked()[0]).not.toBe(first);
    const b = readFileSync(file);
    b[b.length >> 1] ^= 0xff;
    writeFileSync(file, b);
    expect(buildLexicon(FIXTURES, { cache: dir }).cache).toEqual({ file, hit: false, written: true });
  });

  it('a damaged stat index is ignored', () => {
    const dir = freshDir();
    const file = buildLexicon(FIXTURES, { cache: dir }).cache!.file;
    writeFileSync(path.join(dir, 'lexicon-index.json'), '{not json');
    expect(buildLexicon(FIXTURES, { cache: dir }).cache).toEqual({ file, hit: true, written: false });
    expect(buildLexicon(FIXTURES, { cache: dir }).cache).toEqual({ file, hit: true, written: false });
  });

  it('keeps only a few cache files per directory', () => {
    const dir = freshDir();
    buildLexicon(FIXTURES, { cache: dir });
    for (let i = 0; i < 6; i++) {
      const stale = path.join(dir, `lexicon-${String(i).repeat(16)}.bin`);
      writeFileSync(stale, 'old');
      utimesSync(stale, new Date(2000, 0, 1 + i), new Date(2000, 0, 1 + i));
    }
    const dicts = path.join(tmp, 'dicts-prune');
    cpSync(FIXTURES, dicts, { recursive: true });
    appendFileSync(path.join(dicts, 'drugs.tsv'), 'tucatinib\tDrugBank:DB11652\tTucatinib\tfold\tdrugbank\n');
    const written = buildLexicon(dicts, { cache: dir }).cache!.file;
    const left = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(left).toHaveLength(4);
    expect(left).toContain(path.basename(written));
    expect(left).toContain('lexicon-5555555555555555.bin');
    expect(left).not.toContain('lexicon-0000000000000000.bin');
  });

  it('never fails the build when the cache cannot be written', () => {
    const notADir = path.join(tmp, 'a-file');
    writeFileSync(notADir, 'x');
    const lexicon = buildLexicon(FIXTURES, { cache: path.join(notADir, 'cache') });
    expect(lexicon.cache).toMatchObject({ hit: false, written: false });
    expect(tag(lexicon)).toEqual(tag(reference));
  });

  it('is off with cache: false or BIOTRIPLES_LEXICON_CACHE=0; an explicit directory still wins', () => {
    expect(buildLexicon(FIXTURES, { cache: false }).cache).toBeUndefined();
    vi.stubEnv('BIOTRIPLES_LEXICON_CACHE', '1');
    expect(cacheDir(undefined)).toBe(DEFAULT_CACHE_DIR);
    vi.stubEnv('BIOTRIPLES_LEXICON_CACHE', '0');
    expect(cacheDir(undefined)).toBeUndefined();
    expect(buildLexicon(FIXTURES).cache).toBeUndefined();
    expect(cacheDir(tmp)).toBe(tmp);
  });
});
