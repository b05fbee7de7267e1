/**
 * A compiled token trie over dictionary terms: one transition table keyed by (node, token),
 * so 200k+ terms load in one pass and a scan costs one hash lookup per token step.
 */
import { caseForm, termKey, tokenize, type Token } from './tokens.js';
import type { EntityType } from '../model/schemas.js';
import { decodeAutomaton, encodeAutomaton } from './automaton-snapshot.js';

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

/** upper bound on distinct token keys; node ids × this stay below 2^53 */
const TOKEN_SPACE = 1 << 24;

export interface TermMatch {
  start: number;
  end: number;
  /** token index range [first, last] */
  first: number;
  last: number;
  entries: DictionaryEntry[];
}

export class TermAutomaton {
  /** token key → small integer, so edges are numeric keys (no string building per step) */
  private readonly tokenIds = new Map<string, number>();
  /** node * TOKEN_SPACE + token id → child node */
  private readonly edges = new Map<number, number>();
  private readonly outputs = new Map<number, DictionaryEntry[]>();
  private nodes = 1;
  terms = 0;

  add(term: string, entry: Omit<DictionaryEntry, 'form'>): void {
    const keys = termKey(term).split(' ').filter(Boolean);
    if (!keys.length) return;
    let node = 0;
    for (const key of keys) {
      let id = this.tokenIds.get(key);
      if (id === undefined) { id = this.tokenIds.size; this.tokenIds.set(key, id); }
      const edge = node * TOKEN_SPACE + id;
      let next = this.edges.get(edge);
      if (next === undefined) { next = this.nodes++; this.edges.set(edge, next); }
      node = next;
    }
    const list = this.outputs.get(node) ?? [];
    list.push({ ...entry, form: caseForm(term) });
    this.outputs.set(node, list);
    this.terms++;
  }

  /**
   * Every dictionary match that starts and ends on word boundaries, with the entries whose
   * case rule the surface satisfies. Overlaps are left to the caller.
   */
  scan(text: string, tokens: Token[] = tokenize(text)): TermMatch[] {
    const out: TermMatch[] = [];
    const ids = tokens.map((t) => this.tokenIds.get(t.key) ?? -1);
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i].wordStart || ids[i] < 0) continue;
      let node = 0;
      for (let j = i; j < tokens.length && j - i < 16; j++) {
        if (ids[j] < 0) break;
        const next = this.edges.get(node * TOKEN_SPACE + ids[j]);
        if (next === undefined) break;
        node = next;
        const entries = this.outputs.get(node);
        if (!entries || !tokens[j].wordEnd) continue;
        const start = tokens[i].start;
        const end = tokens[j].end;
        const raw = text.slice(start, end);
        const form = entries.some((e) => e.case !== 'fold') ? caseForm(raw) : '';
        const ok = entries.filter((e) => caseMatches(e, form, raw));
        if (ok.length) out.push({ start, end, first: i, last: j, entries: ok });
      }
    }
    return out;
  }

  get size(): number {
    return this.nodes;
  }

  /** Compact binary form of the compiled trie (see automaton-snapshot.ts). */
  snapshot(): Buffer {
    return encodeAutomaton({ tokenIds: this.tokenIds, edges: this.edges, outputs: this.outputs }, this.nodes, this.terms);
  }

  /** Inverse of `snapshot()`; throws on a damaged or foreign buffer. */
  static fromSnapshot(buf: Uint8Array): TermAutomaton {
    const a = new TermAutomaton();
    // the codec fills this instance's private tables, so they need no wider visibility
    const { nodes, terms } = decodeAutomaton(buf, { tokenIds: a.tokenIds, edges: a.edges, outputs: a.outputs });
    a.nodes = nodes;
    a.terms = terms;
    return a;
  }
}
