import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest.js';
import { IngestError, type SourceDocument } from '../../src/ingest/document.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { runPipeline } from '../../src/pipeline.js';
import { readRun } from '../../src/export/run.js';
import { checkSpans } from '../../src/export/check-spans.js';

const dir = 'test/fixtures/formats';
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-formats-'));
const blocks = (d: SourceDocument) => d.outline!.map((b) => [b.section, d.text.slice(b.start, b.end), b.heading]);

describe('PubMed XML', () => {
  it('one document per record: PMID as id, title line then one line per labelled abstract section', async () => {
    const docs = (await ingestFile(`${dir}/pubmed-articles.xml`)).documents;
    expect(docs.map((d) => d.id)).toEqual(['11111111', '33333333', '11111111-2']);
    const [first] = docs;
    expect(first.format).toBe('pubmed-xml');
    expect(first.pmcid).toBe('PMC2222222');
    expect(first.text).toBe('Lapatinib inhibits HER2 signaling in breast cancer.\nBACKGROUND: HER2 is amplified in 20% of breast cancers & drives growth.\nRESULTS: Lapatinib inhibits HER2 kinase activity. Trastuzumab binds HER2.');
    expect(blocks(first).map(([s, , h]) => `${s}${h ? '*' : ''}`)).toEqual(['title*', 'abstract', 'abstract']);
    // an empty ArticleTitle leaves the vernacular title
    expect(docs[1].text.split('\n')[0]).toBe('Neratinib en HER2.');
  });

  it('a file holding one PubmedArticle (efetch of one record) is read too', async () => {
    const one = path.join(tmp(), 'one.xml');
    const xml = readFileSync(`${dir}/pubmed-articles.xml`, 'utf8');
    writeFileSync(one, xml.slice(xml.indexOf('<PubmedArticle>'), xml.indexOf('</PubmedArticle>') + '</PubmedArticle>'.length));
    const docs = (await ingestFile(one)).documents;
    expect(docs.map((d) => [d.id, d.format])).toEqual([['11111111', 'pubmed-xml']]);
  });

  it('reads .xml.gz the same as .xml', async () => {
    const gz = path.join(tmp(), 'sample.xml.gz');
    writeFileSync(gz, gzipSync(readFileSync(`${dir}/pubmed-articles.xml`)));
    const a = (await ingestFile(`${dir}/pubmed-articles.xml`)).documents;
    const b = (await ingestFile(gz)).documents;
    expect(b.map((d) => [d.id, d.text])).toEqual(a.map((d) => [d.id, d.text]));
  });
});

describe('BioC', () => {
  it('XML: passages keep their BioC offsets, sections come from section_type, table contents are left out', async () => {
    const [doc] = (await ingestFile(`${dir}/bioc-article.xml`)).documents;
    expect([doc.id, doc.pmid, doc.pmcid, doc.format]).toEqual(['PMC7654321', '12345678', 'PMC7654321', 'bioc-xml']);
    const xml = readFileSync(`${dir}/bioc-article.xml`, 'utf8');
    for (const m of xml.matchAll(/<infon key="type">(\w+)<\/infon><offset>(\d+)<\/offset><text>([^<]*)<\/text>/g)) {
      const text = m[3].replace(/&amp;/g, '&');
      if (m[1] === 'table') expect(doc.text).not.toContain('<table>');
      else expect(doc.text.slice(Number(m[2]), Number(m[2]) + text.length)).toBe(text);
    }
    expect(blocks(doc).map(([s]) => s)).toEqual(['title', 'abstract', 'introduction', 'introduction', 'references']);
    expect(blocks(doc)[2][2]).toBe(true); // title_1 is a heading
  });

  it('JSON gives the same document as XML', async () => {
    const [x] = (await ingestFile(`${dir}/bioc-article.xml`)).documents;
    const [j] = (await ingestFile(`${dir}/bioc-article.json`)).documents;
    expect(j.format).toBe('bioc-json');
    expect([j.id, j.text, j.outline]).toEqual([x.id, x.text, x.outline]);
  });
});

