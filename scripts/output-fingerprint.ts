/**
 * Fingerprints of the pipeline's output on the shared eval corpora (sha256 of every dataset
 * file but the manifest), so speed work can prove it changed nothing: the slow test
 * test/pipeline/identical-output.slow.test.ts compares them with test/fixtures/output-fingerprints.json.
 * `npx tsx scripts/output-fingerprint.ts [--write]` prints them (and rewrites the fixture):
 * only when a change of output is intended, and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../src/pipeline.js';
import type { EntitySource } from '../src/tag/given-entities.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '../shared');
export const FIXTURE = path.join(ROOT, 'test/fixtures/output-fingerprints.json');

/** a run: input files under ../shared, copied into a fresh folder, and the entity source */
export const FINGERPRINT_RUNS: Record<string, { files: string[]; entities?: EntitySource }> = {
  'biored-dev': { files: ['eval/biored/Dev.PubTator'] },
  'biored-dev-given-both': { files: ['eval/biored/Dev.PubTator'], entities: 'both' },
  'nlm-gene-test': { files: ['eval/ner/NLMgene_Test.PubTator'] },
  'tmvar3-test': { files: ['eval/ner/tmVar3_Test.PubTator'] },
  'gnormplus-test': { files: ['eval/ner/GNormPlus_Test.PubTator'] },
  'cdr-test': { files: ['eval/ner/CDR_TestSet.PubTator.txt'] },
  'drugprot-dev': { files: ['eval/ner/DrugProt_Dev750_as_AIONER_Test.PubTator'] },
  formats: { files: ['formats/pubmed-xml/pubmedsample18n0001.xml.gz', 'formats/pubmed-xml/pubmed18n0740_7_eval_files.xml', 'formats/pmc-bioc/PMC9586773.BioC.xml', ...nxml()] },
};

function nxml(): string[] {
  const dir = path.join(SHARED, 'formats/pmc-nxml');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.nxml')).sort().map((f) => `formats/pmc-nxml/${f}`) : [];
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** sha256 of each output file (texts/ included), the manifest left out: it names versions, not output */
export async function fingerprint(name: string): Promise<Record<string, string>> {
  const run = FINGERPRINT_RUNS[name];
  const work = mkdtempSync(path.join(os.tmpdir(), `fingerprint-${name}-`));
  try {
    const input = path.join(work, 'in');
    mkdirSync(input);
    for (const f of run.files) copyFileSync(path.join(SHARED, f), path.join(input, path.basename(f)));
    const out = path.join(work, 'out');
    await runPipeline({ input, out, entities: run.entities });
    // documents.jsonl names each source by its path: the temporary folder's name is not output
    const where = [path.relative(process.cwd(), input), input].filter(Boolean);
    const content = (f: string) => where.reduce((text, dir) => text.split(dir).join('<input>'), readFileSync(path.join(out, f), 'latin1'));
    return Object.fromEntries(listFiles(out).filter((f) => f !== 'manifest.json').map((f) => [f, createHash('sha256').update(content(f), 'latin1').digest('hex')]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(SHARED)) { console.error(`no ${SHARED}: nothing to fingerprint`); process.exit(1); }
  const all: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(FINGERPRINT_RUNS)) {
    const t = performance.now();
    all[name] = await fingerprint(name);
    console.error(`${name}: ${Object.keys(all[name]).length} files, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (process.argv.includes('--write')) writeFileSync(FIXTURE, JSON.stringify(all, null, 2) + '\n');
  console.log(JSON.stringify(all, null, 2));
}
