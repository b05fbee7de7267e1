/**
 * The relation rules measured on BioRED (dev/eval only). Each abstract goes through
 * `processDocument` with BioRED's own mentions as the entities (`--entities given`, rules only, so
 * the figures are the rules' and not the tagger's), and every rule triple between two BioRED
 * concepts is checked against the abstract's relation lines. BioRED relations are per document and
 * unordered (`PMID Type id1 id2 Novelty`), so a triple is right when its two ids are related in that
 * abstract ("pair"), and right by type when BioRED's type is the one our predicate maps to
 * (`biored` in predicates.ts). Pathways and drug classes are not BioRED concepts: their triples are
 * not measured here.
 */
import type { PubtatorDocument } from '../ingest/pubtator.js';
import { pubtatorEntities, pubtatorText } from '../ingest/pubtator.js';
import type { Triple } from '../model/schemas.js';
import { processDocument } from '../pipeline.js';
import { PREDICATE_BY_ID } from '../relate/predicates.js';
import type { Lexicon } from '../tag/dictionary.js';

export interface RuleTally { triples: number; pair: number; typed: number }
export interface BioredRelationScore {
  /** rule id and kinds of pair ("verb-active gene-gene") → its triples between two BioRED concepts, those whose pair is related, and by the mapped type */
  rules: Map<string, RuleTally>;
  /** argument kinds ("gene-gene", "chemical-gene", ...) → gold relations and those some rule triple found */
  recall: Map<string, { gold: number; found: number }>;
}

/** the bare id a given mention's norm carries, as BioRED writes it (NCBIGene:2064 → 2064, MESH:D000077341 → D000077341) */
const bareId = (norm: string): string => norm.replace(/^(NCBIGene|MESH|MeSH|text):/, '');
/** BioRED's kind for our entity types: genes, chemicals (drugs and chemicals), variants */
const kindOf = (type: string): string | undefined => (type === 'gene' ? 'gene' : type === 'drug' || type === 'chemical' ? 'chemical' : type === 'mutation' ? 'variant' : undefined);
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** BioRED type of each related pair of one abstract, with the kinds of its two concepts */
function goldRelations(d: PubtatorDocument): Map<string, { type: string; kinds: string }> {
  const kind = new Map<string, string>();
  for (const cols of d.annotations) {
    if (cols.length < 6 || !/^\d+$/.test(cols[1])) continue;
    const k = cols[4] === 'GeneOrGeneProduct' ? 'gene' : cols[4] === 'ChemicalEntity' ? 'chemical' : cols[4] === 'SequenceVariant' ? 'variant' : 'other';
    for (const id of cols[5].split(/[,;]/)) if (id) kind.set(id, k);
  }
  const out = new Map<string, { type: string; kinds: string }>();
  for (const cols of d.annotations) {
    if (cols.length < 4 || /^\d+$/.test(cols[1])) continue;
    const [, type, a, b] = cols;
    out.set(pairKey(a, b), { type, kinds: [kind.get(a) ?? 'other', kind.get(b) ?? 'other'].sort().join('-') });
  }
  return out;
}

export function scoreBioredRelations(docs: PubtatorDocument[], lexicon: Lexicon): BioredRelationScore {
  const rules = new Map<string, RuleTally>();
  const recall = new Map<string, { gold: number; found: number }>();
  for (const d of docs) {
    const text = pubtatorText(d);
    const res = processDocument({ id: d.pmid, source: 'biored', format: 'pubtator', text, sha256: '', entities: pubtatorEntities(d, text) }, lexicon, { entities: 'given', classifier: null });
    const gold = goldRelations(d);
    const found = new Set<string>();
    for (const t of res.triples as Triple[]) {
      if (!kindOf(t.subject.type) || !kindOf(t.object.type) || !t.subject.norm || !t.object.norm) continue;
      const key = pairKey(bareId(t.subject.norm), bareId(t.object.norm));
      const g = gold.get(key);
      const id = `${t.rule} ${[kindOf(t.subject.type), kindOf(t.object.type)].sort().join('-')}`;
      const tally = rules.get(id) ?? { triples: 0, pair: 0, typed: 0 };
      tally.triples++;
      if (g) { tally.pair++; found.add(key); if (PREDICATE_BY_ID.get(t.predicate)?.biored === g.type) tally.typed++; }
      rules.set(id, tally);
    }
    for (const [key, g] of gold) {
      const r = recall.get(g.kinds) ?? { gold: 0, found: 0 };
      r.gold++;
      if (found.has(key)) r.found++;
      recall.set(g.kinds, r);
    }
  }
  return { rules, recall };
}

/** the report lines: each rule's precision (pair, and by type), then recall by kinds of pair */
export function bioredRelationLines(s: BioredRelationScore): string[] {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–').padStart(6);
  const out = ['  rule, kinds (given entities, rules only)   triples  P pair  P type'];
  for (const [rule, t] of [...s.rules].sort((a, b) => b[1].triples - a[1].triples || (a[0] < b[0] ? -1 : 1)))
    out.push(`  ${rule.padEnd(41)} ${String(t.triples).padStart(7)}  ${pct(t.pair, t.triples)}  ${pct(t.typed, t.triples)}`);
  const all = [...s.rules.values()].reduce((a, t) => ({ triples: a.triples + t.triples, pair: a.pair + t.pair, typed: a.typed + t.typed }), { triples: 0, pair: 0, typed: 0 });
  out.push(`  ${'all rules'.padEnd(41)} ${String(all.triples).padStart(7)}  ${pct(all.pair, all.triples)}  ${pct(all.typed, all.triples)}`);
  for (const kinds of ['gene-gene', 'chemical-gene', 'gene-variant', 'chemical-chemical'])
    if (s.recall.has(kinds)) { const r = s.recall.get(kinds)!; out.push(`  recall of ${kinds} relations (document level): ${pct(r.found, r.gold).trim()}% of ${r.gold}`); }
  return out;
}
