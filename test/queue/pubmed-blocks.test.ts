import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest.js';
import { BlockChanged, readBlockDocuments, splitPubmedFile } from '../../src/queue/pubmed-blocks.js';

const FIXTURE = 'test/fixtures/formats/pubmed-articles.xml';
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-blocks-'));

async function blockDocs(file: string, size: number) {
  const split = (await splitPubmedFile(file, size))!;
  const docs = [];
  for (const b of split.blocks) docs.push(...(await readBlockDocuments(file, file, split, b)));
  return { split, docs };
}

describe('PubMed XML as blocks of records', () => {
  it('gives the documents whole-file ingest gives, for any block size, plain or gzip', async () => {
    const dir = tmp();
    const gz = path.join(dir, 'pubmed-articles.xml.gz');
    writeFileSync(gz, gzipSync(readFileSync(FIXTURE)));
    for (const file of [FIXTURE, gz]) {
      const whole = (await ingestFile(file)).documents.map(({ id, text, pmid, outline, sha256 }) => ({ id, text, pmid, outline, sha256 }));
      for (const size of [1, 2, 50]) {
        const { split, docs } = await blockDocs(file, size);
        expect(split.blocks.length).toBe(Math.ceil(3 / size));
        expect(docs.map(({ id, text, pmid, outline, sha256 }) => ({ id, text, pmid, outline, sha256 }))).toEqual(whole);
      }
    }
  });

  it('numbers a PMID repeated across blocks as ingest does (PMID-2, PMID-3)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'twice.xml');
    const xml = readFileSync(FIXTURE, 'utf8');
    const first = xml.match(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/)![0];
    writeFileSync(file, xml.replace('</PubmedArticleSet>', `${first}\n</PubmedArticleSet>`));
    const { docs } = await blockDocs(file, 1);
    expect(docs.map((d) => d.id)).toEqual((await ingestFile(file)).documents.map((d) => d.id));
    expect(docs.at(-1)!.id).toBe('11111111-3');
  });

  it('leaves files to whole-file ingest when they are not PubMed or not well formed', async () => {
    expect(await splitPubmedFile('test/fixtures/formats/broken.xml', 1)).toBeUndefined();
    expect(await splitPubmedFile('test/fixtures/formats/bioc-article.xml', 1)).toBeUndefined();
    expect(await splitPubmedFile('test/fixtures/formats/unknown-root.xml', 1)).toBeUndefined();
  });

  it('refuses a block of a file that changed since it was planned', async () => {
    const dir = tmp();
    const file = path.join(dir, 'pubmed-articles.xml');
    copyFileSync(FIXTURE, file);
    const split = (await splitPubmedFile(file, 1))!;
    appendFileSync(file, '<!-- revised -->\n');
    await expect(readBlockDocuments(file, file, split, split.blocks[0])).rejects.toThrow(BlockChanged);
  });
});
