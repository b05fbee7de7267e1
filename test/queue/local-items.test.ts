import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { defaultClassifier } from '../../src/relate/classifier/load.js';
import { DEFAULT_LIMITS, type InputLimits } from '../../src/ingest/limits.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { planRun, runSettings } from '../../src/queue/plan.js';
import { decodeShard, encodeShard, runItem } from '../../src/queue/run-item.js';
import { mergeShards } from '../../src/queue/merge.js';
import { readShardHeader } from '../../src/run/shard.js';
import type { FailedInput } from '../../src/emit/dataset.js';

const DATASET = ['entities.jsonl', 'triples.jsonl', 'statements.jsonl', 'documents.jsonl', 'manifest.json', 'annotations.pubtator'];

type Plan = Awaited<ReturnType<typeof planRun>>;

/** The queue's parts without Redis: plan → every item run alone (in reverse, as a worker may) → merge. */
async function queuedRun(input: string, limits: InputLimits, dir: string): Promise<Plan> {
  const lexicon = defaultLexicon();
  const classifier = defaultClassifier();
  const settings = runSettings(lexicon, classifier, 'tagger', limits);
  const plan = await planRun({ input, settings, blockRecords: 1 });
  // shards pass through the Redis encoding
  const shards = path.join(dir, 'shards');
  mkdirSync(shards);
  for (const [index, item] of [...plan.items.entries()].reverse()) {
    const file = path.join(shards, `${index}.jsonl`);
    await runItem(item, { settings, lexicon, classifier }, file);
    writeFileSync(file, decodeShard(encodeShard(readFileSync(file))));
  }
  const failed: FailedInput[] = [...plan.problems];
  const merge = [];
  for (const [index, item] of plan.items.entries()) {
    const shard = path.join(shards, `${index}.jsonl`);
    const header = await readShardHeader(shard);
    failed.push(...header.failures);
    if (header.records.length) merge.push({ index, file: item.source, shard });
  }
  await mergeShards(plan, merge, failed, { out: path.join(dir, 'queued'), ledger: 'curation/ledger.jsonl' }, path.join(dir, 'merge'));
  return plan;
}

function expectSameDataset(queued: string, local: string): void {
  for (const f of DATASET) expect(readFileSync(path.join(queued, f), 'utf8'), f).toBe(readFileSync(path.join(local, f), 'utf8'));
  expect(readdirSync(path.join(queued, 'texts')).sort()).toEqual(readdirSync(path.join(local, 'texts')).sort());
}

describe('a run cut into work items gives the local dataset', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-queue-'));
  const input = path.join(dir, 'input');
  const local = path.join(dir, 'local');
  const queued = path.join(dir, 'queued');
  let plan: Plan;
  beforeAll(async () => {
    mkdirSync(path.join(input, 'more'), { recursive: true });
    for (const f of ['paper.md', 'plain.txt', 'abstracts.pubtator']) copyFileSync(`test/fixtures/inputs/${f}`, path.join(input, f));
    copyFileSync('test/fixtures/formats/pubmed-articles.xml', path.join(input, 'pubmed-articles.xml'));
    // the same records again: their PMIDs are taken, so they become duplicate-id failures, as locally
    copyFileSync('test/fixtures/formats/pubmed-articles.xml', path.join(input, 'more', 'pubmed-articles.xml'));
    copyFileSync('test/fixtures/formats/broken.xml', path.join(input, 'broken.xml'));
    copyFileSync('test/fixtures/bad/empty.txt', path.join(input, 'empty.txt'));
    const rel = path.relative(process.cwd(), input);
    await runPipeline({ input: rel, out: local, concurrency: 2, ledger: 'curation/ledger.jsonl' });
    plan = await queuedRun(rel, DEFAULT_LIMITS, dir);
  }, 120_000);

  it('cuts PubMed XML into blocks of records and other files into one item each', () => {
    const blocks = plan.items.filter((i) => i.block);
    expect(blocks.length).toBe(6);
    expect(blocks.every((b) => b.block!.ids.length === 1)).toBe(true);
    expect(plan.items.filter((i) => !i.block).map((i) => path.basename(i.path)).sort()).toEqual(['abstracts.pubtator', 'broken.xml', 'empty.txt', 'paper.md', 'plain.txt']);
    expect(new Set(plan.items.map((i) => i.key)).size).toBe(plan.items.length);
  });

  it('writes byte-identical dataset files, failures included', () => {
    expectSameDataset(queued, local);
    const docs = readFileSync(path.join(queued, 'documents.jsonl'), 'utf8');
    expect(docs).toMatch(/duplicate-id/);
    expect(docs).toMatch(/XML is not well formed/);
  });

  it('keys an item by its content and settings: the same plan twice gives the same keys', async () => {
    const again = await planRun({ input: plan.input, settings: plan.settings, blockRecords: 1 });
    expect(again.items.map((i) => i.key)).toEqual(plan.items.map((i) => i.key));
    const rulesOnly = await planRun({ input: plan.input, settings: { ...plan.settings, model: null }, blockRecords: 1 });
    expect(rulesOnly.items.map((i) => i.key).filter((k) => plan.items.some((i) => i.key === k))).toEqual([]);
  });
});

describe('limits hold in a queued run as in a local one', () => {
  it('a gzip file inflating past the cap and a record past the character cap fail alone, with the local rows', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-queue-limits-'));
    const input = path.join(dir, 'input');
    mkdirSync(path.join(input, 'gz'), { recursive: true });
    const xml = readFileSync('test/fixtures/formats/pubmed-articles.xml');
    writeFileSync(path.join(input, 'pubmed-articles.xml'), xml);
    writeFileSync(path.join(input, 'gz', 'pubmed-articles.xml.gz'), gzipSync(xml));
    // the cap falls between the records' lengths: some are processed, the longest are not
    const lengths = (await ingestFile(path.join(input, 'pubmed-articles.xml'))).documents.map((d) => d.text.length).sort((a, b) => a - b);
    const limits: InputLimits = { ...DEFAULT_LIMITS, maxDocumentChars: lengths[Math.floor(lengths.length / 2)], maxInflatedBytes: xml.length - 1 };
    const rel = path.relative(process.cwd(), input);
    await runPipeline({ input: rel, out: path.join(dir, 'local'), concurrency: 1, ledger: 'curation/ledger.jsonl', limits });
    const plan = await queuedRun(rel, limits, dir);
    expect(plan.items.filter((i) => i.block).length).toBe(lengths.length);
    const docs = readFileSync(path.join(dir, 'queued', 'documents.jsonl'), 'utf8');
    expect(docs).toMatch(/gzip file inflates to more than the limit/);
    expect(docs).toMatch(/characters, more than the limit of/);
    expectSameDataset(path.join(dir, 'queued'), path.join(dir, 'local'));
  }, 120_000);
});