describe('JATS', () => {
  it('PMCID as id; title, abstract, body sections, captions, back matter; no table body, formula or affiliation', async () => {
    const [doc] = (await ingestFile(`${dir}/jats-article.nxml`)).documents;
    expect([doc.id, doc.pmid, doc.format]).toEqual(['PMC1234567', '87654321', 'jats']);
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('Neratinib and HER2 mutations');
    expect(lines).toContain('HER2 is a receptor tyrosine kinase [1]. Lapatinib inhibits HER2 kinase activity.');
    expect(lines).toContain('Figure 1. Neratinib inhibits HER2.');
    expect(doc.text).not.toMatch(/lapatinib\s*HER2|University|x=1/);
    const sectionOf = (line: string) => blocks(doc).find(([, t]) => t === line)?.[0];
    expect(sectionOf('Neratinib inhibits HER2 phosphorylation (Figure 1).')).toBe('results'); // subsection inherits
    expect(sectionOf('Cells were grown in DMEM.')).toBe('methods');
    expect(sectionOf('Drugs tested against HER2.')).toBe('table');
    expect(sectionOf('We thank the lapatinib team; trastuzumab inhibits HER2.')).toBe('acknowledgements');
    expect(sectionOf('Smith J. Lapatinib inhibits HER2. J Onc. 2002.')).toBe('references');
    // every outline block is one line of the text
    for (const b of doc.outline!) expect(doc.text.slice(b.start, b.end)).not.toContain('\n');
  });
});

describe('broken and unknown structured files fail alone, naming the file and the reason', () => {
  it.each([
    ['broken.xml', 'xml', /not well formed/],
    ['unknown-root.xml', 'unknown-format', /root element <html>/],
    ['not-bioc.json', 'unknown-format', /not a BioC collection/],
  ])('%s', async (name, code, reason) => {
    const err = await ingestFile(`${dir}/${name}`).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).file).toBe(`${dir}/${name}`);
    expect((err as IngestError).code).toBe(code);
    expect((err as IngestError).reason).toMatch(reason);
  });

  it('a broken gzip file', async () => {
    const bad = path.join(tmp(), 'bad.xml.gz');
    writeFileSync(bad, 'not gzip at all');
    const err = (await ingestFile(bad).catch((e: unknown) => e)) as IngestError;
    expect(err.code).toBe('gzip');
  });

  it('a gzip file that inflates past the cap is refused without inflating the rest (the default cap is 512 MiB)', async () => {
    const bomb = path.join(tmp(), 'bomb.xml.gz');
    // 64 MiB of zeros after a PubMed opening: about 64 KB on disk
    writeFileSync(bomb, gzipSync(Buffer.concat([Buffer.from('<PubmedArticleSet>'), Buffer.alloc(64 * 1024 * 1024)])));
    const limits = { ...DEFAULT_LIMITS, maxInflatedBytes: 1024 * 1024 };
    const err = (await ingestFile(bomb, { limits }).catch((e: unknown) => e)) as IngestError;
    expect(err).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/inflates to more than the limit of 1 MiB/) });
    // under the default cap the same file is read whole: its zeros are binary, not text
    expect(await ingestFile(bomb).catch((e: unknown) => e)).toMatchObject({ code: 'binary' });
    expect(DEFAULT_LIMITS.maxInflatedBytes).toBe(512 * 1024 * 1024);
  });

  it('a record past the character cap is an error for that record only; the file\'s other records go on', async () => {
    const limits = { ...DEFAULT_LIMITS, maxDocumentChars: 120 };
    const { documents, problems } = await ingestFile(`${dir}/pubmed-articles.xml`, { limits });
    expect(documents.map((d) => [d.id, d.text.length <= 120])).toEqual([['33333333', true], ['11111111-2', true]]);
    expect(problems.map((p) => [p.code, p.where.doc, p.reason])).toEqual([['too-large', '11111111', expect.stringMatching(/characters, more than the limit of 120/)]]);
  });
});

