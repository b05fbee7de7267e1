/**
 * Slow (BIOTRIPLES_SLOW=1): the real PubMed XML, PMC BioC and JATS samples in ../shared/formats
 * extract with every span equal to the saved text it points into. Skips when ../shared is absent.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { readRun } from '../../src/export/run.js';
import { checkSpans } from '../../src/export/check-spans.js';

const shared = '../shared/formats';
const slow = process.env.BIOTRIPLES_SLOW === '1' && existsSync(shared);

describe.runIf(slow)('shared format samples', () => {
  it.each([
    ['pubmed-xml', 191],
    ['pmc-bioc', 1],
    ['pmc-nxml', 3],
  ])('%s: %i documents, no errors, every span equals its text, sections from the structure', async (folder, count) => {
    const out = mkdtempSync(path.join(os.tmpdir(), `biotriples-${folder}-`));
    await runPipeline({ input: path.join(shared, folder), out });
    const run = readRun(out);
    expect(run.manifest.errors).toEqual([]);
    expect(run.documents.length).toBe(count);
    const check = checkSpans(run);
    expect(check.problems).toEqual([]);
    expect(check.readable).toBe(count);
    expect(check.spans).toBeGreaterThan(100);
    const sections = new Set(run.triples.map((t) => t.evidence.section));
    expect(sections.has('references')).toBe(false);
    if (folder !== 'pubmed-xml') expect(run.documents.every((d) => d.pmcid?.startsWith('PMC'))).toBe(true);
  }, 180_000);
});
