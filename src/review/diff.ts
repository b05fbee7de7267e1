/**
 * diff: what changed between two runs. Triples are matched by id (content-based, so offsets may
 * shift), then the rest pair up by looser keys so a predicate, argument grounding or evidence
 * change reads as one change rather than a removal and an addition. Entities are matched by span
 * when the document text is unchanged, else by text and occurrence. Statements by id.
 * Each change names its likely cause (`causes.ts`).
 */
import type { Entity, Statement, Triple } from '../model/schemas.js';
import { type Cause, type InputChanges, compareInputs, entityCauses, statementCauses, tripleCauses } from './causes.js';
import type { Run } from './run.js';

export type ChangeKind = 'added' | 'removed' | 'changed';
export const CHANGE_KINDS: ChangeKind[] = ['added', 'removed', 'changed'];

export interface Change<T> {
  kind: ChangeKind;
  doc: string;
  old?: T;
  new?: T;
  /** the fields that differ (changed only) */
  fields: string[];
  causes: Cause[];
}
export type TripleChange = Change<Triple>;
export type EntityChange = Change<Entity>;
export type StatementChange = Change<Statement>;

export interface RunDiff {
  old: string;
  new: string;
  inputs: InputChanges;
  triples: TripleChange[];
  statements: StatementChange[];
  entities: EntityChange[];
}

const TRIPLE_FIELDS: [string, (t: Triple) => unknown][] = [
  ['predicate', (t) => t.predicate],
  ['subject', (t) => `${t.subject.norm}|${t.subject.text}|${t.subject.type}`],
  ['object', (t) => `${t.object.norm}|${t.object.text}|${t.object.type}`],
  ['evidence', (t) => `${t.evidence.text}|${t.evidence.section}`],
  ['confidence', (t) => t.confidence],
  ['negated', (t) => t.negated],
  ['hedged', (t) => t.hedged],
  ['rule', (t) => t.rule],
  ['trigger', (t) => t.trigger],
  ['curation', (t) => JSON.stringify((t as { curation?: unknown }).curation ?? null)],
];
const ENTITY_FIELDS: [string, (e: Entity) => unknown][] = [
  ['type', (e) => e.type], ['text', (e) => e.text], ['norm', (e) => e.norm], ['name', (e) => e.name], ['source', (e) => e.source],
];
const STATEMENT_FIELDS: [string, (s: Statement) => unknown][] = [
  ['confidence', (s) => s.confidence], ['hedged', (s) => s.hedged], ['evidence', (s) => [...s.evidence].sort().join(',')],
];
/** an old statement with its evidence ids translated to the new run's triple ids, so renamed ids are no change */
const translated = (s: Statement, idMap: Map<string, string>): Statement => ({ ...s, evidence: s.evidence.map((id) => idMap.get(id) ?? id) });

const differing = <T>(fields: [string, (x: T) => unknown][], a: T, b: T) => fields.filter(([, get]) => get(a) !== get(b)).map(([name]) => name);

/**
 * Pairs what is left after the id match, by each loose key in turn (first unpaired wins, in text
 * order): the same arguments and sentence with another predicate; the same claim whose argument
 * grounding changed; the same claim in an edited sentence.
 */
const LOOSE_KEYS: ((t: Triple) => string)[] = [
  (t) => [t.doc, t.subject.norm, t.subject.text, t.object.norm, t.object.text, t.evidence.text].join('\u0001'),
  (t) => [t.doc, t.predicate, t.subject.text, t.object.text, t.evidence.text].join('\u0001'),
  (t) => [t.doc, t.predicate, t.subject.norm, t.subject.text, t.object.norm, t.object.text].join('\u0001'),
];

function pairBy<T>(olds: T[], news: T[], key: (x: T) => string): { pairs: [T, T][]; olds: T[]; news: T[] } {
  const pool = new Map<string, T[]>();
  for (const n of news) {
    const k = key(n);
    const list = pool.get(k);
    if (list) list.push(n);
    else pool.set(k, [n]);
  }
  const pairs: [T, T][] = [];
  const leftOld: T[] = [];
  for (const o of olds) {
    const match = pool.get(key(o))?.shift();
    if (match) pairs.push([o, match]);
    else leftOld.push(o);
  }
  const used = new Set(pairs.map(([, n]) => n));
  return { pairs, olds: leftOld, news: news.filter((n) => !used.has(n)) };
}

/** Triple changes, and the new id of every old triple that was paired (changed or not). */
function diffTriples(a: Triple[], b: Triple[]) {
  const out: { kind: ChangeKind; old?: Triple; new?: Triple; fields: string[] }[] = [];
  const idMap = new Map<string, string>();
  let { pairs, olds, news } = pairBy(a, b, (t) => `${t.doc}\u0001${t.id}`);
  const record = (ps: [Triple, Triple][]) => {
    for (const [o, n] of ps) {
      idMap.set(o.id, n.id);
      const fields = differing(TRIPLE_FIELDS, o, n);
      if (fields.length) out.push({ kind: 'changed', old: o, new: n, fields });
    }
  };
  record(pairs);
  for (const key of LOOSE_KEYS) {
    ({ pairs, olds, news } = pairBy(olds, news, key));
    record(pairs);
  }
  for (const o of olds) out.push({ kind: 'removed', old: o, fields: [] });
  for (const n of news) out.push({ kind: 'added', new: n, fields: [] });
  return { changes: out, idMap };
}

