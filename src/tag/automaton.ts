/**
 * A compiled token trie over dictionary terms: one transition table keyed by (node, token),
 * so 200k+ terms load in one pass and a scan costs one hash lookup per token step.
 */
import { caseForm, termKey, tokenize, type Token } from './tokens.js';
import type { EntityType } from '../model/schemas.js';

export interface DictionaryEntry {
  type: EntityType;
  norm: string;
  name: string;
  /** 'exact': letters must match in case too; 'fold': case-insensitive */
  case: 'exact' | 'fold';
  source: string;
  /** case form of the term, compared for 'exact' entries */
  form: string;
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
        const form = entries.some((e) => e.case === 'exact') ? caseForm(text.slice(start, end)) : '';
        const ok = entries.filter((e) => e.case === 'fold' || e.form === form);
        if (ok.length) out.push({ start, end, first: i, last: j, entries: ok });
      }
    }
    return out;
  }

  get size(): number {
    return this.nodes;
  }
}
