/**
 * `npm run train:genes`: trains the learned gene-mention tagger (src/tag/learned/) on the DrugProt
 * training abstracts (GENE-Y and GENE-N), BioRED Train (GeneOrGeneProduct) and GNormPlus Train (Gene,
 * FamilyName) from ../shared/eval,
 * and writes models/gene-tagger.json with a manifest (sources and their sha256, counts, epochs).
 * A species word leading a DrugProt span is left out of it, as the other corpora annotate.
 * Deterministic: documents in file order, fixed epochs, no randomness. A training abstract whose PMID
 * is in a held-out set that eval:ner scores (BioRED Train shares 46 abstracts with tmVar3 Test and 16
 * with NLM-Gene Test) is left out, so those figures stay held out; the held-out sets are read for
 * their PMIDs only.
 * `-- --out <file>` writes elsewhere (the slow test compares a fresh build with the committed file).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePubtatorNer } from '../src/evaluate/corpora/ner.ts';
import { buildLexicon } from '../src/tag/dictionary.ts';
import { MODEL_FILE, featureSequence } from '../src/tag/learned/gene-tagger.ts';
import { HASH_BITS, type Label, train } from '../src/tag/learned/perceptron.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL = resolve(ROOT, '../shared/eval');
const EPOCHS = 10;
const DRUGPROT = ['drugprot/training-partial/drugprot_training_abstracs.tsv', 'drugprot/training-partial/drugprot_training_entities.tsv'];
const BIORED = 'biored/Train.PubTator';

const SPECIES_WORDS = /^(?:(?:human|mouse|murine|rat|bovine|porcine|rabbit|canine|ovine|chicken|guinea pig|hamster|monkey|recombinant|cloned|native|wild-type)\s+)+/i;

interface Doc { pmid: string; text: string; spans: { start: number; end: number }[] }

function drugprotDocs(): Doc[] {
  const texts = new Map<string, string>();
  for (const line of readFileSync(resolve(EVAL, DRUGPROT[0]), 'utf8').split('\n')) {
    const [pmid, title, abstract] = line.split('\t');
    if (pmid && title !== undefined) texts.set(pmid, `${title} ${abstract ?? ''}`);
  }
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const line of readFileSync(resolve(EVAL, DRUGPROT[1]), 'utf8').split('\n')) {
    const [pmid, , type, start, end] = line.split('\t');
    if (!type?.startsWith('GENE')) continue;
    const list = spans.get(pmid) ?? [];
    let s0 = Number(start);
    const text = texts.get(pmid) ?? '';
    // DrugProt puts the species word inside the span ("human TRPA1"); BioRED, GNormPlus, NLM-Gene and the gold guidelines leave it out
    const m = SPECIES_WORDS.exec(text.slice(s0, Number(end)));
    if (m && s0 + m[0].length < Number(end)) s0 += m[0].length;
    list.push({ start: s0, end: Number(end) });
    spans.set(pmid, list);
  }
  return [...texts.entries()].map(([pmid, text]) => ({ pmid, text, spans: spans.get(pmid) ?? [] }));
}

const GNORMPLUS = 'ner/GNormPlus_Train.PubTator';
const gnormplusDocs = (): Doc[] =>
  parsePubtatorNer(readFileSync(resolve(EVAL, GNORMPLUS), 'utf8')).map((d) => ({ pmid: d.id, text: d.text, spans: d.mentions.filter((m) => m.type === 'Gene' || m.type === 'FamilyName') }));

const NLMGENE = 'ner/NLMgene_Train.PubTator';
const nlmgeneDocs = (): Doc[] =>
  parsePubtatorNer(readFileSync(resolve(EVAL, NLMGENE), 'utf8')).map((d) => ({ pmid: d.id, text: d.text, spans: d.mentions.filter((m) => m.type === 'Gene' || m.type === 'FamilyName') }));

const bioredDocs = (): Doc[] =>
  parsePubtatorNer(readFileSync(resolve(EVAL, BIORED), 'utf8')).map((d) => ({ pmid: d.id, text: d.text, spans: d.mentions.filter((m) => m.type === 'GeneOrGeneProduct') }));

/** the held-out sets eval:ner reports gene and variant figures on (PubTator; their PMIDs only) */
export const HELD_OUT = ['biored/Dev.PubTator', 'ner/NLMgene_Test.PubTator', 'ner/GNormPlus_Test.PubTator', 'ner/DrugProt_Dev750_as_AIONER_Test.PubTator', 'ner/tmVar3_Test.PubTator'];
export const pmidsOf = (f: string): Set<string> =>
  new Set(readFileSync(resolve(EVAL, f), 'utf8').split('\n').map((l) => /^(\d+)\|[ta]\|/.exec(l)?.[1]).filter((x): x is string => !!x));

