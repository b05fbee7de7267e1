/**
 * `npm run explain -- "<sentence>"` or `npm run explain -- --doc <id> --sentence <n> [--run output]`:
 * for one sentence, the mentions, the rules that fired, every candidate pair the relation model
 * covers with its class probabilities and the features that weighed most, and the decision.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile } from '../ingest/ingest.js';
import type { SourceDocument } from '../ingest/document.js';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { defaultLexicon } from '../tag/dictionary.js';
import { tagEntities } from '../tag/tag-entities.js';
import type { Mention } from '../tag/mention.js';
import { defaultClassifier } from '../relate/classifier/load.js';
import { explainSentence } from '../relate/classifier/explain.js';

const HELP = `Usage: npm run explain -- "<sentence>"
       npm run explain -- --doc <id> --sentence <n> [--run output]

Shows why a sentence gives its triples: mentions, rules fired, each candidate pair with the
model's probabilities and top-weighted features, and the decision.
`;

async function documentOf(run: string, id: string): Promise<SourceDocument> {
  const rows = readFileSync(path.join(run, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; source: string });
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no document "${id}" in ${run}/documents.jsonl`);
  const docs = (await ingestFile(row.source)).documents;
  // a one-document file's id is the run's (path-derived), not necessarily its base name
  const doc = docs.length === 1 ? docs[0] : docs.find((d) => d.id === id);
  if (!doc) throw new Error(`${row.source} no longer holds document "${id}"`);
  return doc;
}

const show = (text: string, m: Mention) => `${m.type} "${text.slice(m.start, m.end)}" [${m.norm}]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { doc: { type: 'string' }, sentence: { type: 'string' }, run: { type: 'string', default: 'output' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || (!positionals.length && !values.doc)) { process.stdout.write(HELP); return values.help ? 0 : 1; }
  const original = values.doc ? (await documentOf(values.run!, values.doc)).text : positionals.join(' ');
  const normalized = normalizeText(original);
  const sentences = segmentText(normalized.text);
  const text = normalized.text;
  const lexicon = defaultLexicon();
  const mentions = tagEntities(text, sentences, lexicon);
  const classifier = defaultClassifier();
  const chosen = values.sentence !== undefined ? sentences.filter((s) => s.index === Number(values.sentence)) : sentences;
  if (!chosen.length) throw new Error(`no sentence ${values.sentence} (the document has ${sentences.length})`);
  for (const s of chosen) {
    console.log(`sentence ${s.index}${s.section ? ` [${s.section}]` : ''}${s.skip ? ` (out of scope: ${s.skip})` : ''}: ${text.slice(s.start, s.end)}`);
    const ms = mentions.filter((m) => m.sentence === s.index);
    const e = explainSentence(text, s, ms, classifier);
    console.log('mentions:');
    for (const m of e.mentions) console.log(`  ${show(text, m)} ${m.start}-${m.end} (${m.source})`);
    console.log('rules fired:');
    for (const r of e.rules) console.log(`  ${r.rule}: ${text.slice(r.subject.start, r.subject.end)} ${r.predicate} ${text.slice(r.object.start, r.object.end)}${r.trigger ? ` (trigger "${r.trigger}")` : ''}`);
    if (!e.rules.length) console.log('  none');
    console.log(classifier ? `candidate pairs (model ${classifier.name}: threshold P(none) < ${classifier.file.threshold}):` : 'no relation model loaded: rules only');
    for (const p of e.pairs) {
      console.log(`  ${show(text, p.subject)} → ${show(text, p.object)}: ${p.decision}`);
      console.log(`    probabilities: ${p.probabilities.slice(0, 4).map((x) => `${x.label} ${x.p.toFixed(3)}`).join(', ')}`);
      if (p.rules.length) console.log(`    rules on the pair: ${p.rules.map((r) => `${r.rule} (${r.predicate})`).join(', ')}`);
      console.log(`    top features: ${p.features.map((f) => `${f.weight > 0 ? '+' : ''}${f.weight.toFixed(2)} ${f.feature}`).join('  ')}`);
    }
    console.log('triples:');
    for (const t of e.triples) console.log(`  ${text.slice(t.subject.start, t.subject.end)} ${t.predicate} ${text.slice(t.object.start, t.object.end)}  [${t.rule}, confidence ${t.confidence}${t.negated ? ', negated' : ''}${t.hedged ? ', hedged' : ''}]`);
    if (!e.triples.length) console.log('  none');
    console.log('');
  }
  return 0;
}

main().then((c) => { process.exitCode = c; }, (e) => { console.error(`explain: ${(e as Error).message}`); process.exitCode = 2; });
