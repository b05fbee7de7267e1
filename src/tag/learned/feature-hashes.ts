/**
 * The learned gene tagger's features as the decoder reads them: each feature's hash straight from
 * the token strings, in one flat array, without building the feature strings of features.ts
 * (28 template strings a token, then hashed one by one, were most of the tagger's time).
 * FNV-1a runs over a string's characters in order, so hashing the template's fixed prefix and
 * then each inserted part gives the hash of the whole string: the numbers are those of
 * `sentenceFeatures(...).map((f) => f.map(hash))`, which stays the definition (training uses it).
 * `fastFeaturesAgree` compares both on sample sentences; the tagger uses this path only while they
 * agree, so a feature added to features.ts and not here costs speed, never a different result
 * (test/tag/learned/feature-hashes.test.ts compares them on the seed corpus).
 */
import { sentenceFeatures, spaceWord, tokenize, type SpaceWord, type Token } from './features.js';
import { HASH_BITS, hash } from './perceptron.js';

const MASK = (1 << HASH_BITS) - 1;
const OFFSET = 0x811c9dc5, PRIME = 0x01000193;
/** features per token, in sentenceFeatures' order */
export const FEATURES_PER_TOKEN = 28;

/** FNV-1a state after the characters of `s` */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}
function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}
const done = (h: number) => (h >>> 0) & MASK;
const P = (prefix: string) => fnv(OFFSET, prefix);
const PRE = {
  b: P('b'), w: P('w='), sh: P('sh='), p3: P('p3='), s3: P('s3='), s2: P('s2='), wm1: P('w-1='), wp1: P('w+1='), wm2: P('w-2='), wp2: P('w+2='),
  wm1w0: P('w-1w0='), w0wp1: P('w0w+1='), shm1: P('sh-1='), shp1: P('sh+1='), word: P('word='), wshape: P('wshape='), glue: P('glue='),
  dg: P('dg='), dgm1: P('dg-1='), dgp1: P('dg+1='), dd: P('dd='), dgdd: P('dg|dd='), dgw: P('dg|w='), dc: P('dc='), p4: P('p4='), s4: P('s4='),
  wm1sh: P('w-1sh='), shwp1: P('shw+1='),
};
const BAR = '|'.charCodeAt(0);
const bar = (h: number) => Math.imul(h ^ BAR, PRIME);

/** features.ts's shape in one pass: runs of capitals → A, lower case → a, digits → 0, Greek → g; first 6 */
export function shapeOf(s: string): string {
  let out = '';
  let last = -1;
  for (let i = 0; i < s.length && out.length < 6 + 1; i++) {
    const c = s.charCodeAt(i);
    const cls = c >= 65 && c <= 90 ? 65 : c >= 97 && c <= 122 ? 97 : c >= 48 && c <= 57 ? 48 : c >= 0x370 && c <= 0x3ff ? 103 : -1;
    if (cls >= 0) { if (cls !== last) out += String.fromCharCode(cls); }
    else out += s[i];
    last = cls;
  }
  return out.slice(0, 6);
}

/**
 * The hashed features of every token of one sentence, token i's at [i * FEATURES_PER_TOKEN, ...):
 * the same numbers as sentenceFeatures(text, tokens, gene, drug, chemical).map((f) => f.map(hash)).
 */
