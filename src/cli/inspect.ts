/**
 * `npm run inspect -- <file or folder>`: per document, how many sentences and triples the
 * pipeline finds and in which sections, without writing a dataset. For checking what a
 * change to layout or segmentation does to real papers.
 */
import { parseArgs } from 'node:util';
import { ingestFile, listInputs } from '../ingest/ingest.js';
import { normalizeText } from '../normalize/normalize.js';
import { layoutInNormalized } from '../segment/layout-sections.js';
import { segmentText } from '../segment/segment.js';
import { processDocument } from '../pipeline.js';
import { defaultLexicon } from '../tag/dictionary.js';
import { defaultClassifier } from '../relate/classifier/load.js';

const HELP = `Usage: npm run inspect -- <file or folder> [--sections]

Prints, per document: sentences, sentences in scope, entities, triples, and the sections found
(--sections also prints triples per section).
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { sections: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help || !positionals.length) { process.stdout.write(HELP); return values.help ? 0 : 1; }
  const lexicon = defaultLexicon();
  // the committed relation model, as `npm run extract` uses it
  const classifier = defaultClassifier();
  const rows: string[][] = [['document', 'sentences', 'in scope', 'entities', 'triples', 'sections']];
  let failed = 0;
  for (const input of positionals) {
    for (const file of (await listInputs(input)).files) {
      try {
        for (const doc of (await ingestFile(file)).documents) {
          const result = processDocument(doc, lexicon, { classifier });
          const normalized = normalizeText(doc.text);
          const sentences = segmentText(normalized.text, doc.layout && layoutInNormalized(doc.layout, normalized.map));
          const sections = [...new Set(sentences.map((s) => s.section).filter(Boolean))];
          const bySection = new Map<string, number>();
          for (const t of result.triples) bySection.set(t.evidence.section, (bySection.get(t.evidence.section) ?? 0) + 1);
          const shown = values.sections ? [...bySection].map(([s, n]) => `${s || '(none)'}:${n}`).join(', ') : `${sections.length}${doc.layout ? ` (${sections.join(', ')})` : ''}`;
          rows.push([doc.id, String(sentences.length), String(sentences.filter((s) => !s.skip).length), String(result.entities.length), String(result.triples.length), shown]);
        }
      } catch (e) {
        failed++;
        console.error(`error: ${file}: ${(e as Error).message}`);
      }
    }
  }
  const widths = rows[0].slice(0, 5).map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log([...r.slice(0, 5).map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))), r[5]].join('  '));
  const sum = (i: number) => rows.slice(1).reduce((n, r) => n + Number(r[i]), 0);
  console.log(`total: ${rows.length - 1} documents, ${sum(1)} sentences (${sum(2)} in scope), ${sum(3)} entities, ${sum(4)} triples${failed ? `, ${failed} failed` : ''}`);
  return failed && rows.length === 1 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`biotriples: ${(e as Error).message}`); process.exitCode = 2; });
