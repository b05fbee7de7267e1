/**
 * The longest sentences segment finds in the papers of some folders (before the sentence-length
 * cap of src/segment/sentence-cap.ts is needed): to check that the cap stays far above real text.
 *   npx tsx scripts/sentence-lengths.ts corpus ../shared/formats
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatOf, ingestFile } from '../src/ingest/ingest.js';
import { normalizeText } from '../src/normalize/normalize.js';
import { segmentText } from '../src/segment/segment.js';
import { segmentOutline } from '../src/segment/outline.js';
import { layoutInNormalized } from '../src/segment/layout-sections.js';

const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d).sort()) { const p = path.join(d, f); if (statSync(p).isDirectory()) walk(p); else if (formatOf(p)) files.push(p); } };
for (const root of process.argv.slice(2)) walk(root);
const lengths: Array<{ chars: number; where: string }> = [];
for (const file of files) {
  try {
    for (const doc of (await ingestFile(file)).documents) {
      const n = normalizeText(doc.text);
      const sentences = doc.outline ? segmentOutline(n.text, n.map, doc.outline) : segmentText(n.text, doc.layout && layoutInNormalized(doc.layout, n.map));
      for (const s of sentences) lengths.push({ chars: s.end - s.start, where: `${file} ${doc.id} sentence ${s.index}${s.skip ? ` (${s.skip})` : ''}` });
    }
  } catch (e) { console.error(`skipped ${file}: ${(e as Error).message.slice(0, 120)}`); }
}
lengths.sort((a, b) => b.chars - a.chars);
console.log(`${files.length} files, ${lengths.length} sentences; longest:`);
for (const l of lengths.slice(0, 5)) console.log(`${l.chars}\t${l.where}`);
