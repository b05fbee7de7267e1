/**
 * Turns a hand-review TSV written from `npm run sample:triples -- --out` (columns id, doc,
 * subject, predicate, object, rule, flags, evidence, verdict, note; verdict correct|wrong) into a
 * verdict file for `npm run curate -- --apply`: correct → accept, wrong → reject with the note as
 * reason. Rows are found in the run by content (document, argument texts, predicate, evidence
 * sentence), since the ids in an older review may come from an older id scheme.
 * usage: npx tsx scripts/review-to-verdicts.ts <review.tsv> --curator <name> --timestamp <iso> [--run output] > verdicts.json
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Triple } from '../src/model/schemas.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { run: { type: 'string', default: 'output' }, curator: { type: 'string' }, timestamp: { type: 'string' } } });
if (positionals.length !== 1 || !values.curator || !values.timestamp) {
  console.error('usage: npx tsx scripts/review-to-verdicts.ts <review.tsv> --curator <name> --timestamp <iso> [--run output]');
  process.exit(2);
}
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const key = (...parts: string[]) => parts.join('\u0001');
const triples: Triple[] = readFileSync(path.join(values.run!, 'triples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const byContent = new Map(triples.map((t) => [key(t.doc, t.subject.text, t.predicate, t.object.text, flat(t.evidence.text)), t]));

const lines = readFileSync(positionals[0], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const head = lines[0].split('\t');
const col = (row: string[], name: string) => row[head.indexOf(name)] ?? '';
const verdicts: object[] = [];
let missing = 0;
for (const line of lines.slice(1)) {
  const row = line.split('\t');
  const verdict = col(row, 'verdict');
  if (verdict !== 'correct' && verdict !== 'wrong') continue;
  const t = byContent.get(key(col(row, 'doc'), col(row, 'subject'), col(row, 'predicate'), col(row, 'object'), col(row, 'evidence')));
  if (!t) { missing++; console.error(`not in ${values.run}: ${col(row, 'n')}. ${col(row, 'subject')} ${col(row, 'predicate')} ${col(row, 'object')} (${col(row, 'doc')})`); continue; }
  verdicts.push({
    triple: t.id, verdict: verdict === 'correct' ? 'accept' : 'reject', ...(verdict === 'wrong' ? { reason: col(row, 'note') || 'marked wrong in hand review' } : {}),
    curator: values.curator, timestamp: values.timestamp, doc: t.doc, rule: t.rule, extracted: t.predicate,
    subject: { text: t.subject.text, type: t.subject.type }, object: { text: t.object.text, type: t.object.type },
  });
}
console.error(`${verdicts.length} verdicts, ${missing} reviewed triples not found in ${values.run}`);
process.stdout.write(JSON.stringify({ format: 'biotriples-verdicts', version: 1, run: values.run, verdicts }, null, 2) + '\n');
