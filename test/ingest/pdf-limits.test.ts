import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPdfLimits } from '../../src/ingest/pdf-limits.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { makePdf } from '../helpers/make-pdf.js';

const MiB = 1024 * 1024;
const limits = { ...DEFAULT_LIMITS, maxPdfInflatedBytes: 1 * MiB, maxPdfPages: 5 };
const tmpPdf = (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'biotriples-pdf-')), 'paper.pdf');
  writeFileSync(file, bytes);
  return file;
};

describe('PDF caps', () => {
  it('a small generated PDF passes and its text is read', async () => {
    const file = tmpPdf(makePdf({ lines: ['Lapatinib inhibits HER2.'], padding: 1000 }));
    const [doc] = (await ingestFile(file, { limits })).documents;
    expect(doc.text).toContain('Lapatinib inhibits HER2.');
    expect(doc.encoding).toBe('pdf');
  });

  it('the bundled PDF fixture passes the default caps', async () => {
    await expect(checkPdfLimits(readFileSync('test/fixtures/inputs/excerpt.pdf'), DEFAULT_LIMITS)).resolves.toBeUndefined();
  });

  it('streams that inflate past the cap: a clear per-file error before the parser runs', async () => {
    const bomb = makePdf({ lines: ['Lapatinib inhibits HER2.'], padding: 4 * MiB });
    expect(bomb.length).toBeLessThan(20_000);
    const err = await ingestFile(tmpPdf(bomb), { limits }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too-large', reason: expect.stringMatching(/decompress to more than 1 MiB \(limit\)/) });
  });

  it('an ASCIIHex wrapper does not hide the compressed size', async () => {
    await expect(checkPdfLimits(makePdf({ lines: ['x'], padding: 4 * MiB, hex: true }), limits)).rejects.toThrow(/decompress to more than/);
    await expect(checkPdfLimits(makePdf({ lines: ['x'], padding: 1000, hex: true }), limits)).resolves.toBeUndefined();
  });

  it('more pages than the cap: an error naming the count', async () => {
    const err = await ingestFile(tmpPdf(makePdf({ lines: Array.from({ length: 6 }, (_, i) => `Page ${i}`) })), { limits }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too-large', reason: 'PDF has 6 pages, more than the limit of 5: not read' });
  });

  it('more streams than the cap: an error before any is decompressed further', async () => {
    const pdf = makePdf({ lines: Array.from({ length: 4 }, (_, i) => `Page ${i}`) });
    await expect(checkPdfLimits(pdf, { ...limits, maxPdfStreams: 3 })).rejects.toThrow('PDF has more than 3 streams (limit)');
    await expect(checkPdfLimits(pdf, { ...limits, maxPdfStreams: 4 })).resolves.toBeUndefined();
  });

  it('pages inside a compressed object stream are counted', async () => {
    const objects = Array.from({ length: 7 }, () => '<< /Type /Page /Parent 2 0 R >>').join('\n');
    const data = deflateSync(Buffer.from(objects));
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.5\n9 0 obj\n<< /Type /ObjStm /N 7 /First 0 /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n')]);
    await expect(checkPdfLimits(pdf, limits)).rejects.toThrow('PDF has 7 pages');
  });

  it('image streams do not count (text extraction never decodes them)', async () => {
    const data = deflateSync(Buffer.alloc(4 * MiB));
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2048 /Height 2048 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n')]);
    await expect(checkPdfLimits(pdf, limits)).resolves.toBeUndefined();
  });

  it.runIf(process.env.BIOTRIPLES_SLOW)('at the default cap: a 300 MiB content stream is refused quickly', async () => {
    const bomb = makePdf({ lines: ['Lapatinib inhibits HER2.'], padding: 300 * MiB });
    const started = performance.now();
    await expect(checkPdfLimits(bomb, DEFAULT_LIMITS)).rejects.toThrow(/more than 256 MiB/);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
