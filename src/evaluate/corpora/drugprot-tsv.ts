/**
 * DrugProt official TSV release (abstracts, entities, relations; the development set and the
 * recovered part of the training set in ../shared/eval/drugprot/). Dev/eval/training use only.
 * The text is title + " " + abstract: the offsets' convention. Duplicate relation rows count once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BiocAnnotation, DrugprotDocument, DrugprotRelation } from './drugprot.js';

export interface DrugprotSplit { name: string; dir: string; documents: DrugprotDocument[]; files: string[] }

const rows = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t'));

/** `dir` holds drugprot_<split>_abstracs.tsv, _entities.tsv and _relations.tsv */
export function loadDrugprotSplit(dir: string, split: string): DrugprotSplit {
  const file = (kind: string) => path.join(dir, `drugprot_${split}_${kind}.tsv`);
  const files = [file('abstracs'), file('entities'), file('relations')];
  const docs = new Map<string, DrugprotDocument>();
  for (const [pmid, title, abstract] of rows(files[0])) {
    docs.set(pmid, { id: pmid, text: `${title} ${abstract ?? ''}`, annotations: [], relations: [], unresolved: 0 });
  }
  const byId = new Map<string, BiocAnnotation>();
  for (const [pmid, id, type, start, end, text] of rows(files[1])) {
    const d = docs.get(pmid);
    if (!d) continue;
    const a: BiocAnnotation = { id, type, identifier: '', spans: [{ start: +start, end: +end }], start: +start, end: +end, text };
    d.annotations.push(a);
    byId.set(`${pmid}:${id}`, a);
  }
  const seen = new Set<string>();
  for (const [pmid, type, arg1, arg2] of rows(files[2])) {
    const d = docs.get(pmid);
    if (!d) continue;
    const key = `${pmid}\t${type}\t${arg1}\t${arg2}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const chemical = byId.get(`${pmid}:${arg1.replace(/^Arg1:/, '')}`), gene = byId.get(`${pmid}:${arg2.replace(/^Arg2:/, '')}`);
    if (!chemical || !gene) { d.unresolved++; continue; }
    d.relations.push({ type, chemical, gene } satisfies DrugprotRelation);
  }
  const documents = [...docs.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const d of documents) {
    d.annotations.sort((a, b) => a.start - b.start || a.end - b.end);
    d.relations.sort((a, b) => a.chemical.start - b.chemical.start || a.gene.start - b.gene.start || a.type.localeCompare(b.type));
  }
  return { name: split, dir, documents, files };
}
