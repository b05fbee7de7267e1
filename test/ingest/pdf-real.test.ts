/**
 * Real PDFs from ../shared/formats (never copied here), slow suite only (BIOTRIPLES_SLOW=1):
 * hand-made expectations for five papers, and provenance and sections for every shared PDF.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest.js';
import { processDocument } from '../../src/pipeline.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { layoutInNormalized } from '../../src/segment/layout-sections.js';
import { segmentText } from '../../src/segment/segment.js';
import { defaultLexicon, type Lexicon } from '../../src/tag/dictionary.js';
import { defaultClassifier } from '../../src/relate/classifier/load.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import type { DocumentResult } from '../../src/emit/dataset.js';

const SHARED = path.resolve('../shared/formats');
const DEV = path.join(SHARED, 'pdf-dev');
const RUN = existsSync(DEV) && !!process.env.BIOTRIPLES_SLOW;

interface Expectation {
  file: string;
  sections: string[];
  referencesFirst: string;
  referencesLast: string;
  outOfScope: string[];
  absent: string[];
}
const EXPECTATIONS: Expectation[] = JSON.parse(readFileSync('test/fixtures/pdf-layout/expectations.json', 'utf8')).documents;

interface Read { doc: SourceDocument; result: DocumentResult; sentences: { start: number; end: number; section: string; skip: string | null }[] }

let lexicon: Lexicon;
const cache = new Map<string, Read>();
async function read(file: string): Promise<Read> {
  if (!cache.has(file)) {
    const [doc] = (await ingestFile(file)).documents;
    const result = processDocument(doc, lexicon, { classifier: defaultClassifier() });
    const n = normalizeText(doc.text);
    const sentences = segmentText(n.text, layoutInNormalized(doc.layout ?? [], n.map)).map((s) => ({ ...n.map.toOriginal(s.start, s.end), section: s.section, skip: s.skip }));
    cache.set(file, { doc, result, sentences });
  }
  return cache.get(file)!;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const LEGENDS = new Set(['figure legend', 'table legend']);

describe.skipIf(!RUN)('real PDFs (slow)', () => {
  beforeAll(() => { lexicon = defaultLexicon(); });

  describe.each(EXPECTATIONS)('$file', (x) => {
    const file = path.join(DEV, x.file);

    it('finds the sections a reader sees', async () => {
      const { sentences } = await read(file);
      const found = new Set(sentences.map((s) => s.section));
      expect(x.sections.filter((s) => !found.has(s))).toEqual([]);
    }, 120_000);

    it('keeps the reference list out of scope: no mention or triple from it', async () => {
      const { doc, result, sentences } = await read(file);
      const start = doc.text.indexOf(x.referencesFirst);
      const end = doc.text.lastIndexOf(x.referencesLast) + x.referencesLast.length;
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const region = { start, end };
      // legends of figures placed on reference pages are their own section and may speak, but
      // no reference entry may pass for one
      const citation = (s: { start: number; end: number }) => /\((19|20)\d{2}[a-z]?\)|\bet al\.|\b\d{1,4}, \d{1,6}[–-]\d{1,6}\b/.test(doc.text.slice(s.start, s.end));
      expect(sentences.filter((s) => overlaps(s, region) && LEGENDS.has(s.section) && citation(s)).map((s) => doc.text.slice(s.start, s.end))).toEqual([]);
      const inRegion = sentences.filter((s) => overlaps(s, region) && !LEGENDS.has(s.section));
      expect(inRegion.length).toBeGreaterThan(5);
      expect(inRegion.filter((s) => !s.skip).map((s) => doc.text.slice(s.start, s.end))).toEqual([]);
      expect(result.triples.filter((t) => overlaps(t.evidence, region) && !LEGENDS.has(t.evidence.section)).map((t) => t.evidence.text)).toEqual([]);
      expect(result.entities.filter((e) => overlaps(e, region) && !LEGENDS.has(e.section)).map((e) => e.text)).toEqual([]);
    }, 120_000);

    it('keeps acknowledgements, author lists and figure labels out of scope', async () => {
      const { doc, result, sentences } = await read(file);
      for (const s of x.outOfScope) {
        const at = doc.text.indexOf(s);
        expect(at, s).toBeGreaterThanOrEqual(0);
        const region = { start: at, end: at + s.length };
        expect(sentences.filter((t) => overlaps(t, region)).every((t) => t.skip), s).toBe(true);
        expect(result.triples.filter((t) => overlaps(t.evidence, region)), s).toEqual([]);
        expect(result.entities.filter((e) => overlaps(e, region)), s).toEqual([]);
      }
    }, 120_000);

    it('has no running header, stamp or line number inside any sentence', async () => {
      const { doc, sentences } = await read(file);
      for (const s of x.absent) expect(sentences.filter((t) => doc.text.slice(t.start, t.end).includes(s)).map((t) => doc.text.slice(t.start, t.end)), s).toEqual([]);
    }, 120_000);
  });

  const all = ['pdf', 'pdf-dev'].flatMap((d) => (existsSync(path.join(SHARED, d)) ? readdirSync(path.join(SHARED, d)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(SHARED, d, f)) : []));
  it.each(all)('%s: sections, exact provenance, no triple from out-of-scope text', async (file) => {
    const { doc, result, sentences } = await read(file);
    const named = new Set(sentences.filter((s) => !s.skip).map((s) => s.section));
    expect([...named].filter((s) => s !== 'front matter').length).toBeGreaterThanOrEqual(3);
    expect(named.has('references')).toBe(false);
    for (const e of result.entities) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    for (const t of result.triples) {
      expect(doc.text.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
      expect(doc.text.slice(t.subject.start, t.subject.end)).toBe(t.subject.text);
      expect(doc.text.slice(t.object.start, t.object.end)).toBe(t.object.text);
      expect(['references', 'acknowledgements', 'front matter', 'declarations']).not.toContain(t.evidence.section);
    }
    const skipped = sentences.filter((s) => s.skip);
    for (const t of result.triples) expect(skipped.some((s) => overlaps(s, t.evidence) && s.start === t.evidence.start)).toBe(false);
  }, 120_000);
});
