/**
 * A document's lines of the dataset files (entities, triples, statements, its PubTator block)
 * and their counts, rendered once where the document was processed (a worker) and stored in its
 * shard, so the merge, which runs in one thread after every worker, only copies text. The merge
 * renders again only a document that curation changes, with the same function.
 */
import { Statement, type Entity, type Triple } from '../model/schemas.js';
import { toPubtator } from '../emit/pubtator.js';
import { checked } from '../emit/dataset.js';
import { assembleStatements } from '../relate/statements.js';

export interface RenderedRows {
  /** JSON lines, each ending in a newline */
  entities: string;
  triples: string;
  statements: string;
  /** the document's PubTator block (ends in a newline; the merge puts a blank line between blocks) */
  pubtator: string;
  counts: { entities: Record<string, number>; triples: Record<string, number>; statements: number };
}

export const tripleOrder = (a: Triple, b: Triple) =>
  a.evidence.start - b.evidence.start || a.subject.start - b.subject.start || a.object.start - b.object.start || (a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : 0);

const jsonl = (row: unknown) => JSON.stringify(row) + '\n';
// at module level, not inline: an inline arrow is a new closure per document, whose optimized code V8 drops (span-index.ts)
const entityOrder = (a: Entity, b: Entity) => a.start - b.start || a.end - b.end;
const typeOf = (e: Entity) => e.type;
const predicateOf = (t: Triple) => t.predicate;

function count(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Entities by position, triples by evidence then arguments, statements assembled from the triples. */
export function renderDocument(id: string, text: string, entities: Entity[], triples: Triple[]): RenderedRows {
  const sortedEntities = [...entities].sort(entityOrder);
  const sortedTriples = [...triples].sort(tripleOrder);
  const statements = checked(Statement, assembleStatements(sortedTriples), 'statement');
  return {
    entities: sortedEntities.map(jsonl).join(''),
    triples: sortedTriples.map(jsonl).join(''),
    statements: statements.map(jsonl).join(''),
    pubtator: toPubtator([{ id, text, entities: sortedEntities, statements }]),
    counts: { entities: count(sortedEntities.map(typeOf)), triples: count(sortedTriples.map(predicateOf)), statements: statements.length },
  };
}

/** The rows of rendered JSON lines, read back (for a document that curation changes). */
export const parseLines = <T>(lines: string): T[] => lines.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
