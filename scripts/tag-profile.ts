/**
 * Dev tool: where the tag stage's CPU time and allocation go, per sub-stage. Runs the tag stage as
 * scripts/tag-speed.ts does (tagEntities + tagDrugClasses over the bench's 3 MB base set of held-out
 * abstracts) under V8's CPU profiler, then once more under its sampling heap profiler (counting
 * objects the GC has since collected, so the figure is bytes allocated, not bytes kept). Each sample
 * goes to the innermost function on its stack that lies in a file of src/tag (a regular expression
 * or builtin to the tag function that ran it); files are grouped into sub-stages below.
 *   npx tsx scripts/tag-profile.ts [checkout] [--reps N] [--shared ../shared] [--files] [--top N] [--save DIR]
 * `--files` lists shares per source file instead of per sub-stage; `--top N` adds the N functions
 * (regular expressions included) with the most CPU time and the most bytes allocated of their own;
 * `--save DIR` writes both profiles there (tag.cpuprofile, tag.heapprofile: Chrome DevTools opens them).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tagInputs } from './tag-inputs.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { reps: { type: 'string', default: '2' }, shared: { type: 'string', default: '../shared' }, files: { type: 'boolean', default: false }, top: { type: 'string', default: '0' }, save: { type: 'string' } } });
const root = path.resolve(positionals[0] ?? '.');
/** sub-stage of a file under src/tag (path relative to it); a file not listed is its own */
const SUB_STAGES: [RegExp, string][] = [
  [/^learned\//, 'learned gene tagger'],
  [/^mutations\//, 'mutations'],
  [/^automaton(-snapshot)?\.ts$/, 'dictionary scans'],
  [/^drug-classes\.ts$/, 'drug classes'],
  [/^species/, 'species'],
  [/^(abbreviations|gene-disambiguation)\.ts$/, 'abbreviations and disease abbreviations'],
  [/^(chemical-|nested-chemicals)/, 'chemical names, shapes and spans'],
  [/^tag-entities\.ts$/, 'tagEntities itself (matches, binding, overlaps)'],
];
const TAG_DIR = `${path.join(root, 'src', 'tag')}/`;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[]; selfSize?: number }

/** the label of a node: its tag file's sub-stage (or file), GC, or undefined (look at its caller) */
function labelOf(node: ProfileNode): string | undefined {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  if (!file.startsWith(TAG_DIR)) return undefined;
  const rel = file.slice(TAG_DIR.length);
  if (args.files) return rel;
  return SUB_STAGES.find(([re]) => re.test(rel))?.[1] ?? `other: ${rel}`;
}

/** weight per label: each node's weight goes to the innermost labelled node on its stack ('outside tag' when none) */
function attribute(nodes: ProfileNode[], weight: (n: ProfileNode) => number): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  for (const n of nodes) {
    const w = weight(n);
    if (!w) continue;
    let label: string | undefined, cur: number | undefined = n.id;
    while (cur !== undefined && !(label = labelOf(byId.get(cur)!))) cur = parent.get(cur);
    const key = label ?? 'outside tag';
    out.set(key, (out.get(key) ?? 0) + w);
  }
  return out;
}

/** the sampling heap profile's tree as a node list like the CPU profile's */
interface HeapNode { id: number; callFrame: ProfileNode['callFrame']; selfSize: number; children: HeapNode[] }
const flatten = (head: HeapNode): ProfileNode[] => {
  const out: ProfileNode[] = [];
  const walk = (n: HeapNode) => { out.push({ ...n, children: n.children.map((c) => c.id) }); n.children.forEach(walk); };
  walk(head);
  return out;
};

const work = mkdtempSync(path.join(os.tmpdir(), 'tag-profile-'));
const session = new Session();
session.connect();
try {
  const { mb, tagAll: run } = await tagInputs(root, args.shared!, work);
  run(); // warm-up: JIT, lazy lexicon decoding

  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  for (let r = 0; r < Number(args.reps); r++) run();
  const { profile } = await session.post('Profiler.stop');
  const hits = new Map<number, number>();
  profile.samples!.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  const cpu = attribute(profile.nodes as ProfileNode[], (n) => hits.get(n.id) ?? 0);

  await session.post('HeapProfiler.enable');
  // includeObjectsCollectedBy*: keep samples of objects already collected (the sampler drops them otherwise)
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  run();
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  const bytes = attribute(flatten(heap.head as unknown as HeapNode), (n) => n.selfSize ?? 0);

  if (args.save) {
    mkdirSync(args.save, { recursive: true });
    writeFileSync(path.join(args.save, 'tag.cpuprofile'), JSON.stringify(profile));
    writeFileSync(path.join(args.save, 'tag.heapprofile'), JSON.stringify(heap));
  }
  const cpuTotal = [...cpu.values()].reduce((a, b) => a + b, 0), byteTotal = [...bytes.values()].reduce((a, b) => a + b, 0);
  const rows = [...new Set([...cpu.keys(), ...bytes.keys()])].sort((a, b) => (cpu.get(b) ?? 0) - (cpu.get(a) ?? 0));
  console.log(`${root}: ${mb.toFixed(2)} MB of text, ${Number(args.reps)} profiled passes, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`${'sub-stage'.padEnd(52)} ${'CPU %'.padStart(6)} ${'MB alloc / MB text'.padStart(19)}`);
  for (const r of rows) console.log(`${r.padEnd(52)} ${(((cpu.get(r) ?? 0) / cpuTotal) * 100).toFixed(1).padStart(6)} ${((bytes.get(r) ?? 0) / 1e6 / mb).toFixed(1).padStart(19)}`);
  console.log(`${'all'.padEnd(52)} ${'100.0'.padStart(6)} ${(byteTotal / 1e6 / mb).toFixed(1).padStart(19)}`);
  const top = Number(args.top);
  if (top) {
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`.slice(0, 100);
    const own = (nodes: ProfileNode[], weight: (n: ProfileNode) => number) => {
      const m = new Map<string, number>();
      for (const n of nodes) m.set(name(n), (m.get(name(n)) ?? 0) + weight(n));
      return [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    };
    console.log('\nown CPU %');
    for (const [k, v] of own(profile.nodes as ProfileNode[], (n) => hits.get(n.id) ?? 0)) console.log(`${((v / cpuTotal) * 100).toFixed(1).padStart(6)}  ${k}`);
    console.log('\nown bytes allocated, MB / MB text');
    for (const [k, v] of own(flatten(heap.head as unknown as HeapNode), (n) => n.selfSize ?? 0)) console.log(`${(v / 1e6 / mb).toFixed(1).padStart(6)}  ${k}`);
  }
} finally {
  session.disconnect();
  rmSync(work, { recursive: true, force: true });
}
