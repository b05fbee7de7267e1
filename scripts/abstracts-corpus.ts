/**
 * Writes N MB of PubTator abstracts for scale measurements (memory, workers): the title and
 * abstract lines of ../shared/eval's PubTator corpora, repeated with fresh ids, in files of
 * about 2 MB. Dev only; write to /tmp, never commit the output.
 *   npx tsx scripts/abstracts-corpus.ts /tmp/abstracts-20 20
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [out, mb = '20', fileMb = '2'] = process.argv.slice(2);
const SOURCES = ['tmvar/train.PubTator.txt', 'biored/Train.PubTator', 'ner/CDR_TrainingSet.PubTator.txt', 'ner/GNormPlus_Train.PubTator', 'ner/NLMgene_Train.PubTator'].map((f) => path.resolve('../shared/eval', f));
if (!out) { console.error('usage: abstracts-corpus.ts <out-dir> [MB=20] [MB per file=2]'); process.exit(64); }
const present = SOURCES.filter(existsSync);
if (!present.length) { console.log('skipped: ../shared/eval has none of the PubTator corpora'); process.exit(0); }

// one abstract = its title and abstract lines, without the id
const abstracts: Array<{ title: string; abstract: string }> = [];
for (const file of present)
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const t = /^[^|\n]+\|t\|(.*)$/m.exec(block), a = /^[^|\n]+\|a\|(.*)$/m.exec(block);
    if (t && a) abstracts.push({ title: t[1], abstract: a[1] });
  }
mkdirSync(out, { recursive: true });
const target = Number(mb) * 1e6, perFile = Number(fileMb) * 1e6;
let written = 0, id = 90_000_000, files = 0;
while (written < target) {
  const parts: string[] = [];
  let size = 0;
  while (size < perFile && written + size < target) {
    const x = abstracts[(id - 90_000_000) % abstracts.length];
    const block = `${id}|t|${x.title}\n${id}|a|${x.abstract}\n\n`;
    parts.push(block);
    size += Buffer.byteLength(block);
    id++;
  }
  writeFileSync(path.join(out, `abstracts-${String(files++).padStart(4, '0')}.pubtator`), parts.join(''));
  written += size;
}
console.log(`${out}: ${files} files, ${(written / 1e6).toFixed(1)} MB, ${id - 90_000_000} abstracts (${abstracts.length} distinct)`);
