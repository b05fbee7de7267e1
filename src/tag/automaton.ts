/**
 * A compiled token trie over dictionary terms: flat hash tables of token keys and of
 * (node, token) edges in typed arrays, so 200k+ terms load as one buffer and a scan costs one
 * hash probe per token step, with no string built per token.
 */
import { GREEK_TOKEN, NON_ASCII, WORD_END, WORD_START, caseForm, termKey, tokenKeyAt, tokenRun, type Token, type TokenRun } from './tokens.js';
import type { EntityType } from '../model/schemas.js';
import {
  type AutomatonTables, EntryReader, FNV_PRIME, FNV_SEED, type FlatAutomaton,
  childOf, decodeAutomaton, encodeAutomaton, mixHash, thawAutomaton, tokenId,
} from './automaton-snapshot.js';

export interface DictionaryEntry {
  type: EntityType;
  norm: string;
  name: string;
  /** how the surface's letter case must match the term: see `caseMatches` */
  case: CaseMode;
  source: string;
  /** case form of the term, compared for every entry that does not fold case */
  form: string;
}

/**
 * 'exact': letters must match in case too (`MET` never matches `Met`);
 * 'title': exact, or a capitals-only term written in Title case (mouse/rat `Arg1` for ARG1);
 * 'shape': 'title', or lower case: a mixed-case term written all lower (`c-kit` for C-Kit) or a
 *   capitals-and-digits term written lower with no separator (`gp78` for GP78, never `at 3` for AT3);
 * 'fold': case-insensitive.
 */
export const CASE_MODES = ['exact', 'title', 'shape', 'fold'] as const;
export type CaseMode = (typeof CASE_MODES)[number];
export const isCaseMode = (s: string | undefined): s is CaseMode => (CASE_MODES as readonly (string | undefined)[]).includes(s);

const isUpper = (s: string) => s === s.toUpperCase();
const isLower = (s: string) => s === s.toLowerCase();
const LOWER_SYMBOL = /^[a-z]{1,8}\d{1,4}[a-z]?$/;

/**
 * Does a surface satisfy an entry's case rule? `form` is the surface's letters and digits (as
 * `caseForm` gives them), `raw` the surface itself.
 */
export function caseMatches(entry: Pick<DictionaryEntry, 'case' | 'form'>, form: string, raw: string): boolean {
  if (entry.case === 'fold' || form === entry.form) return true;
  if (entry.case === 'exact' || form.toLowerCase() !== entry.form.toLowerCase()) return false;
  if (isUpper(entry.form)) {
    if (isUpper(form[0]) && isLower(form.slice(1))) return true;
    return entry.case === 'shape' && /\d/.test(form) && LOWER_SYMBOL.test(raw);
  }
  return entry.case === 'shape' && isLower(form);
}

/** upper bound on distinct token keys in the builder's edge keys; node ids × this stay below 2^53 */
const TOKEN_SPACE = 1 << 24;
/** longest term, in tokens, that a scan tries */
const MAX_TERM_TOKENS = 16;

export interface TermMatch {
  start: number;
  end: number;
  /** token index range [first, last] */
  first: number;
  last: number;
  /** read-only: may be the automaton's own cached list */
  entries: readonly DictionaryEntry[];
}

/** A compiled automaton's buffer, to build the same automaton in another worker without copying. */
export interface SharedAutomaton { buffer: SharedArrayBuffer; byteOffset: number; byteLength: number }

/**
 * Terms are added to Map-based builder tables; the first scan compiles them into one flat buffer
 * (automaton-snapshot.ts) that scans read through typed arrays. A snapshot or shared buffer
 * loads straight into the flat form; adding a term to it thaws the builder tables again.
 */
export class TermAutomaton {
  /** builder tables, or null while only the flat form exists */
  private tables: AutomatonTables | null = { tokenIds: new Map(), edges: new Map(), outputs: new Map() };
  private flat: FlatAutomaton | null = null;
  private reader: EntryReader | null = null;
  /** decoded entry lists by node */
  private readonly outputCache = new Map<number, DictionaryEntry[]>();
  /** reused token boundaries and ids */
  private run: TokenRun = { count: 0, start: new Int32Array(256), end: new Int32Array(256), flags: new Uint8Array(256) };
  private ids = new Int32Array(256);
  private nodes = 1;
  terms = 0;

  add(term: string, entry: Omit<DictionaryEntry, 'form'>): void {
    const keys = termKey(term).split(' ').filter(Boolean);
    if (!keys.length) return;
    const t = this.builder();
    let node = 0;
    for (const key of keys) {
      let id = t.tokenIds.get(key);
      if (id === undefined) { id = t.tokenIds.size; t.tokenIds.set(key, id); }
      const edge = node * TOKEN_SPACE + id;
      let next = t.edges.get(edge);
      if (next === undefined) { next = this.nodes++; t.edges.set(edge, next); }
      node = next;
    }
    const list = t.outputs.get(node) ?? [];
    list.push({ ...entry, form: caseForm(term) });
    t.outputs.set(node, list);
    this.terms++;
  }

  /** the builder tables, thawed from the flat form if need be (which is then stale) */
  private builder(): AutomatonTables {
    if (!this.tables) {
      const t: AutomatonTables = { tokenIds: new Map(), edges: new Map(), outputs: new Map() };
      thawAutomaton(this.compiled(), this.reader!, t);
      this.tables = t;
    }
    this.flat = null;
    this.reader = null;
    this.outputCache.clear();
    return this.tables;
  }

  private compiled(): FlatAutomaton {
    if (!this.flat) this.use(decodeAutomaton(encodeAutomaton(this.tables!, this.nodes, this.terms), false));
    return this.flat!;
  }

