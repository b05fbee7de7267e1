import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { buildLexicon, defaultLexicon } from '../src/tag/dictionary.js';
import { termKey } from '../src/tag/tokens.js';

const readJsonl = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-'));

describe('pipeline on the seed corpus', () => {
  const outA = tmp();
  const outB = tmp();
  beforeAll(async () => {
    await runPipeline({ input: 'corpus', out: outA });
    await runPipeline({ input: 'corpus', out: outB, concurrency: 1 });
  }, 120_000);

  it('writes every dataset file', () => {
    for (const f of ['entities.jsonl', 'triples.jsonl', 'statements.jsonl', 'documents.jsonl', 'manifest.json', 'annotations.pubtator'])
      expect(existsSync(path.join(outA, f)), f).toBe(true);
  });

  it('every entity, argument and evidence span is a slice of the original text', () => {
    const docs = new Map(readJsonl(path.join(outA, 'documents.jsonl')).map((d) => [d.id, readFileSync(d.source, 'utf8')]));
    const entities = readJsonl(path.join(outA, 'entities.jsonl'));
    const triples = readJsonl(path.join(outA, 'triples.jsonl'));
    expect(entities.length).toBeGreaterThan(500);
    expect(triples.length).toBeGreaterThan(20);
    for (const e of entities) expect(docs.get(e.doc)!.slice(e.start, e.end), e.id).toBe(e.text);
    for (const t of triples)
      for (const span of [t.subject, t.object, t.evidence]) {
        expect(docs.get(t.doc)!.slice(span.start, span.end)).toBe(span.text);
        expect(span.start >= t.evidence.start && span.end <= t.evidence.end).toBe(true);
      }
  });

  it('is deterministic: byte-identical dataset files across runs and concurrency levels', () => {
    for (const f of ['entities.jsonl', 'triples.jsonl', 'statements.jsonl', 'documents.jsonl', 'manifest.json', 'annotations.pubtator'])
      expect(readFileSync(path.join(outB, f), 'utf8'), f).toBe(readFileSync(path.join(outA, f), 'utf8'));
  });

  it('passes the shared data-contract checker when it is available', () => {
    const checker = path.resolve('../shared/tools/check-dataset.mjs');
    if (!existsSync(checker)) return;
    const out = execFileSync(process.execPath, [checker, outA, outB], { encoding: 'utf8' });
    expect(out).toMatch(/^ok:/m);
  });

  it('dictionary acceptance on the seed corpus: stop list, HER2 spellings, ERK, trastuzumab deruxtecan', () => {
    const entities = readJsonl(path.join(outA, 'entities.jsonl'));
    const { stopKeys } = defaultLexicon();
    expect(entities.filter((e) => stopKeys.has(termKey(e.text))).map((e) => e.text)).toEqual([]);
    const her2 = entities.filter((e) => e.type === 'gene' && /^(p95-?)?(HER[-? ]?2(\/neu)?|ErbB-?2|ERBB2|c-erbB-2|p185)$/i.test(e.text));
    expect(new Set(her2.map((e) => e.text)).size).toBeGreaterThanOrEqual(6);
    expect(her2.filter((e) => e.norm !== 'NCBIGene:2064')).toEqual([]);
    expect(entities.filter((e) => /\bERK/.test(e.text) && e.norm === 'NCBIGene:2048')).toEqual([]);
    const tdxd = entities.filter((e) => /^(T-DXd|DS-8201a?|Enhertu)$/i.test(e.text));
    expect(new Set(tdxd.map((e) => e.text))).toEqual(new Set(['T-DXd', 'DS-8201a', 'Enhertu']));
    expect(new Set(tdxd.map((e) => e.norm))).toEqual(new Set(['DrugBank:DB14962']));
  });

  it('records sources, checksums and counts in the manifest, without timings', () => {
    const manifest = JSON.parse(readFileSync(path.join(outA, 'manifest.json'), 'utf8'));
    expect(manifest.documents).toEqual({ ok: 5, error: 0 });
    expect(manifest.dictionaries.map((d: { file: string }) => d.file)).toEqual(expect.arrayContaining(['genes.tsv', 'drugs.tsv', 'pathways.tsv']));
    expect(JSON.stringify(manifest)).not.toMatch(/time|duration|elapsed/i);
  });
});

describe('pipeline on bad input', () => {
  it('records each bad file with its reason and still writes the good one', async () => {
    const out = tmp();
    const summary = await runPipeline({ input: 'test/fixtures/bad', out, lexicon: buildLexicon('test/fixtures/dictionaries') });
    expect(summary.documents).toBe(1);
    expect(summary.failed.map((f) => `${path.basename(f.file)}:${f.code}`).sort()).toEqual(['broken.pdf:pdf-parse', 'dangling.txt:symlink', 'empty.txt:empty', 'junk.txt:binary', 'notes.docx:unknown-format']);
    const docs = readJsonl(path.join(out, 'documents.jsonl'));
    expect(docs.find((d) => d.source.endsWith('good.txt')).status).toBe('ok');
    expect(docs.filter((d) => d.status === 'error')).toHaveLength(5);
    const triples = readJsonl(path.join(out, 'triples.jsonl'));
    expect(triples.map((t) => `${t.subject.text} ${t.predicate} ${t.object.text}`)).toEqual(['Lapatinib inhibits HER2']);
    expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).errors).toHaveLength(5);
  });

  it('reads PDF and PubTator inputs end to end and keeps the PDF text for provenance', async () => {
    const out = tmp();
    const summary = await runPipeline({ input: 'test/fixtures/inputs', out, lexicon: buildLexicon('test/fixtures/dictionaries') });
    expect(summary.failed).toEqual([]);
    const docs = readJsonl(path.join(out, 'documents.jsonl'));
    expect(docs.map((d) => d.id).sort()).toEqual(['111', '222', 'excerpt', 'paper', 'plain']);
    const pdfText = readFileSync(path.join(out, 'texts', 'excerpt.txt'), 'utf8');
    for (const e of readJsonl(path.join(out, 'entities.jsonl')).filter((x) => x.doc === 'excerpt')) expect(pdfText.slice(e.start, e.end)).toBe(e.text);
    const pubtator = readFileSync(path.join(out, 'annotations.pubtator'), 'utf8');
    expect(pubtator).toContain('111\t0\t9\tNeratinib\tChemicalEntity\tDrugBank:DB11828');
    // nothing from the reference list of paper.md
    const triples = readJsonl(path.join(out, 'triples.jsonl')).filter((t) => t.doc === 'paper');
    expect(triples.map((t) => t.predicate)).toEqual(['targets']);
  });
});
