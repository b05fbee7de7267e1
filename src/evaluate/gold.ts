/**
 * Gold annotation files (corpus/gold/GUIDELINES.md, section 4): the zod schema, a loader and a
 * consistency checker.
 *
 * The checker verifies, for one file against the original document text:
 * - the file parses (schema) and `doc` equals the file name without `.json`;
 * - every entity span lies inside the text, `end > start` and `text === original.slice(start, end)`;
 * - ids are unique (entity ids and triple ids, one namespace);
 * - triple predicates are in the vocabulary (src/relate/predicates.ts);
 * - triple subject/object ids exist and both argument spans lie inside the evidence span;
 * - the evidence span lies inside the text.
 * Warnings (reported, never fatal): entities not sorted by start, argument types the predicate
 * does not allow, evidence with leading/trailing whitespace, duplicate entity spans of one type.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EntityType } from '../model/schemas.js';
import { PREDICATE_BY_ID, allowedArguments } from '../relate/predicates.js';

export const GoldEntity = z.strictObject({
  id: z.string().min(1),
  type: EntityType,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  norm: z.string().min(1).nullable(),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

export const GoldTriple = z.strictObject({
  id: z.string().min(1),
  subject: z.string().min(1),
  predicate: z.string().min(1),
  object: z.string().min(1),
  evidence: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  negated: z.boolean(),
  hedged: z.boolean(),
});
export type GoldTriple = z.infer<typeof GoldTriple>;

export const GoldFile = z.strictObject({
  doc: z.string().min(1),
  entities: z.array(GoldEntity),
  triples: z.array(GoldTriple),
  notes: z.array(z.string()).default([]),
});
export type GoldFile = z.infer<typeof GoldFile>;

export interface GoldProblem {
  file: string;
  severity: 'error' | 'warning';
  /** where in the file: `entities[3] (T4)`, `triples[0] (R1)` or '' for the whole file */
  where: string;
  message: string;
}

export interface LoadedGold {
  file: string;
  gold: GoldFile;
  /** the original document text the offsets refer to */
  text: string;
  source: string;
}

const TEXT_EXTENSIONS = ['.md', '.txt', '.markdown', '.text'];

/** The corpus file for a doc id: `<corpusDir>/<doc>.md` (or .txt, .markdown, .text). */
export async function findDocumentFile(corpusDir: string, doc: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(corpusDir);
  } catch {
    return undefined;
  }
  for (const ext of TEXT_EXTENSIONS) if (names.includes(doc + ext)) return path.join(corpusDir, doc + ext);
  return undefined;
}

/** Reads a document as the tool does: UTF-8, a leading BOM dropped. */
export async function readDocumentText(file: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readFile(file)).replace(/^\uFEFF/, '');
}

/** Gold JSON files directly inside dir (not recursive; README/GUIDELINES are not JSON), sorted. */
export async function listGoldFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.') && n !== 'baseline.json')
    .sort()
    .map((n) => path.join(dir, n));
}

function zodProblems(file: string, error: z.ZodError): GoldProblem[] {
  return error.issues.map((issue) => ({
    file,
    severity: 'error' as const,
    where: issue.path.map(String).join('.'),
    message: `schema: ${issue.message}`,
  }));
}