export function sentenceFeatureHashes(text: string, tokens: Token[], gene: string[], drug: string[], chemical: string[]): Int32Array {
  const n = tokens.length;
  const out = new Int32Array(n * FEATURES_PER_TOKEN);
  const lower = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t) => shapeOf(t.text));
  const w = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const words = new Map<number, SpaceWord>();
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const glued = i > 0 && tokens[i - 1].end === t.start;
    const gluedNext = i + 1 < n && tokens[i + 1].start === t.end;
    const ww = spaceWord(text, t, words, shapeOf);
    const w0 = lower[i], sh = shapes[i], len = w0.length;
    const wm1 = w(i - 1), wp1 = w(i + 1);
    const g = gene[i];
    out[k++] = done(PRE.b);
    out[k++] = done(fnv(PRE.w, w0));
    out[k++] = done(fnv(PRE.sh, sh));
    out[k++] = done(fnvRange(PRE.p3, w0, 0, Math.min(3, len)));
    out[k++] = done(fnvRange(PRE.s3, w0, Math.max(0, len - 3), len));
    out[k++] = done(fnvRange(PRE.s2, w0, Math.max(0, len - 2), len));
    out[k++] = done(fnv(PRE.wm1, wm1));
    out[k++] = done(fnv(PRE.wp1, wp1));
    out[k++] = done(fnv(PRE.wm2, w(i - 2)));
    out[k++] = done(fnv(PRE.wp2, w(i + 2)));
    out[k++] = done(fnv(bar(fnv(PRE.wm1w0, wm1)), w0));
    out[k++] = done(fnv(bar(fnv(PRE.w0wp1, w0)), wp1));
    out[k++] = done(fnv(PRE.shm1, i > 0 ? shapes[i - 1] : '<s>'));
    out[k++] = done(fnv(PRE.shp1, i + 1 < n ? shapes[i + 1] : '</s>'));
    out[k++] = done(fnv(PRE.word, ww.word));
    out[k++] = done(fnv(PRE.wshape, ww.wshape));
    out[k++] = done(Math.imul(Math.imul(PRE.glue ^ (glued ? 49 : 48), PRIME) ^ (gluedNext ? 49 : 48), PRIME));
    out[k++] = done(fnv(PRE.dg, g));
    out[k++] = done(fnv(PRE.dgm1, gene[i - 1] ?? '-'));
    out[k++] = done(fnv(PRE.dgp1, gene[i + 1] ?? '-'));
    out[k++] = done(fnv(PRE.dd, drug[i]));
    out[k++] = done(fnv(fnv(PRE.dgdd, g), drug[i]));
    out[k++] = done(fnv(bar(fnv(PRE.dgw, g)), w0));
    out[k++] = done(fnv(PRE.dc, chemical[i]));
    out[k++] = done(fnvRange(PRE.p4, w0, 0, Math.min(4, len)));
    out[k++] = done(fnvRange(PRE.s4, w0, Math.max(0, len - 4), len));
    out[k++] = done(fnv(bar(fnv(PRE.wm1sh, wm1)), sh));
    out[k++] = done(fnv(bar(fnv(PRE.shwp1, sh)), wp1));
  }
  return out;
}

/** sentences whose tokens exercise every template: sentence edges, glued tokens, digits, Greek, long words, trailing punctuation, short tokens */
const SAMPLES = [
  'HER2-positive (ErbB2) cells; TGF-β1 and IL-6R/gp130 rose 3-fold in MCF-7:',
  'a',
  'Supercalifragilisticexpialidociousnessxyzabcdefghijklmnopqrstuvwxyz-kinase-receptor-complex binds p53.',
  'The αβ T cells (CD4+CD8+) express NF-κB p65, c-Myc, and miR-21-5p; 5′-UTR…',
];
let agree: boolean | undefined;
/** whether sentenceFeatureHashes gives exactly features.ts's hashed features on the samples (checked once per process) */
export function fastFeaturesAgree(): boolean {
  if (agree !== undefined) return agree;
  agree = SAMPLES.every((text) => {
    const tokens = tokenize(text);
    const tags = ['O', 'B', 'I'];
    const [gene, drug, chemical] = [0, 1, 2].map((o) => tokens.map((_, i) => tags[(i + o) % 3]));
    const reference = sentenceFeatures(text, tokens, gene, drug, chemical);
    if (reference.some((f) => f.length !== FEATURES_PER_TOKEN)) return false;
    const fast = sentenceFeatureHashes(text, tokens, gene, drug, chemical);
    return reference.flat().every((f, i) => hash(f) === fast[i]);
  });
  return agree;
}
