/**
 * Slow (BIOTRIPLES_SLOW=1): the real PubMed XML, PMC BioC and JATS samples in ../shared/formats
 * extract with every span equal to the saved text it points into. Skips when ../shared is absent.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { readRun } from '../../src/export/run.js';
import { checkSpans } from '../../src/export/check-spans.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { at, descendants, parseXml, textContent } from '../../src/ingest/xml.js';

const shared = '../shared/formats';
const checker = path.resolve('../shared/tools/check-dataset.mjs');

/**
 * The shared checker reads each document's original from its `source` path (here the XML), so it
 * runs on a copy of the run whose documents point at the saved texts instead: an independent
 * second check of the same spans. Returns its summary line.
 */
function sharedCheck(run: ReturnType<typeof readRun>): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'biotriples-check-'));
  for (const f of ['entities.jsonl', 'triples.jsonl', 'manifest.json']) copyFileSync(path.join(run.dir, f), path.join(copy, f));
  const docs = run.documents.map((d) => JSON.stringify({ ...d, source: path.resolve(run.dir, d.textFile!) }));
  writeFileSync(path.join(copy, 'documents.jsonl'), docs.join('\n') + '\n');
  return execFileSync(process.execPath, [checker, copy], { encoding: 'utf8' }).trim().split('\n').pop()!;
}
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
    if (existsSync(checker)) expect(sharedCheck(run)).toMatch(new RegExp(`^ok: ${count} documents, .* ${check.spans} spans checked against original text \\(${count} documents readable\\)`));
    const sections = new Set(run.triples.map((t) => t.evidence.section));
    expect(sections.has('references')).toBe(false);
    if (folder !== 'pubmed-xml') expect(run.documents.every((d) => d.pmcid?.startsWith('PMC'))).toBe(true);
  }, 180_000);
});

describe.runIf(slow)('shared BioC article', () => {
  it('every passage sits at its BioC offset in the document text (81 passages)', async () => {
    const file = path.join(shared, 'pmc-bioc/PMC9586773.BioC.xml');
    const [doc] = (await ingestFile(file)).documents;
    const passages = descendants(parseXml(readFileSync(file, 'utf8')), 'passage')
      .map((p) => ({ offset: Number(textContent(at(p, 'offset'))), text: textContent(at(p, 'text')) }))
      .filter((p) => p.text.trim());
    expect(passages.length).toBe(81);
    for (const p of passages) expect(doc.text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });
});
