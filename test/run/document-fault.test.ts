/**
 * A fault the pipeline hits on one document (an exception in a stage) fails that document only:
 * the other documents of the same file, and the other files, are written as in a run without it.
 * The relate stage is made to throw on one PMID (a stage bug such as the list walk fixed in
 * relate.ts, found by the fuzz script); before, the rest of the file was lost with it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { buildLexicon } from '../../src/tag/dictionary.js';
import { tmp } from './inputs.js';

vi.mock('../../src/relate/relate.js', async (original) => {
  const real = await original<typeof import('../../src/relate/relate.js')>();
  return { ...real, relateDocument: (text: string, ...rest: Parameters<typeof real.relateDocument> extends [string, ...infer R] ? R : never) => {
    if (text.startsWith('Neratinib')) throw new TypeError("Cannot read properties of undefined (reading 'mention')");
    return real.relateDocument(text, ...rest);
  } };
});

describe('a document the pipeline fails on', () => {
  it('is an error for that document; the documents after it in the same file and the other files go on', async () => {
    const input = tmp();
    writeFileSync(path.join(input, 'abstracts.pubtator'), ['1|t|Lapatinib inhibits HER2.', '1|a|Lapatinib.', '', '2|t|Neratinib inhibits EGFR.', '2|a|Neratinib.', '', '3|t|Trastuzumab targets HER2.', '3|a|Trastuzumab.', ''].join('\n'));
    writeFileSync(path.join(input, 'paper.txt'), 'Lapatinib inhibits HER2.\n');
    const summary = await runPipeline({ input, out: tmp(), lexicon: buildLexicon('test/fixtures/dictionaries') });
    expect(summary.failed).toEqual([expect.objectContaining({ doc: '2', code: 'failed', reason: expect.stringMatching(/^processing failed \(Cannot read properties/) })]);
    expect(summary.documents).toBe(3);
  });
});
