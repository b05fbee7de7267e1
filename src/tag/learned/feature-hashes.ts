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
import { SPACE_WORD_REACH, isSpace, sentenceFeatures, spaceWord, spaceWordOf, tokenize, type SpaceWord, type TokenSpan } from './features.js';
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

/** FNV-1a state after shapeOf(text.slice(from, to)), without its string */
function shapeHash(h: number, text: string, from: number, to: number): number {
  let last = -1, emitted = 0;
  for (let i = from; i < to && emitted < 6; i++) {
    const c = text.charCodeAt(i);
    const cls = c >= 65 && c <= 90 ? 65 : c >= 97 && c <= 122 ? 97 : c >= 48 && c <= 57 ? 48 : c >= 0x370 && c <= 0x3ff ? 103 : -1;
    if (cls < 0) { h = Math.imul(h ^ c, PRIME); emitted++; }
    else if (cls !== last) { h = Math.imul(h ^ cls, PRIME); emitted++; }
    last = cls;
  }
  return h;
}

/** characters spaceWordOf drops from a word's end (its TRAILING): . , ; : ) */
const isTrailing = (c: number) => c === 46 || c === 44 || c === 59 || c === 58 || c === 41;

/**
 * The `word=` feature of the white-space word text[ws, we), as spaceWordOf's word gives it: an ASCII
 * word is lower-cased and stripped while it is hashed (no string); any other goes through spaceWordOf
 * (toLowerCase may change its length).
 */
function spaceWordHash(text: string, ws: number, we: number): number {
  for (let i = ws; i < we; i++) if (text.charCodeAt(i) > 127) return done(fnv(PRE.word, spaceWordOf(text, ws, we, shapeOf).word));
  let e = we;
  while (e > ws && isTrailing(text.charCodeAt(e - 1))) e--;
  let h = PRE.word;
  for (let i = ws; i < e; i++) { const c = text.charCodeAt(i); h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), PRIME); }
  return done(h);
}

/**
 * What the features of a token take from its own text, hashed once per distinct token text (the
 * same words recur across sentences): the finished hashes of its single-word templates, and the
 * FNV states after a two-word template's prefix, this word and its `|`, from which the pair
 * feature continues over the neighbour's characters.
 */
interface WordHashes {
  lower: string; shape: string;
  w: number; sh: number; p3: number; s3: number; s2: number; p4: number; s4: number;
  /** this word as the neighbour w-1, w+1, w-2, w+2; its shape as sh-1, sh+1 */
  asM1: number; asP1: number; asM2: number; asP2: number; shAsM1: number; shAsP1: number;
  /** states of w-1w0 (as w-1), w0w+1 (as w0), w-1sh (as w-1), shw+1 (its shape as sh) */
  leftOfPair: number; pairWithNext: number; leftOfShape: number; shapeWithNext: number;
  /** dg|w for the gene tags O, B, I */
  dgO: number; dgB: number; dgI: number;
}

