/** A mixed input folder for run-loop tests: the seed corpus, PubTator, PubMed/BioC/JATS XML, a PDF, broken files and a duplicated id. */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const tmp = (prefix = 'biotriples-run-') => mkdtempSync(path.join(os.tmpdir(), prefix));

export function mixedInput(): string {
  const dir = tmp('biotriples-mixed-');
  for (const name of readdirSync('corpus')) if (name.endsWith('.md') && name !== 'README.md') cpSync(path.join('corpus', name), path.join(dir, 'corpus', name));
  cpSync('test/fixtures/formats', path.join(dir, 'formats'), { recursive: true });
  cpSync('test/fixtures/inputs', path.join(dir, 'inputs'), { recursive: true });
  cpSync('test/fixtures/given', path.join(dir, 'given'), { recursive: true });
  return dir;
}

export const DATASET_FILES = ['entities.jsonl', 'triples.jsonl', 'statements.jsonl', 'documents.jsonl', 'annotations.pubtator', 'manifest.json'];

/** Every file of a run folder, by relative path (texts/ included). */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
