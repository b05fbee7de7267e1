import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { buildReport } from '../../src/review/report/build.js';
import { buildLexicon } from '../../src/tag/dictionary.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `biotriples-${name}-`));

describe('npm run report (HTML, without a browser)', () => {
  const input = tmp('in');
  const out = tmp('run');
  let html: string;
  beforeAll(async () => {
    writeFileSync(path.join(input, 'evil.txt'), 'Lapatinib inhibits HER2 <script>alert("x")</script> & <b>bold</b>. Trastuzumab binds HER2 in resistant cells.');
    await runPipeline({ input, out, lexicon: buildLexicon('test/fixtures/dictionaries', { cache: false }) });
    html = await buildReport({ run: out });
  }, 60_000);

  it('is one self-contained file: no external URL, inline style and script', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes all paper text, in the page and in the embedded data', () => {
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html.match(/<script\b/g)!.length).toBe(2); // the data block and the report's own script
  });

  it('highlights mentions with id, name and source on hover, and anchors each triple to its evidence', () => {
    expect(html).toMatch(/<mark class="m m-drug" data-start="0" data-end="9" title="evil#drug:0-9\nLapatinib \(DrugBank:DB01259\)\nsource: drugbank">Lapatinib<\/mark>/);
    const ev = /data-ev="(ev-0-\d+)"/.exec(html)![1];
    expect(html).toContain(`<span class="ev" id="${ev}">`);
  });

  it('says so when a document text changed since the run, instead of marking wrong spans', async () => {
    writeFileSync(path.join(input, 'evil.txt'), 'Edited. Lapatinib inhibits HER2.');
    const again = await buildReport({ run: out });
    expect(again).toMatch(/changed since the run: \d+ mention span\(s\) no longer match its text/);
    expect(again).not.toContain('<mark class="m m-drug" data-start="0"');
  });

  it('finds the text of every input format: PDF from <run>/texts, PubTator re-read per PMID, Markdown and plain text', async () => {
    const run = tmp('formats');
    await runPipeline({ input: 'test/fixtures/inputs', out: run, lexicon: buildLexicon('test/fixtures/dictionaries', { cache: false }) });
    const page = await buildReport({ run });
    const docs = [...page.matchAll(/<section class="page doc" id="doc-\d+" data-doc="([^"]+)"/g)].map((m) => m[1]);
    expect(docs.length).toBeGreaterThanOrEqual(4);
    expect(page).not.toMatch(/Text unavailable/);
    expect(page.match(/<div class="text">/g)!.length).toBe(docs.length);
  }, 60_000);
});