const DGW = { O: bar(fnv(PRE.dgw, 'O')), B: bar(fnv(PRE.dgw, 'B')), I: bar(fnv(PRE.dgw, 'I')) };
function wordHashes(text: string): WordHashes {
  const lower = text.toLowerCase(), shape = shapeOf(text), len = lower.length;
  return {
    lower, shape,
    w: done(fnv(PRE.w, lower)), sh: done(fnv(PRE.sh, shape)),
    p3: done(fnvRange(PRE.p3, lower, 0, Math.min(3, len))), s3: done(fnvRange(PRE.s3, lower, Math.max(0, len - 3), len)),
    s2: done(fnvRange(PRE.s2, lower, Math.max(0, len - 2), len)), p4: done(fnvRange(PRE.p4, lower, 0, Math.min(4, len))),
    s4: done(fnvRange(PRE.s4, lower, Math.max(0, len - 4), len)),
    asM1: done(fnv(PRE.wm1, lower)), asP1: done(fnv(PRE.wp1, lower)), asM2: done(fnv(PRE.wm2, lower)), asP2: done(fnv(PRE.wp2, lower)),
    shAsM1: done(fnv(PRE.shm1, shape)), shAsP1: done(fnv(PRE.shp1, shape)),
    leftOfPair: bar(fnv(PRE.wm1w0, lower)), pairWithNext: bar(fnv(PRE.w0wp1, lower)), leftOfShape: bar(fnv(PRE.wm1sh, lower)), shapeWithNext: bar(fnv(PRE.shwp1, shape)),
    dgO: done(fnv(DGW.O, lower)), dgB: done(fnv(DGW.B, lower)), dgI: done(fnv(DGW.I, lower)),
  };
}
/** the sentence edges as neighbours: w-1 / sh-1 before the first token, w+1 / sh+1 after the last */
const EDGE = {
  m1: done(fnv(PRE.wm1, '<s>')), m2: done(fnv(PRE.wm2, '<s>')), p1: done(fnv(PRE.wp1, '</s>')), p2: done(fnv(PRE.wp2, '</s>')),
  shm1: done(fnv(PRE.shm1, '<s>')), shp1: done(fnv(PRE.shp1, '</s>')),
  leftOfPair: bar(fnv(PRE.wm1w0, '<s>')), leftOfShape: bar(fnv(PRE.wm1sh, '<s>')),
};
/** a dictionary tag's index (O, B, I), or -1 for another string (hashed as features.ts would) */
const tagIndex = (t: string | undefined) => (t === 'O' ? 0 : t === 'B' ? 1 : t === 'I' ? 2 : -1);
const TAGS = ['O', 'B', 'I'];
/** hashes of a template over dictionary tags, by tag index; [3]: the `-` outside the sentence */
const tagHashes = (prefix: number) => [...TAGS, '-'].map((t) => done(fnv(prefix, t)));
const TAG = {
  dg: tagHashes(PRE.dg), dgm1: tagHashes(PRE.dgm1), dgp1: tagHashes(PRE.dgp1), dd: tagHashes(PRE.dd), dc: tagHashes(PRE.dc),
  dgdd: TAGS.map((g) => tagHashes(fnv(PRE.dgdd, g))),
};
const GLUE = [0, 1, 2, 3].map((k) => done(Math.imul(Math.imul(PRE.glue ^ (k & 2 ? 49 : 48), PRIME) ^ (k & 1 ? 49 : 48), PRIME)));
const END_CHARS = '</s>';

/**
 * Distinct token texts seen, up to a bound (then forgotten at once: a long run never holds more),
 * in an open-addressing table keyed by the token's characters in the sentence, so a token seen
 * before costs a hash of its characters and no string.
 */
const WORDS_MAX = 50_000;
const SLOTS = new Int32Array(1 << 17); // entry + 1; a power of two over 2.5 × WORDS_MAX
const KEYS: string[] = [];
const ENTRIES: WordHashes[] = [];
function wordOf(text: string, start: number, end: number): WordHashes {
  let h = OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  h ^= h >>> 15;
  const mask = SLOTS.length - 1, len = end - start;
  let slot = Math.imul(h, 0x2c1b3c6d) >>> 15 & mask;
  for (; ; slot = (slot + 1) & mask) {
    const e = SLOTS[slot] - 1;
    if (e < 0) break;
    const key = KEYS[e];
    if (key.length !== len) continue;
    let i = 0;
    while (i < len && key.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === len) return ENTRIES[e];
  }
  if (KEYS.length >= WORDS_MAX) {
    SLOTS.fill(0); KEYS.length = 0; ENTRIES.length = 0;
    return wordOf(text, start, end);
  }
  const key = text.slice(start, end), entry = wordHashes(key);
  SLOTS[slot] = KEYS.push(key);
  ENTRIES.push(entry);
  return entry;
}

/** a tag template's hash: from the table for O, B, I and `-`, else the string hashed */
const tagHash = (table: number[], prefix: number, t: string | undefined) => {
  const k = t === undefined ? 3 : tagIndex(t);
  return k >= 0 ? table[k] : done(fnv(prefix, t!));
};

/**
 * The hashed features of every token of one sentence, token i's at [i * FEATURES_PER_TOKEN, ...):
 * the same numbers as sentenceFeatures(text, tokens, gene, drug, chemical).map((f) => f.map(hash)).
 */
