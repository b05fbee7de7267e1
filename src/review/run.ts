/**
 * A finished run read back for review: its manifest, documents, entities, triples and statements,
 * from an output folder or from a git revision (`git:<rev>` = the `output/` folder at <rev>,
 * `git:<rev>:<dir>` another folder), read with `git show` so the work tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentRecord, Entity, Statement, Triple } from '../model/schemas.js';

/** The manifest fields review reads; `models` comes from the relation-model work and may be absent. */
export interface RunManifest {
  tool?: { name: string; version: string };
  dictionaries?: { file: string; rows?: number; sha256: string }[];
  models?: { file: string; sha256: string }[];
  [key: string]: unknown;
}

export interface Run {
  /** how the user named it: a folder or git:<rev> */
  label: string;
  /** the folder on disk, when the run is one (texts/ and score/ are read from it) */
  dir?: string;
  manifest: RunManifest;
  documents: DocumentRecord[];
  entities: Entity[];
  triples: Triple[];
  statements: Statement[];
}

export class RunError extends Error {}

type Reader = (file: string) => string | undefined;

function folderReader(dir: string): Reader {
  return (file) => {
    const full = path.join(dir, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

function gitReader(rev: string, dir: string): Reader {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { stdio: 'pipe' });
  } catch {
    throw new RunError(`git:${rev}: not a revision of this repository`);
  }
  return (file) => {
    try {
      return execFileSync('git', ['show', `${rev}:${path.posix.join(dir, file)}`], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      return undefined;
    }
  };
}

function parseJsonl<T>(where: string, text: string | undefined): T[] {
  if (text === undefined) return [];
  const rows: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (e) {
      throw new RunError(`${where}:${i + 1}: invalid JSON (${(e as Error).message})`);
    }
  });
  return rows;
}

/** Reads a run named by a folder path or `git:<rev>[:<dir>]`; a missing manifest or entities file is an error. */
export function loadRun(spec: string): Run {
  let read: Reader;
  let where: string;
  let dir: string | undefined;
  const git = /^git:([^:]+)(?::(.+))?$/.exec(spec);
  if (git) {
    const sub = git[2] ?? 'output';
    read = gitReader(git[1], sub);
    where = `git:${git[1]}:${sub}`;
  } else {
    if (!existsSync(spec)) throw new RunError(`${spec}: no such folder`);
    read = folderReader(spec);
    where = spec;
    dir = spec;
  }
  const manifestText = read('manifest.json');
  if (manifestText === undefined) throw new RunError(`${where}: no manifest.json (not a finished run?)`);
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(manifestText) as RunManifest;
  } catch (e) {
    throw new RunError(`${where}/manifest.json: invalid JSON (${(e as Error).message})`);
  }
  const entitiesText = read('entities.jsonl');
  if (entitiesText === undefined) throw new RunError(`${where}: no entities.jsonl`);
  return {
    label: spec,
    dir,
    manifest,
    documents: parseJsonl(`${where}/documents.jsonl`, read('documents.jsonl')),
    entities: parseJsonl(`${where}/entities.jsonl`, entitiesText),
    triples: parseJsonl(`${where}/triples.jsonl`, read('triples.jsonl')),
    statements: parseJsonl(`${where}/statements.jsonl`, read('statements.jsonl')),
  };
}
