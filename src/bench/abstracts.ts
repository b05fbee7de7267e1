/**
 * The bench's text: held-out PubMed abstracts from ../shared/eval (dev tool only; the product never
 * reads ../shared), or the seed corpus when they are absent. Sets of a given size are written as
 * PubTator input files, repeating the abstracts with fresh document ids, so every figure of one
 * bench run is measured on the same text.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePubtator, pubtatorText } from '../ingest/pubtator.js';

export interface Abstract { id: string; title: string; abstract: string }

/** held-out parts (test or development splits, none the relation model or gene tagger trains on) */
export const HELD_OUT = [
  'eval/biored/Dev.PubTator',
  'eval/ner/DrugProt_Dev750_as_AIONER_Test.PubTator',
  'eval/ner/NLMgene_Test.PubTator',
  'eval/ner/tmVar3_Test.PubTator',
];

export interface BenchText { abstracts: Abstract[]; origin: string; warning?: string }

/** The held-out abstracts, each PMID once, in file order; the seed corpus (one document per file) when absent. */
export function loadBenchText(shared: string, corpus = 'corpus'): BenchText {
  const files = HELD_OUT.map((f) => path.join(shared, f)).filter((f) => existsSync(f));
  if (files.length) {
    const seen = new Set<string>();
    const abstracts: Abstract[] = [];
    for (const file of files)
      for (const d of parsePubtator(readFileSync(file, 'utf8')))
        if (!seen.has(d.pmid) && d.title + d.abstract) { seen.add(d.pmid); abstracts.push({ id: d.pmid, title: d.title, abstract: d.abstract }); }
    return { abstracts, origin: `${abstracts.length} held-out PubMed abstracts (${files.map((f) => path.relative(shared, f)).join(', ')})` };
  }
  // PubTator holds one line per part: a seed paper's lines are joined with spaces (its own newlines are not kept)
  const seeds = readdirSync(corpus).filter((f) => /\.(md|txt)$/.test(f) && f.toLowerCase() !== 'readme.md').sort();
  const abstracts = seeds.map((f) => {
    const [title, ...rest] = readFileSync(path.join(corpus, f), 'utf8').split('\n');
    return { id: f.replace(/\.[^.]+$/, ''), title: title.trim(), abstract: rest.join(' ').replace(/\s+/g, ' ').trim() };
  });
  return { abstracts, origin: `${abstracts.length} seed papers (${corpus}/)`, warning: `${path.join(shared, 'eval')} not found: the bench runs on the seed corpus instead of held-out abstracts` };
}

/** characters of a document's text as the pipeline sees it (title + separator + abstract) */
export const textChars = (a: Abstract): number => pubtatorText(a).length;

export interface WrittenSet { dir: string; files: number; documents: number; chars: number }

/**
 * Writes at least `chars` characters of document text as PubTator files of `perFile` documents
 * into `dir`: the abstracts in order, then again with ids suffixed `-r2`, `-r3`... (fresh ids,
 * so no document is a duplicate of another).
 */
export function writeAbstractSet(dir: string, abstracts: Abstract[], chars: number, perFile = 100): WrittenSet {
  if (!abstracts.length) throw new Error('no abstracts to write');
  mkdirSync(dir, { recursive: true });
  let total = 0, documents = 0, files = 0;
  let block: string[] = [];
  const flush = () => {
    if (!block.length) return;
    writeFileSync(path.join(dir, `abstracts-${String(++files).padStart(5, '0')}.pubtator`), block.join(''));
    block = [];
  };
  for (let round = 1; total < chars; round++)
    for (const a of abstracts) {
      if (total >= chars) break;
      const id = round === 1 ? a.id : `${a.id}-r${round}`;
      block.push(`${id}|t|${a.title}\n${id}|a|${a.abstract}\n\n`);
      total += textChars(a);
      documents++;
      if (block.length === perFile) flush();
    }
  flush();
  return { dir, files, documents, chars: total };
}

/** The documents' texts of a written set, read back the way the pipeline reads them. */
export function readSetTexts(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.pubtator')).sort()
    .flatMap((f) => parsePubtator(readFileSync(path.join(dir, f), 'utf8')).map(pubtatorText));
}
