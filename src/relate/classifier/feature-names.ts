/**
 * Feature names as numbers: a family (the name's prefix, registered once at load: `family('b:')`)
 * and up to three words, each word an id in one vocabulary (every distinct string once). The
 * classifier keys a pair's features by these numbers (pair-scorer.ts) and builds the readable
 * name ("b:inhibit") only the first time it meets it; training and explain read the names
 * (`nameOf`). Hashing and comparing name strings per pair was most of the relate stage's time.
 * Bounded: past MAX_WORDS distinct words the vocabulary starts again, a new `generation`; a
 * table keyed by word ids forgets when the generation changes. It only changes in `renewIfFull`,
 * which features.ts calls before a sentence's words are looked up, never while a pair is read.
 */
import { ABSENT, KeyTable, MAX_FAMILIES } from './key-table.js';

const MAX_WORDS = 500_000;
const MAX_NAMES = 400_000;

const prefixes: string[] = [];
const seps: string[] = [];
const families = new Map<string, number>();

/**
 * The family of names `prefix + a`, `prefix + a + sep + b`, `prefix + a + sep + b + sep + c`
 * (the same number for the same prefix and separator). A name of no word is the prefix alone.
 */
export function family(prefix: string, sep = ''): number {
  const key = `${prefix}\u0000${sep}`;
  let f = families.get(key);
  if (f === undefined) {
    if (prefixes.length >= MAX_FAMILIES) throw new Error(`more than ${MAX_FAMILIES} feature families`);
    f = prefixes.length; prefixes.push(prefix); seps.push(sep); families.set(key, f); }
  return f;
}

let words: string[] = [];
let ids = new Map<string, number>();
/** words that start with '<' (the blinded mention types, '<num>', '<s>') */
let angled = new Uint8Array(1024);
const phrases = new KeyTable();
const PHRASE = family('\u0000phrase');
let current = 0;
/** the vocabulary's generation: word ids of another generation mean other words */
export const generation = (): number => current;

/** the id of a word (any string) */
export function wordId(s: string): number {
  const id = ids.get(s);
  return id === undefined ? add(s) : id;
}

function add(s: string): number {
  const id = words.length;
  words.push(s);
  ids.set(s, id);
  if (id >= angled.length) { const grown = new Uint8Array(angled.length * 2); grown.set(angled); angled = grown; }
  angled[id] = s.charCodeAt(0) === 60 ? 1 : 0;
  return id;
}

export const wordOf = (id: number): string => words[id];
/** the word starts with '<' */
export const isAngled = (id: number): boolean => angled[id] === 1;

/** the id of the words a and b joined by a space (the joined string is built once) */
export function phraseId(a: number, b: number): number {
  const id = phrases.get(PHRASE, a, b, -1);
  if (id !== ABSENT) return id;
  const made = add(`${words[a]} ${words[b]}`);
  phrases.set(PHRASE, a, b, -1, made);
  return made;
}

/** words every generation has, at the same ids (read as constants by features.ts) */
const FIXED = ['', '<s>', '</s>', '<x>', '<y>', '<num>', ',', 'and', 'or', '/', '(', 'by', 'such', 'includ', 'of'] as const;
function start(): void {
  words = [];
  ids = new Map();
  phrases.clear();
  names.clear();
  nameList.length = 0;
  for (const w of FIXED) add(w);
}

/** a fresh vocabulary when the current one is full; call only between pairs */
export function renewIfFull(): void {
  if (words.length < MAX_WORDS) return;
  current++;
  start();
}

/** the ids of FIXED words */
export const W = Object.fromEntries(FIXED.map((w, i) => [w, i])) as Record<(typeof FIXED)[number], number>;

const names = new KeyTable();
const nameList: string[] = [];
start();

/**
 * The name of (family, a, b, c), -1 for an absent word. Remembered, so the same string object
 * comes back: a reused string carries its hash into the Set and the Map that training uses.
 */
export function nameOf(f: number, a: number, b: number, c: number): string {
  const k = names.get(f, a, b, c);
  if (k !== ABSENT) return nameList[k];
  const name = buildName(f, a, b, c);
  if (nameList.length >= MAX_NAMES) { names.clear(); nameList.length = 0; }
  names.set(f, a, b, c, nameList.length);
  nameList.push(name);
  return name;
}

/** the name of (family, a, b, c), built afresh (the scorer remembers the row, not the name) */
export function buildName(f: number, a: number, b: number, c: number): string {
  const sep = seps[f];
  return prefixes[f] + (a < 0 ? '' : words[a]) + (b < 0 ? '' : sep + words[b]) + (c < 0 ? '' : sep + words[c]);
}