  private use(flat: FlatAutomaton): void {
    this.flat = flat;
    this.reader = new EntryReader(flat);
    this.outputCache.clear();
    this.nodes = flat.nodes;
    this.terms = flat.terms;
  }

  private entriesAt(node: number): DictionaryEntry[] | undefined {
    const f = this.flat!;
    const from = f.outStart[node], to = f.outStart[node + 1];
    if (from === to) return undefined;
    let list = this.outputCache.get(node);
    if (!list) {
      list = [];
      for (let k = from; k < to; k++) list.push(this.reader!.entry(f.outRefs[k]));
      this.outputCache.set(node, list);
    }
    return list;
  }

  /**
   * Every dictionary match that starts and ends on word boundaries, with the entries whose
   * case rule the surface satisfies. Overlaps are left to the caller. `tokens`, when given,
   * must be `tokenize(text)`; without it the scan keys tokens without building their strings.
   */
  scan(text: string, tokens?: Token[]): TermMatch[] {
    const f = this.compiled();
    const run = tokens ? runOf(tokens, this.run) : tokenRun(text, this.run);
    this.run = run;
    const n = run.count;
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, this.ids.length * 2));
    const ids = this.ids;
    for (let k = 0; k < n; k++) ids[k] = tokens ? tokenId(f, tokens[k].key) : this.idAt(text, run, k);
    const out: TermMatch[] = [];
    const { start: starts, end: ends, flags } = run;
    for (let i = 0; i < n; i++) {
      if (!(flags[i] & WORD_START) || ids[i] < 0) continue;
      let node = 0;
      for (let j = i; j < n && j - i < MAX_TERM_TOKENS; j++) {
        if (ids[j] < 0) break;
        const next = j === i ? f.rootChild[ids[j]] : childOf(f, node, ids[j]);
        if (next < 0) break;
        node = next;
        if (!(flags[j] & WORD_END) || f.outStart[node] === f.outStart[node + 1]) continue;
        const entries = this.entriesAt(node)!;
        const start = starts[i];
        const end = ends[j];
        const ok = entries.some((e) => e.case !== 'fold') ? caseMatching(entries, text.slice(start, end)) : entries;
        if (ok.length) out.push({ start, end, first: i, last: j, entries: ok });
      }
    }
    return out;
  }

  /** token id of token k, hashing ASCII tokens straight from the text */
  private idAt(text: string, run: TokenRun, k: number): number {
    const fl = run.flags[k];
    if (fl & (NON_ASCII | GREEK_TOKEN)) return tokenId(this.flat!, tokenKeyAt(text, run, k));
    const f = this.flat!;
    const s = run.start[k], e = run.end[k], len = e - s;
    let h = FNV_SEED;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), FNV_PRIME);
    }
    const mask = f.tokTable.length - 1;
    for (let slot = mixHash(h) & mask; ; slot = (slot + 1) & mask) {
      const id = f.tokTable[slot] - 1;
      if (id < 0) return -1;
      const at = f.tokStart[id];
      if (f.tokStart[id + 1] - at !== len) continue;
      let i = 0;
      for (; i < len; i++) {
        const c = text.charCodeAt(s + i);
        if (f.tokChars[at + i] !== (c >= 65 && c <= 90 ? c | 32 : c)) break;
      }
      if (i === len) return id;
    }
  }

  get size(): number {
    return this.nodes;
  }

  /** The flat compiled form (see automaton-snapshot.ts), which is also the snapshot file's body. */
  snapshot(): Buffer {
    const { bytes } = this.compiled();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Inverse of `snapshot()`; throws on a damaged or foreign buffer. Views alias an 8-aligned input. */
  /** `verify: false` skips the body checksum (the caller has checked this very file before) */
  static fromSnapshot(buf: Uint8Array, verify = true): TermAutomaton {
    const a = new TermAutomaton();
    a.tables = null;
    a.use(decodeAutomaton(buf, verify));
    return a;
  }

  /** The compiled buffer, for `fromShared` in another worker (copied once into shared memory if need be). */
  shared(): SharedAutomaton {
    let { bytes } = this.compiled();
    if (!(bytes.buffer instanceof SharedArrayBuffer)) {
      const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
      copy.set(bytes);
      this.use(decodeAutomaton(copy, false));
      bytes = copy;
    }
    return { buffer: bytes.buffer as SharedArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength };
  }

  /** The automaton over a buffer another thread compiled or loaded: views only, no checksum, no copy. */
  static fromShared(s: SharedAutomaton): TermAutomaton {
    const a = new TermAutomaton();
    a.tables = null;
    a.use(decodeAutomaton(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), false));
    return a;
  }
}

/** the entries whose case rule `raw` satisfies: the list itself when all do (most matches: no copy) */
function caseMatching(entries: readonly DictionaryEntry[], raw: string): readonly DictionaryEntry[] {
  const form = caseForm(raw);
  let k = 0;
  while (k < entries.length && caseMatches(entries[k], form, raw)) k++;
  if (k === entries.length) return entries;
  const ok = entries.slice(0, k);
  for (k++; k < entries.length; k++) if (caseMatches(entries[k], form, raw)) ok.push(entries[k]);
  return ok;
}

/** a token list's boundaries as a run (its keys are read from the list itself) */
function runOf(tokens: Token[], into: TokenRun): TokenRun {
  if (into.start.length < tokens.length) into = { count: 0, start: new Int32Array(tokens.length), end: new Int32Array(tokens.length), flags: new Uint8Array(tokens.length) };
  tokens.forEach((t, k) => { into.start[k] = t.start; into.end[k] = t.end; into.flags[k] = (t.wordStart ? WORD_START : 0) | (t.wordEnd ? WORD_END : 0); });
  into.count = tokens.length;
  return into;
}