export function sentenceFeatureHashes(text: string, tokens: TokenSpan[], gene: string[], drug: string[], chemical: string[]): Int32Array {
  const n = tokens.length;
  const out = new Int32Array(n * FEATURES_PER_TOKEN);
  const ws: WordHashes[] = new Array(n);
  for (let i = 0; i < n; i++) ws[i] = wordOf(text, tokens[i].start, tokens[i].end);
  // the white-space word around each token (spaceWord): tokens cover every character but white space,
  // so a run of glued tokens is one word; its hashes are made once per run (per clipped span in a long one)
  const words = new Map<number, SpaceWord>();
  let runStart = 0, runEnd = 0, lastWs = -1, lastWe = -1, wordHash = 0, wshapeHash = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i], cur = ws[i];
    const prev = i > 0 ? ws[i - 1] : undefined, next = i + 1 < n ? ws[i + 1] : undefined;
    const glued = i > 0 && tokens[i - 1].end === t.start;
    const gluedNext = i + 1 < n && tokens[i + 1].start === t.end;
    if (!glued) {
      runStart = t.start;
      let j = i;
      while (j + 1 < n && tokens[j + 1].start === tokens[j].end) j++;
      runEnd = tokens[j].end;
    }
    // the run is a whole word only between white space (or the text's ends); otherwise spaceWord decides
    if ((runStart === 0 || isSpace(text.charCodeAt(runStart - 1))) && (runEnd === text.length || isSpace(text.charCodeAt(runEnd)))) {
      const wStart = Math.max(runStart, t.start - SPACE_WORD_REACH), wEnd = Math.min(runEnd, t.end + SPACE_WORD_REACH);
      if (wStart !== lastWs || wEnd !== lastWe) {
        wordHash = spaceWordHash(text, wStart, wEnd);
        wshapeHash = done(shapeHash(PRE.wshape, text, wStart, wEnd));
        lastWs = wStart; lastWe = wEnd;
      }
    } else {
      const ww = spaceWord(text, t, words, shapeOf);
      wordHash = done(fnv(PRE.word, ww.word));
      wshapeHash = done(fnv(PRE.wshape, ww.wshape));
      lastWs = lastWe = -1;
    }
    const g = gene[i], d = drug[i], gi = tagIndex(g), di = tagIndex(d);
    out[k++] = done(PRE.b);
    out[k++] = cur.w;
    out[k++] = cur.sh;
    out[k++] = cur.p3;
    out[k++] = cur.s3;
    out[k++] = cur.s2;
    out[k++] = prev ? prev.asM1 : EDGE.m1;
    out[k++] = next ? next.asP1 : EDGE.p1;
    out[k++] = i >= 2 ? ws[i - 2].asM2 : EDGE.m2;
    out[k++] = i + 2 < n ? ws[i + 2].asP2 : EDGE.p2;
    out[k++] = done(fnv(prev ? prev.leftOfPair : EDGE.leftOfPair, cur.lower));
    out[k++] = done(fnv(cur.pairWithNext, next ? next.lower : END_CHARS));
    out[k++] = prev ? prev.shAsM1 : EDGE.shm1;
    out[k++] = next ? next.shAsP1 : EDGE.shp1;
    out[k++] = wordHash;
    out[k++] = wshapeHash;
    out[k++] = GLUE[(glued ? 2 : 0) + (gluedNext ? 1 : 0)];
    out[k++] = gi >= 0 ? TAG.dg[gi] : done(fnv(PRE.dg, g));
    out[k++] = tagHash(TAG.dgm1, PRE.dgm1, gene[i - 1]);
    out[k++] = tagHash(TAG.dgp1, PRE.dgp1, gene[i + 1]);
    out[k++] = di >= 0 ? TAG.dd[di] : done(fnv(PRE.dd, d));
    out[k++] = gi >= 0 && di >= 0 ? TAG.dgdd[gi][di] : done(fnv(fnv(PRE.dgdd, g), d));
    out[k++] = gi === 0 ? cur.dgO : gi === 1 ? cur.dgB : gi === 2 ? cur.dgI : done(fnv(bar(fnv(PRE.dgw, g)), cur.lower));
    out[k++] = tagHash(TAG.dc, PRE.dc, chemical[i]);
    out[k++] = cur.p4;
    out[k++] = cur.s4;
    out[k++] = done(fnv(prev ? prev.leftOfShape : EDGE.leftOfShape, cur.shape));
    out[k++] = done(fnv(cur.shapeWithNext, next ? next.lower : END_CHARS));
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
