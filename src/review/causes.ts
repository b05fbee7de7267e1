/**
 * Why something changed between two runs, from what the runs record: each document's sha256
 * (documents.jsonl) → `text`; dictionary checksums in the manifest → `dictionaries`; model
 * checksums (`models`, optional in older manifests) → `model`; the producing rule of a triple →
 * `rule`; a curation verdict listed in the manifest → `curation`. `code` means none of the recorded
 * inputs differs for that row: the tagger's code changed. A change may name several causes.
 */
import type { Entity, Statement, Triple } from '../model/schemas.js';
import type { Run, RunManifest } from './run.js';

export type Cause = 'text' | 'dictionaries' | 'model' | 'rule' | 'curation' | 'code';
export const CAUSES: Cause[] = ['text', 'dictionaries', 'model', 'rule', 'curation', 'code'];

export interface FileChange { file: string; old?: string; new?: string }

export interface InputChanges {
  documents: { added: string[]; removed: string[]; textChanged: string[] };
  dictionaries: FileChange[];
  models: FileChange[];
  /** the curation ledger's checksum in each manifest, when it differs */
  curation?: { old?: string; new?: string };
  tool: { old?: string; new?: string };
}

function compareFiles(a: { file: string; sha256: string }[] = [], b: { file: string; sha256: string }[] = []): FileChange[] {
  const olds = new Map(a.map((f) => [f.file, f.sha256]));
  const news = new Map(b.map((f) => [f.file, f.sha256]));
  return [...new Set([...olds.keys(), ...news.keys()])].sort()
    .filter((f) => olds.get(f) !== news.get(f))
    .map((file) => ({ file, old: olds.get(file), new: news.get(file) }));
}

const ledgerSha = (m: RunManifest) => (m.curation as { sha256?: string } | undefined)?.sha256;

export function compareInputs(a: Run, b: Run): InputChanges {
  const olds = new Map(a.documents.map((d) => [d.id, d.sha256]));
  const news = new Map(b.documents.map((d) => [d.id, d.sha256]));
  return {
    documents: {
      added: [...news.keys()].filter((d) => !olds.has(d)).sort(),
      removed: [...olds.keys()].filter((d) => !news.has(d)).sort(),
      textChanged: [...news.keys()].filter((d) => olds.has(d) && olds.get(d) !== news.get(d)).sort(),
    },
    dictionaries: compareFiles(a.manifest.dictionaries, b.manifest.dictionaries),
    models: compareFiles(a.manifest.models, b.manifest.models),
    ...(ledgerSha(a.manifest) !== ledgerSha(b.manifest) ? { curation: { old: ledgerSha(a.manifest), new: ledgerSha(b.manifest) } } : {}),
    tool: { old: a.manifest.tool?.version, new: b.manifest.tool?.version },
  };
}

const mentionIndex = new WeakMap<Run, Set<string>>();
const mentionKey = (doc: string, a: { start: number; end: number; norm: string }) => `${doc}\u0001${a.start}-${a.end}\u0001${a.norm}`;

function mentionsOf(run: Run): Set<string> {
  let index = mentionIndex.get(run);
  if (!index) {
    index = new Set(run.entities.map((e: Entity) => mentionKey(e.doc, e)));
    mentionIndex.set(run, index);
  }
  return index;
}

function rejectedIds(manifest: RunManifest): Set<string> {
  const curation = manifest.curation as { rejected?: { id: string }[] } | undefined;
  return new Set((curation?.rejected ?? []).map((r) => r.id));
}

const changedDocs = new WeakMap<InputChanges, Set<string>>();
/** the document's text changed, or it is in one run only */
function textChanged(inputs: InputChanges, doc: string): boolean {
  let set = changedDocs.get(inputs);
  if (!set) {
    set = new Set([...inputs.documents.textChanged, ...inputs.documents.added, ...inputs.documents.removed]);
    changedDocs.set(inputs, set);
  }
  return set.has(doc);
}

const fromModel = (t?: Triple) => !!t && ('model' in t || /^model\b/.test(t.rule));

/**
 * `touched` holds `doc\u0001sentence` of every sentence where a mention was added, removed or
 * changed: a triple there may have moved with its neighbours (a list that lost a member), not by
 * its own rule.
 */
export function tripleCauses(c: { kind: string; old?: Triple; new?: Triple; fields: string[] }, inputs: InputChanges, a: Run, b: Run, touched: Set<string>): Cause[] {
  const t = (c.new ?? c.old)!;
  if (textChanged(inputs, t.doc)) return ['text'];
  const causes = new Set<Cause>();
  if (c.kind === 'removed' && rejectedIds(b.manifest).has(t.id)) return ['curation'];
  if (c.kind === 'added' && rejectedIds(a.manifest).has(t.id)) return ['curation'];
  if (c.fields.includes('curation')) causes.add('curation');
  // an argument that is no mention (with that grounding) in the other run: the tagger's doing
  const other = c.kind === 'added' ? mentionsOf(a) : mentionsOf(b);
  const argsMoved = c.kind === 'changed' ? c.fields.includes('subject') || c.fields.includes('object') : [t.subject, t.object].some((x) => !other.has(mentionKey(t.doc, x)));
  if (argsMoved || touched.has(`${t.doc}\u0001${t.evidence.sentence}`)) causes.add(inputs.dictionaries.length ? 'dictionaries' : 'code');
  if (c.fields.includes('rule')) causes.add('rule');
  if (inputs.models.length && (fromModel(c.old) || fromModel(c.new))) causes.add('model');
  // a corrected predicate is the verdict's doing; anything else left unexplained is the relation step's
  const unexplained = c.fields.filter((f) => f !== 'curation' && !(f === 'predicate' && causes.has('curation')));
  if (causes.size === 0 || (causes.size === 1 && causes.has('curation') && unexplained.length)) causes.add(inputs.models.length ? 'model' : 'rule');
  return CAUSES.filter((x) => causes.has(x));
}

export function entityCauses(doc: string, inputs: InputChanges): Cause[] {
  if (textChanged(inputs, doc)) return ['text'];
  return [inputs.dictionaries.length ? 'dictionaries' : 'code'];
}

/** A statement changes because its evidence triples did: their causes, or `code` when none changed. */
export function statementCauses(c: { old?: Statement; new?: Statement }, byTriple: Map<string, Cause[]>): Cause[] {
  const causes = new Set<Cause>();
  for (const id of [...(c.old?.evidence ?? []), ...(c.new?.evidence ?? [])]) for (const x of byTriple.get(id) ?? []) causes.add(x);
  return causes.size ? CAUSES.filter((x) => causes.has(x)) : ['code'];
}
