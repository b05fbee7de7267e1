/**
 * Per-stage throughput of a checkout, in MB of text per CPU-second (process CPU time, so figures
 * from a busy shared machine stay comparable), plus the lexicon's cached load time and heap.
 * `npx tsx scripts/stage-speed.ts [checkout]` (default: this one) — run it on two checkouts
 * alternately to compare before/after in the same conditions. Reads the checkout's corpus/ and,
 * when present, the tmVar abstracts in ../shared/eval next to this repository (normalize on abstracts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? '.');
const REPEAT = Number(process.env.REPEAT ?? 4);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const t0 = performance.now();
const { buildLexicon, DICTIONARY_DIR } = await import(path.join(root, 'src/tag/dictionary.ts'));
const { normalizeText } = await import(path.join(root, 'src/normalize/normalize.ts'));
const { segmentText } = await import(path.join(root, 'src/segment/segment.ts'));
const { tagEntities } = await import(path.join(root, 'src/tag/tag-entities.ts'));
const { findVariants } = await import(path.join(root, 'src/tag/mutations/index.ts'));
const t1 = performance.now();
const c1 = cpu();
const lexicon = buildLexicon(DICTIONARY_DIR);
const loadCpuMs = (cpu() - c1) * 1000;
const t2 = performance.now();
const dir = path.join(root, 'corpus');
const texts = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').map((f) => readFileSync(path.join(dir, f), 'utf8'));
const mb = (texts.reduce((n, x) => n + x.length, 0) * REPEAT) / 1e6;
const prepared = texts.map((x) => { const n = normalizeText(x); return { n, s: segmentText(n.text) }; });
const inScope = prepared.flatMap((p) => p.s.filter((s: { skip?: boolean }) => !s.skip).map((s: { start: number; end: number }) => p.n.text.slice(s.start, s.end)));
/** one untimed pass (JIT, lazy decoding), then the timed one */
const rate = (pass: () => void) => { pass(); const s = cpu(); pass(); return mb / (cpu() - s); };
const repeat = (fn: () => void) => () => { for (let r = 0; r < REPEAT; r++) fn(); };
// PubMed abstracts (no Markdown, no line breaks) from the shared tmVar corpus, when it is there
const tmvar = fileURLToPath(new URL('../../shared/eval/tmvar/train.PubTator.txt', import.meta.url));
const abstracts = existsSync(tmvar) ? readFileSync(tmvar, 'utf8').split('\n').filter((l) => /^\d+\|a\|/.test(l)).map((l) => l.slice(l.indexOf('|a|') + 3)) : [];
const abstractMb = (abstracts.reduce((n, x) => n + x.length, 0) * REPEAT) / 1e6;
const out = {
  cacheHit: lexicon.cache?.hit ?? false,
  importMs: Math.round(t1 - t0),
  lexiconLoadMs: Math.round(t2 - t1),
  lexiconLoadCpuMs: Math.round(loadCpuMs),
  heapMbAfterLoad: Math.round(process.memoryUsage().heapUsed / 1e6),
  normalize: rate(repeat(() => { for (const x of texts) normalizeText(x); })),
  ...(abstracts.length ? { normalizeAbstracts: (rate(repeat(() => { for (const x of abstracts) normalizeText(x); })) * abstractMb) / mb } : {}),
  tag: rate(repeat(() => { for (const p of prepared) tagEntities(p.n.text, p.s, lexicon); })),
  dictionaryScan: rate(repeat(() => { for (const s of inScope) lexicon.automaton.scan(s); })),
  mutations: rate(repeat(() => { for (const s of inScope) findVariants(s); })),
};
console.log(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]))));
