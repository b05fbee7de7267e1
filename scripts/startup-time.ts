/**
 * Start-up of a checkout: CPU and wall time from process start to the first document processed
 * (module imports, the lexicon from its warm cache, one short document).
 * `npx tsx scripts/startup-time.ts [checkout]` (default: this one); run it twice so the cache is
 * warm, and on two checkouts alternately to compare. Wall time includes tsx's own start.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const { buildLexicon, DICTIONARY_DIR } = await import(path.join(root, 'src/tag/dictionary.ts'));
const { processDocument } = await import(path.join(root, 'src/pipeline.ts'));
const imported = cpuMs();
const lexicon = buildLexicon(DICTIONARY_DIR);
const loaded = cpuMs();
const corpus = path.join(root, 'corpus');
const first = readdirSync(corpus).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort()[0];
// the first 1,500 characters of a corpus paper: a short document
const text = readFileSync(path.join(corpus, first), 'utf8').slice(0, 1500);
processDocument({ id: 'startup', source: first, format: 'markdown', text, sha256: '0'.repeat(64) }, lexicon);
const done = cpuMs();
console.log(JSON.stringify({
  cacheHit: lexicon.cache?.hit ?? false,
  importCpuMs: Math.round(imported),
  lexiconCpuMs: Math.round(loaded - imported),
  firstDocumentCpuMs: Math.round(done - loaded),
  totalCpuMs: Math.round(done),
  totalWallMs: Math.round(performance.now()),
}));
