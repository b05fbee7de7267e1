/**
 * Per-stage throughput in-process, on the bench's text: each stage timed alone over every
 * document (its input prepared beforehand by the stages before it, which also warms it up),
 * `passes` times, the median kept, in MB per CPU-second. Dictionaries and the model are loaded
 * before timing starts.
 */
import { Entity, Triple } from '../model/schemas.js';
import type { SourceDocument } from '../ingest/document.js';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { tagEntities } from '../tag/tag-entities.js';
import { tagDrugClasses } from '../tag/drug-classes.js';
import type { Lexicon } from '../tag/dictionary.js';
import { relateDocument } from '../relate/relate.js';
import type { RelationClassifier } from '../relate/classifier/relation-model.js';
import { assignTripleIds, dedupeTriples, toEntity, toTriple } from '../emit/to-records.js';
import { processDocument } from '../pipeline.js';
import { clock, type Elapsed } from './clock.js';
import { median } from './median.js';

export interface StageResult { stage: string; cpuS: number; wallS: number; mbPerS: number }

/** The texts as PubTator documents, as ingest gives them (no outline, no layout). */
export const asDocuments = (texts: string[]): SourceDocument[] =>
  texts.map((text, i) => ({ id: `bench-${i}`, source: 'bench', format: 'pubtator', text, sha256: '0'.repeat(64) }));

function timed(passes: number, run: () => void): Elapsed {
  const runs = Array.from({ length: passes }, () => clock(run));
  return { cpuS: median(runs.map((r) => r.cpuS)), wallS: median(runs.map((r) => r.wallS)) };
}

export function stageThroughput(docs: SourceDocument[], lexicon: Lexicon, classifier: RelationClassifier | undefined, passes = 3): StageResult[] {
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const results: StageResult[] = [];
  const add = (stage: string, run: () => void) => { const t = timed(passes, run); results.push({ stage, ...t, mbPerS: chars / 1e6 / t.cpuS }); };

  const normalized = docs.map((d) => normalizeText(d.text));
  const sentences = normalized.map((n) => segmentText(n.text));
  const mentions = normalized.map((n, i) => tagEntities(n.text, sentences[i], lexicon));
  const relations = normalized.map((n, i) => relateDocument(n.text, sentences[i], mentions[i], classifier));

  add('normalize', () => { for (const d of docs) normalizeText(d.text); });
  add('segment', () => { for (const n of normalized) segmentText(n.text); });
  add('tag (dictionaries, mutations, drug classes)', () => normalized.forEach((n, i) => tagDrugClasses(n.text, sentences[i], tagEntities(n.text, sentences[i], lexicon), lexicon)));
  add('relate (rules only)', () => normalized.forEach((n, i) => relateDocument(n.text, sentences[i], mentions[i])));
  if (classifier) add('relate (rules + model)', () => normalized.forEach((n, i) => relateDocument(n.text, sentences[i], mentions[i], classifier)));
  add('emit (to records, validate, serialize; no disk)', () => docs.forEach((d, i) => {
    const map = normalized[i].map;
    const entities = mentions[i].map((m) => Entity.parse(toEntity(d.id, d.text, map, sentences[i], m)));
    const triples = assignTripleIds(dedupeTriples(relations[i].map((r) => toTriple(d.id, d.text, map, sentences[i], r)))).map((t) => Triple.parse(t));
    for (const row of [...entities, ...triples]) JSON.stringify(row);
  }));
  add('whole document (processDocument, no I/O)', () => { for (const d of docs) processDocument(d, lexicon, { classifier }); });
  return results;
}
