import { describe, expect, it } from 'vitest';
import { ingestFile, listInputs } from '../../src/ingest/ingest.js';
import { IngestError } from '../../src/ingest/document.js';
import { parsePubtator, pubtatorText } from '../../src/ingest/pubtator.js';

const dir = 'test/fixtures/inputs';

describe('ingest', () => {
  it('lists inputs sorted, skipping READMEs and dotfiles', async () => {
    expect((await listInputs(dir)).files).toEqual([`${dir}/abstracts.pubtator`, `${dir}/excerpt.pdf`, `${dir}/paper.md`, `${dir}/plain.txt`]);
  });
  it('reads plain text and markdown as they are', async () => {
    const [doc] = (await ingestFile(`${dir}/plain.txt`)).documents;
    expect(doc).toMatchObject({ id: 'plain', format: 'text', text: 'Lapatinib inhibits HER2.\n' });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await ingestFile(`${dir}/paper.md`)).documents[0].format).toBe('markdown');
  });
  it('reads a real PDF and keeps the extracted text', async () => {
    const [doc] = (await ingestFile(`${dir}/excerpt.pdf`)).documents;
    expect(doc.format).toBe('pdf');
    expect(doc.text).toContain('HER2 amplification and overexpression');
  });
  it('reads PubTator files: one document per PMID, title + separator + abstract', async () => {
    const docs = (await ingestFile(`${dir}/abstracts.pubtator`)).documents;
    expect(docs.map((d) => d.id)).toEqual(['111', '222']);
    expect(docs[0].text).toBe('Neratinib and HER2. Neratinib inhibits HER2 and EGFR.');
    // PubTator offsets: the annotation 0-9 is "Neratinib"
    expect(docs[0].text.slice(0, 9)).toBe('Neratinib');
  });
  it('parses annotation lines with their document', () => {
    const [d] = parsePubtator('9|t|T\n9|a|A b\n9\t0\t1\tT\tGene\t1\n');
    expect(d.annotations).toEqual([['9', '0', '1', 'T', 'Gene', '1']]);
    expect(pubtatorText(d)).toBe('T A b');
  });

  it.each([
    ['test/fixtures/bad/empty.txt', 'empty', /empty/],
    ['test/fixtures/bad/junk.txt', 'binary', /binary/],
    ['test/fixtures/bad/notes.docx', 'unknown-format', /unsupported file type "\.docx"/],
    ['test/fixtures/bad/broken.pdf', 'pdf-parse', /PDF could not be parsed/],
    ['test/fixtures/bad/dangling.txt', 'symlink', /symbolic link not followed/],
  ])('%s fails with a clear error naming the file', async (file, code, reason) => {
    const err = await ingestFile(file).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe(code);
    expect((err as IngestError).message).toContain(file);
    expect((err as IngestError).reason).toMatch(reason);
  });
});
