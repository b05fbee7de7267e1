/**
 * `npm run sample:triples -- [--run output] [--n 40] [--seed 2026] [--out review.tsv]`: a
 * reproducible random sample of triples for hand review. Prints each triple with its rule,
 * flags and evidence sentence; --out writes a TSV with an empty `verdict` column to fill in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sampleRows } from '../evaluate/sample.js';
import type { Triple } from '../model/schemas.js';

const { values } = parseArgs({
  options: { run: { type: 'string', default: 'output' }, n: { type: 'string', default: '40' }, seed: { type: 'string', default: '2026' }, out: { type: 'string' } },
});
const file = path.join(values.run!, 'triples.jsonl');
const triples: Triple[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const sample = sampleRows(triples, Number(values.n), Number(values.seed));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const flags = (t: Triple) => [t.negated && 'negated', t.hedged && 'hedged'].filter(Boolean).join(',');

console.log(`${sample.length} of ${triples.length} triples from ${file}, seed ${values.seed}`);
sample.forEach((t, i) => {
  console.log(`\n${i + 1}. ${t.id}  ${t.subject.text} —${t.predicate}→ ${t.object.text}  [${t.rule}${flags(t) ? `; ${flags(t)}` : ''}; conf ${t.confidence}]`);
  console.log(`   ${t.doc}: "${flat(t.evidence.text)}"`);
});
if (values.out) {
  const rows = sample.map((t, i) => [i + 1, t.id, t.doc, t.subject.text, t.predicate, t.object.text, t.rule, flags(t), flat(t.evidence.text), ''].join('\t'));
  writeFileSync(values.out, ['n\tid\tdoc\tsubject\tpredicate\tobject\trule\tflags\tevidence\tverdict', ...rows].join('\n') + '\n');
  console.log(`\nwrote ${values.out}`);
}