/** cross-validation fold of a PMID: FNV-1a of its digits mod n (stable across runs and machines) */
export function foldOf(pmid: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pmid.length; i++) { h ^= pmid.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) % n;
}

function main(): number {
  const files = [...DRUGPROT, BIORED, GNORMPLUS, NLMGENE];
  const missing = files.find((f) => !existsSync(resolve(EVAL, f)));
  if (missing) { console.log(`train:genes skipped: ${resolve(EVAL, missing)} not found`); return 0; }
  const lexicon = buildLexicon();
  const heldOut = new Set(HELD_OUT.filter((f) => existsSync(resolve(EVAL, f))).flatMap((f) => [...pmidsOf(f)]));
  const all = [...drugprotDocs(), ...bioredDocs(), ...gnormplusDocs(), ...nlmgeneDocs()];
  // --fold k/n (cross-validation, scripts/gene-span-cv.ts): also leave out the training abstracts of fold k
  const fi = process.argv.indexOf('--fold');
  const fold = fi >= 0 ? /^(\d+)\/(\d+)$/.exec(process.argv[fi + 1] ?? '') : null;
  if (fi >= 0 && !fold) throw new Error(`--fold wants k/n (got "${process.argv[fi + 1]}")`);
  const docs = all.filter((d) => !heldOut.has(d.pmid) && !(fold && foldOf(d.pmid, Number(fold[2])) === Number(fold[1])));
  const data = docs.map((d) => {
    const { tokens, feats } = featureSequence(d.text, lexicon.automaton);
    const gold: Label[] = tokens.map(() => 'O');
    for (const s of d.spans) {
      let first = true;
      tokens.forEach((t, i) => { if (t.start < s.end && s.start < t.end && gold[i] === 'O') { gold[i] = first ? 'B' : 'I'; first = false; } });
    }
    return { feats, gold };
  });
  const model = train(data, EPOCHS);
  const sha = (f: string) => createHash('sha256').update(readFileSync(resolve(EVAL, f))).digest('hex');
  const manifest = {
    what: 'gene-mention tagger: averaged perceptron, greedy BIO decoding, hashed features (src/tag/learned/)',
    trainedOn: files.map((f) => ({ file: `../shared/eval/${f}`, sha256: sha(f) })),
    heldOutLeftOut: { sets: HELD_OUT.map((f) => `../shared/eval/${f}`), documents: all.length - docs.length },
    ...(fold ? { crossValidationFold: fold[0] } : {}),
    documents: docs.length, tokens: data.reduce((n, d) => n + d.gold.length, 0), epochs: EPOCHS, hashBits: HASH_BITS,
    dictionaries: lexicon.files.map((f) => ({ file: f.file, sha256: f.sha256 })),
    spans: 'DrugProt spans without a leading species word ("human TRPA1" → "TRPA1")',
    licence: 'trained on DrugProt (CC BY 4.0), BioRED and GNormPlus annotations',
  };
  const k = process.argv.indexOf('--out');
  const out = k >= 0 && process.argv[k + 1] ? resolve(process.argv[k + 1]) : MODEL_FILE;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ manifest, ...model.serialize() }) + '\n');
  console.log(`trained on ${docs.length} documents, ${manifest.tokens} tokens, ${EPOCHS} epochs → ${out}`);
  return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main();
