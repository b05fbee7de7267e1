import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DictionaryEntry, TermAutomaton } from '../../src/tag/automaton.js';
import { DICTIONARY_DIR, DICTIONARY_FILES, buildLexicon, parseDictionary } from '../../src/tag/dictionary.js';

const SENTENCES = [
  'HER2-positive breast cancer treated with trastuzumab and the PI3K/AKT pathway',
  'Akt and c-kit',
  'Human epidermal growth factor receptor 2 (HER2) and p95HER2; her2 is not HER2, CAT is stop-listed; EGFR/HER1, ER and ESR1.',
];
const CORPUS = readdirSync('corpus').filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(path.join('corpus', f), 'utf8'));
/** the longest paragraph of the corpus, a realistic dense text */
const PARAGRAPH = CORPUS.flatMap((t) => t.split('\n')).reduce((a, b) => (b.length > a.length ? b : a), '');

/** Dictionary terms as one text: all of them, or the first and last rows and every 97th of each file */
function termText(dir: string, sample = false): string {
  return Object.keys(DICTIONARY_FILES).flatMap((f) => {
    const rows = parseDictionary(readFileSync(path.join(dir, f), 'utf8'));
    return rows.filter((_, i) => !sample || i < 200 || i >= rows.length - 200 || i % 97 === 0).map((r) => r.term);
  }).join(' ; ');
}
const scanAll = (a: TermAutomaton, texts: string[]) => texts.map((t) => a.scan(t));
const roundTrip = (a: TermAutomaton) => TermAutomaton.fromSnapshot(a.snapshot());

describe('TermAutomaton snapshot', () => {
  it('round-trips the fixture lexicon: same terms, size and scans', () => {
    const fresh = buildLexicon('test/fixtures/dictionaries', { cache: false }).automaton;
    const loaded = roundTrip(fresh);
    expect([loaded.terms, loaded.size]).toEqual([fresh.terms, fresh.size]);
    const texts = [...SENTENCES, termText('test/fixtures/dictionaries')];
    const expected = scanAll(fresh, texts);
    expect(expected.flat().length).toBeGreaterThan(fresh.terms);
    expect(scanAll(loaded, texts)).toEqual(expected);
    // decoding rebuilds the tables in their original order, so re-encoding is byte-identical
    expect(loaded.snapshot().equals(fresh.snapshot())).toBe(true);
    // a loaded automaton keeps growing like a fresh one
    for (const a of [fresh, loaded]) a.add('KRAS', { type: 'gene', norm: 'NCBIGene:3845', name: 'KRAS', case: 'exact', source: 't' });
    expect(scanAll(loaded, ['KRAS and HER2'])).toEqual(scanAll(fresh, ['KRAS and HER2']));
    expect(loaded.size).toBe(fresh.size);
  });

  it('keeps every own property of an entry, including fields added later and undefined values', () => {
    const a = new TermAutomaton();
    const extra = { taxon: 9606, xrefs: ['HGNC:3430'], note: undefined, flag: null };
    a.add('HER2', { type: 'gene', norm: 'NCBIGene:2064', name: 'ERBB2', case: 'exact', source: 't', ...extra } as Omit<DictionaryEntry, 'form'>);
    a.add('HER-2', { type: 'gene', norm: 'NCBIGene:2064', name: 'ERBB2', case: 'exact', source: 't' });
    a.add('Akt', { type: 'gene', norm: 'FPLX:AKT', name: 'AKT', case: 'shape', source: 'famplex' });
    const loaded = roundTrip(a);
    const [m] = loaded.scan('HER2');
    expect(m.entries).toEqual(a.scan('HER2')[0].entries);
    expect(m.entries[0]).toMatchObject({ taxon: 9606, xrefs: ['HGNC:3430'], flag: null, form: 'HER2' });
    expect(Object.keys(m.entries[0])).toEqual(Object.keys(a.scan('HER2')[0].entries[0]));
    expect('note' in m.entries[0]).toBe(true);
    expect(scanAll(loaded, ['AKT Akt akt HER-2'])).toEqual(scanAll(a, ['AKT Akt akt HER-2']));
  });

  it('round-trips an empty automaton', () => {
    const loaded = roundTrip(new TermAutomaton());
    expect([loaded.terms, loaded.size, loaded.scan('HER2')]).toEqual([0, 1, []]);
  });

  it('rejects truncated, damaged and foreign buffers instead of loading wrong tables', () => {
    const bin = buildLexicon('test/fixtures/dictionaries', { cache: false }).automaton.snapshot();
    const flipped = Buffer.from(bin);
    flipped[bin.length - 100] ^= 0x10;
    expect(() => TermAutomaton.fromSnapshot(bin.subarray(0, bin.length - 8))).toThrow(/truncated/);
    expect(() => TermAutomaton.fromSnapshot(flipped)).toThrow(/checksum/);
    expect(() => TermAutomaton.fromSnapshot(Buffer.from('term\tnorm\n'))).toThrow(/not an automaton snapshot/);
    // an unaligned copy (as from a larger file read) still decodes
    const unaligned = Buffer.alloc(bin.length + 3);
    bin.copy(unaligned, 3);
    expect(TermAutomaton.fromSnapshot(unaligned.subarray(3)).terms).toBe(TermAutomaton.fromSnapshot(bin).terms);
  });

  it('round-trips the real dictionaries: corpus scans deep-equal the freshly built automaton', () => {
    const fresh = buildLexicon(DICTIONARY_DIR, { cache: false }).automaton;
    const loaded = roundTrip(fresh);
    expect([loaded.terms, loaded.size]).toEqual([fresh.terms, fresh.size]);
    const texts = [...SENTENCES, PARAGRAPH, ...CORPUS, termText(DICTIONARY_DIR, true)];
    const expected = scanAll(fresh, texts);
    expect(expected[0].map((m) => SENTENCES[0].slice(m.start, m.end))).toEqual(expect.arrayContaining(['HER2', 'trastuzumab', 'PI3K/AKT pathway']));
    expect(expected[1].length).toBeGreaterThanOrEqual(2);
    expect(PARAGRAPH.length).toBeGreaterThan(1000);
    expect(scanAll(loaded, texts)).toEqual(expected);
  }, 60_000);
});