function occurrenceKeys(entities: Entity[]): Map<Entity, string> {
  const seen = new Map<string, number>();
  const out = new Map<Entity, string>();
  for (const e of [...entities].sort((x, y) => x.start - y.start)) {
    const k = `${e.doc}\u0001${e.text}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(e, `${k}\u0001${n}`);
  }
  return out;
}

function diffEntities(a: Entity[], b: Entity[], textChanged: Set<string>) {
  const out: { kind: ChangeKind; old?: Entity; new?: Entity; fields: string[] }[] = [];
  const aKeys = occurrenceKeys(a.filter((e) => textChanged.has(e.doc)));
  const bKeys = occurrenceKeys(b.filter((e) => textChanged.has(e.doc)));
  // unchanged text: the same span is the same mention; edited text: the n-th mention of the same words
  const key = (e: Entity) => (textChanged.has(e.doc) ? (aKeys.get(e) ?? bKeys.get(e))! : `${e.doc}\u0001${e.start}-${e.end}`);
  const { pairs, olds, news } = pairBy(a, b, key);
  for (const [o, n] of pairs) {
    const fields = differing(ENTITY_FIELDS, o, n);
    if (fields.length) out.push({ kind: 'changed', old: o, new: n, fields });
  }
  for (const o of olds) out.push({ kind: 'removed', old: o, fields: [] });
  for (const n of news) out.push({ kind: 'added', new: n, fields: [] });
  return out;
}

function diffStatements(a: Statement[], b: Statement[], idMap: Map<string, string>) {
  const out: { kind: ChangeKind; old?: Statement; new?: Statement; fields: string[] }[] = [];
  const { pairs, olds, news } = pairBy(a, b, (s) => `${s.doc}\u0001${s.id}`);
  for (const [o, n] of pairs) {
    const fields = differing(STATEMENT_FIELDS, translated(o, idMap), n);
    if (fields.length) out.push({ kind: 'changed', old: o, new: n, fields });
  }
  for (const o of olds) out.push({ kind: 'removed', old: o, fields: [] });
  for (const n of news) out.push({ kind: 'added', new: n, fields: [] });
  return out;
}

const KIND_ORDER: Record<ChangeKind, number> = { removed: 0, changed: 1, added: 2 };
const docOf = (c: { old?: { doc: string }; new?: { doc: string } }) => (c.new ?? c.old)!.doc;
const row = <T>(c: Change<T>): T => (c.new ?? c.old)!;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By document, then group (predicate), then position in the text, removed before changed before added. */
function sortChanges<T>(changes: Change<T>[], group: (r: T) => string, at: (r: T) => number): Change<T>[] {
  return changes.sort((x, y) => cmp(x.doc, y.doc) || cmp(group(row(x)), group(row(y))) || at(row(x)) - at(row(y)) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
}

export function diffRuns(oldRun: Run, newRun: Run): RunDiff {
  const inputs = compareInputs(oldRun, newRun);
  const textChanged = new Set([...inputs.documents.textChanged, ...inputs.documents.added, ...inputs.documents.removed]);
  const entities: EntityChange[] = diffEntities(oldRun.entities, newRun.entities, textChanged).map((c) => ({ ...c, doc: docOf(c), causes: entityCauses(docOf(c), inputs) }));
  const touched = new Set(entities.flatMap((c) => [c.old, c.new]).filter((e) => e !== undefined).map((e) => `${e.doc}\u0001${e.sentence}`));
  const { changes, idMap } = diffTriples(oldRun.triples, newRun.triples);
  const triples: TripleChange[] = changes.map((c) => {
    const doc = docOf(c);
    return { ...c, doc, causes: tripleCauses(c, inputs, oldRun, newRun, touched) };
  });
  const byTriple = new Map<string, Cause[]>();
  for (const c of triples) for (const t of [c.old, c.new]) if (t) byTriple.set(t.id, c.causes);
  const statements: StatementChange[] = diffStatements(oldRun.statements, newRun.statements, idMap).map((c) => ({ ...c, doc: docOf(c), causes: statementCauses(c, byTriple) }));
  return {
    old: oldRun.label,
    new: newRun.label,
    inputs,
    triples: sortChanges(triples, (t) => t.predicate, (t) => t.evidence.start),
    statements: sortChanges(statements, (s) => `${s.predicate}\u0001${s.subject.name}\u0001${s.object.name}`, () => 0),
    entities: sortChanges(entities, () => '', (e) => e.start),
  };
}