/** Pure consistency checks of a parsed gold file against its document text. */
export function checkGold(file: string, gold: GoldFile, text: string): GoldProblem[] {
  const problems: GoldProblem[] = [];
  const err = (where: string, message: string) => problems.push({ file, severity: 'error', where, message });
  const warn = (where: string, message: string) => problems.push({ file, severity: 'warning', where, message });

  const expectedDoc = path.basename(file).replace(/\.json$/, '');
  if (gold.doc !== expectedDoc) err('doc', `doc "${gold.doc}" does not match the file name "${expectedDoc}"`);

  const ids = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const first = ids.get(id);
    if (first !== undefined) err(where, `duplicate id "${id}" (first used at ${first})`);
    else ids.set(id, where);
  };

  const entities = new Map<string, GoldEntity>();
  const spans = new Map<string, string>();
  let previousStart = -1;
  gold.entities.forEach((e, i) => {
    const where = `entities[${i}] (${e.id})`;
    claim(e.id, where);
    if (!entities.has(e.id)) entities.set(e.id, e);
    if (e.end <= e.start) err(where, `end ${e.end} must be greater than start ${e.start}`);
    else if (e.end > text.length) err(where, `span ${e.start}-${e.end} lies past the end of the text (${text.length} chars)`);
    else {
      const slice = text.slice(e.start, e.end);
      if (slice !== e.text) err(where, `text ${JSON.stringify(e.text)} != original slice ${JSON.stringify(slice)} at ${e.start}-${e.end}`);
    }
    if (e.start < previousStart) warn(where, `entities are not sorted by start (${e.start} after ${previousStart})`);
    previousStart = Math.max(previousStart, e.start);
    const spanKey = `${e.type}:${e.start}-${e.end}`;
    const dup = spans.get(spanKey);
    if (dup) warn(where, `same ${e.type} span ${e.start}-${e.end} as ${dup}`);
    else spans.set(spanKey, e.id);
  });

  gold.triples.forEach((t, i) => {
    const where = `triples[${i}] (${t.id})`;
    claim(t.id, where);
    if (!PREDICATE_BY_ID.has(t.predicate)) err(where, `unknown predicate "${t.predicate}"`);
    const ev = t.evidence;
    if (ev.end <= ev.start) err(where, `evidence end ${ev.end} must be greater than start ${ev.start}`);
    else if (ev.end > text.length) err(where, `evidence ${ev.start}-${ev.end} lies past the end of the text (${text.length} chars)`);
    else {
      const slice = text.slice(ev.start, ev.end);
      if (slice !== slice.trim()) warn(where, `evidence ${ev.start}-${ev.end} starts or ends with whitespace`);
    }
    const args: [string, string][] = [['subject', t.subject], ['object', t.object]];
    const resolved: GoldEntity[] = [];
    for (const [role, id] of args) {
      const e = entities.get(id);
      if (!e) {
        err(where, `${role} "${id}" is not an entity id of this file`);
        continue;
      }
      resolved.push(e);
      if (e.start < ev.start || e.end > ev.end) {
        err(where, `${role} ${id} (${e.start}-${e.end}) lies outside the evidence ${ev.start}-${ev.end}`);
      }
    }
    if (t.subject === t.object) err(where, `subject and object are the same entity "${t.subject}"`);
    if (resolved.length === 2 && PREDICATE_BY_ID.has(t.predicate) && !allowedArguments(t.predicate, resolved[0].type, resolved[1].type)) {
      warn(where, `${t.predicate} does not allow ${resolved[0].type} → ${resolved[1].type}`);
    }
  });
  return problems;
}

export interface LoadResult {
  loaded: LoadedGold[];
  problems: GoldProblem[];
}

/**
 * Loads and checks one gold file. The document text is looked up in corpusDir by the file's
 * `doc` (falling back to the file name). Returns undefined gold when the file is unusable.
 */
export async function loadGoldFile(file: string, corpusDir: string): Promise<{ loaded?: LoadedGold; problems: GoldProblem[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    return { problems: [{ file, severity: 'error', where: '', message: `cannot read JSON: ${(e as Error).message}` }] };
  }
  const parsed = GoldFile.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(file, parsed.error) };
  const gold = parsed.data;
  const docId = gold.doc || path.basename(file, '.json');
  const source = (await findDocumentFile(corpusDir, docId)) ?? (await findDocumentFile(corpusDir, path.basename(file, '.json')));
  if (!source) {
    return { problems: [{ file, severity: 'error', where: 'doc', message: `no document "${docId}" (.md/.txt) in ${corpusDir}` }] };
  }
  const text = await readDocumentText(source);
  const problems = checkGold(file, gold, text);
  return { loaded: { file, gold, text, source }, problems };
}

/** Loads and checks every gold JSON file in dir. */
export async function loadGoldDir(dir: string, corpusDir: string): Promise<LoadResult> {
  const loaded: LoadedGold[] = [];
  const problems: GoldProblem[] = [];
  for (const file of await listGoldFiles(dir)) {
    const r = await loadGoldFile(file, corpusDir);
    if (r.loaded) loaded.push(r.loaded);
    problems.push(...r.problems);
  }
  return { loaded, problems };
}

export function formatProblem(p: GoldProblem): string {
  return `${p.file}: ${p.severity}${p.where ? ` at ${p.where}` : ''}: ${p.message}`;
}

/**
 * The corpus directory for a gold dir: the nearest ancestor (the dir itself included) that holds
 * corpus text files, which for corpus/gold and corpus/gold/annotators/A is corpus/.
 */
export async function defaultCorpusDir(goldDir: string): Promise<string> {
  let dir = path.resolve(goldDir);
  for (;;) {
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      /* keep walking up */
    }
    if (names.some((n) => TEXT_EXTENSIONS.includes(path.extname(n)) && n.toLowerCase() !== 'readme.md' && n !== 'GUIDELINES.md')) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('corpus');
    dir = parent;
  }
}