describe('structured files are decoded as text files are: the encoding recorded, never a replacement character', () => {
  const xml = readFileSync(`${dir}/pubmed-articles.xml`, 'utf8');
  const write = (name: string, bytes: Uint8Array) => { const f = path.join(tmp(), name); writeFileSync(f, bytes); return f; };
  const utf16be = (s: string) => { const le = Buffer.from(s, 'utf16le'); for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]; return le; };

  it.each([
    ['utf-8', Buffer.from(xml)],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(xml.replace('UTF-8', 'UTF-16'))])],
  ] as const)('%s: the same documents, the encoding recorded', async (encoding, bytes) => {
    const reference = (await ingestFile(`${dir}/pubmed-articles.xml`)).documents;
    const docs = (await ingestFile(write('p.xml', bytes))).documents;
    expect(docs.map((d) => d.text)).toEqual(reference.map((d) => d.text));
    expect(docs.map((d) => d.encoding)).toEqual(docs.map(() => encoding));
  });

  it('Windows-1252 bytes are decoded as such and recorded; bytes partly UTF-8 are an error naming line and column', async () => {
    const latin = `<?xml version="1.0" encoding="windows-1252"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Lapatinib \x96 a HER2 inhibitor (5 \xb5M).</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n`;
    const [doc] = (await ingestFile(write('w.xml', Buffer.from(latin, 'latin1')))).documents;
    expect(doc).toMatchObject({ encoding: 'windows-1252', text: 'Lapatinib \u2013 a HER2 inhibitor (5 \u00b5M).' });
    const mixed = Buffer.concat([Buffer.from(latin.replace('\x96', '\u2013').replace('\xb5', '')), Buffer.from([0x3c, 0x21, 0x2d, 0x2d, 0xe9, 0x2d, 0x2d, 0x3e])]);
    expect(await ingestFile(write('m.xml', mixed)).catch((e: unknown) => e)).toMatchObject({ code: 'encoding', where: { position: { line: 3, column: 5 } } });
  });
});

describe('pipeline on the structured fixtures', () => {
  const out = tmp();
  beforeAll(async () => { await runPipeline({ input: dir, out }); }, 60_000);

  it('extracts the good files, records the bad ones and the duplicate id, and every span equals the saved text', () => {
    const run = readRun(out);
    expect(run.manifest.errors.map((e) => `${path.basename(e.file)} ${e.code}`)).toEqual([
      'bioc-article.xml duplicate-id', 'broken.xml xml', 'not-bioc.json unknown-format', 'unknown-root.xml unknown-format',
    ]);
    const ok = run.documents.filter((d) => d.status === 'ok');
    expect(ok.map((d) => d.id).sort()).toEqual(['11111111', '11111111-2', '33333333', 'PMC1234567', 'PMC7654321']);
    for (const d of ok) expect(existsSync(path.join(out, d.textFile!)), d.id).toBe(true);
    const check = checkSpans(run);
    expect(check.problems).toEqual([]);
    expect(check.readable).toBe(5);
    expect(check.spans).toBeGreaterThan(20);
  });

  it('sentences carry the document sections; references and acknowledgements yield no entity or triple', () => {
    const run = readRun(out);
    const text = readFileSync(path.join(out, 'texts/PMC1234567.txt'), 'utf8');
    const refsFrom = text.indexOf('We thank');
    const jats = run.entities.filter((e) => e.doc === 'PMC1234567');
    expect(jats.some((e) => e.start < refsFrom)).toBe(true);
    expect(jats.filter((e) => e.start >= refsFrom)).toEqual([]);
    const sections = new Set(run.triples.filter((t) => t.doc === 'PMC1234567').map((t) => t.evidence.section));
    expect([...sections].sort()).toEqual(expect.arrayContaining(['introduction', 'results']));
    expect(sections.has('references')).toBe(false);
    const pubmed = run.triples.find((t) => t.doc === '11111111' && t.predicate === 'inhibits');
    expect(pubmed?.evidence.section).toMatch(/title|abstract/);
  });
});
