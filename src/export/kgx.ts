/**
 * KGX export (Biolink Model knowledge graph exchange): nodes.tsv and edges.tsv, plus the same
 * rows as nodes.jsonl and edges.jsonl. One node per normalized entity (CURIE), one edge per
 * (subject, biotriples predicate, object) over all documents (symmetric predicates in CURIE
 * order), non-negated statements only
 * (KGX loaders read every edge as an assertion). Text-mined edges are
 * knowledge_level not_provided, agent_type text_mining_agent, primary_knowledge_source
 * infores:biotriples; publications are the PMIDs of the documents that state them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentRecord, EntityType, Statement } from '../model/schemas.js';
import { PREDICATE_BY_ID } from '../relate/predicates.js';
import { writeFileAtomic } from '../emit/atomic-write.js';
import type { Run } from './run.js';

export const KGX_NODE_COLUMNS = ['id', 'category', 'name', 'provided_by'] as const;
export const KGX_EDGE_COLUMNS = [
  'id', 'subject', 'predicate', 'object', 'category', 'knowledge_level', 'agent_type', 'primary_knowledge_source',
  'publications', 'original_predicate', 'hedged', 'confidence', 'documents',
] as const;

export const KNOWLEDGE_SOURCE = 'infores:biotriples';

/** Biolink categories of our entity types; FamPlex, GtoPdb and HGNC families and typed protein classes (LOCAL:) are gene families. */
export function biolinkCategory(type: EntityType, curie: string): string {
  if (type === 'gene') return /^(?:FPLX|IUPHAR\.FAMILY|HGNC\.FAMILY|LOCAL):/.test(curie) ? 'biolink:GeneFamily' : 'biolink:Gene';
  return { drug: 'biolink:Drug', chemical: 'biolink:ChemicalEntity', drug_class: 'biolink:ChemicalEntity', mutation: 'biolink:SequenceVariant', pathway: 'biolink:Pathway' }[type];
}

/** Our norms as Biolink-preferred CURIE prefixes; variants (GENE:HGVS) have no registry prefix, so a local one. */
const PREFIX: Record<string, string> = { DrugBank: 'DRUGBANK', Reactome: 'REACT', WikiPathways: 'WIKIPATHWAYS' };
export function toCurie(type: EntityType, norm: string): string {
  if (type === 'mutation') return `biotriples.variant:${norm}`;
  // a protein class with no identifier (README, gene families): a local prefix, as for variants
  if (norm.startsWith('LOCAL:')) return `biotriples.gene_class:${norm.slice(6)}`;
  const cut = norm.indexOf(':');
  if (cut <= 0) return `biotriples:${norm}`;
  const prefix = norm.slice(0, cut);
  return `${PREFIX[prefix] ?? prefix}:${norm.slice(cut + 1)}`;
}

/** A document's publication CURIE: its PMID (the id itself for PubTator inputs), else none. */
export function publicationOf(doc: DocumentRecord | undefined): string | undefined {
  if (!doc) return undefined;
  if (doc.pmid) return `PMID:${doc.pmid}`;
  if (doc.format === 'pubtator' && /^\d+$/.test(doc.id)) return `PMID:${doc.id}`;
  return undefined;
}

const cell = (v: string | number | boolean) => String(v).replace(/[\t\r\n]/g, ' ');
/** KGX TSV lists are '|'-joined with no escape, so a '|' inside an element (a file name) is written %7C, as in a URL */
const listElement = (v: string) => cell(v).replace(/\|/g, '%7C');
const tsv = (columns: readonly string[], rows: Record<string, string | number | boolean | string[]>[]) =>
  [columns.join('\t'), ...rows.map((r) => columns.map((c) => { const v = r[c]; return Array.isArray(v) ? v.map(listElement).join('|') : cell(v ?? ''); }).join('\t'))].join('\n') + '\n';
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');

export interface KgxGraph {
  nodes: Record<string, string | string[]>[];
  edges: Record<string, string | number | boolean | string[]>[];
}

export function buildKgx(run: Run): KgxGraph {
  const nodes = new Map<string, Record<string, string | string[]>>();
  const addNode = (type: EntityType, norm: string, name: string) => {
    const id = toCurie(type, norm);
    if (!nodes.has(id)) nodes.set(id, { id, category: [biolinkCategory(type, norm)], name, provided_by: [KNOWLEDGE_SOURCE] });
  };
  // entities sorted by doc and offset: the first mention of a norm names it, deterministically
  for (const e of run.entities) addNode(e.type, e.norm, e.name);
  const docs = new Map(run.documents.map((d) => [d.id, d]));
  const groups = new Map<string, Statement[]>();
  for (const s of run.statements) {
    if (s.negated) continue;
    addNode(s.subject.type, s.subject.norm, s.subject.name);
    addNode(s.object.type, s.object.norm, s.object.name);
    let ends = [toCurie(s.subject.type, s.subject.norm), toCurie(s.object.type, s.object.norm)];
    // A binds B and B binds A are one edge
    if (PREDICATE_BY_ID.get(s.predicate)?.symmetric) ends = ends.sort();
    const key = [ends[0], s.predicate, ends[1]].join('\t');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const edges = [...groups.entries()].map(([key, ss]) => {
    const [subject, original, object] = key.split('\t');
    const docIds = [...new Set(ss.map((s) => s.doc))].sort();
    return {
      id: `biotriples:${createHash('sha1').update(key).digest('hex').slice(0, 16)}`,
      subject, predicate: PREDICATE_BY_ID.get(original)?.biolink ?? 'biolink:related_to', object,
      category: ['biolink:Association'], knowledge_level: 'not_provided', agent_type: 'text_mining_agent',
      primary_knowledge_source: KNOWLEDGE_SOURCE,
      publications: [...new Set(docIds.map((d) => publicationOf(docs.get(d))).filter((p): p is string => !!p))].sort(),
      original_predicate: `biotriples:${original}`,
      hedged: ss.every((s) => s.hedged),
      // independent documents combine like independent sentences do within one (1 - Π(1 - c))
      confidence: Math.round((1 - ss.reduce((p, s) => p * (1 - s.confidence), 1)) * 1000) / 1000,
      documents: docIds,
    };
  });
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1);
  return { nodes: [...nodes.values()].sort(byId), edges: edges.sort(byId) };
}

export async function exportKgx(run: Run, dir: string): Promise<{ nodes: number; edges: number }> {
  const { nodes, edges } = buildKgx(run);
  await Promise.all([
    writeFileAtomic(path.join(dir, 'nodes.tsv'), tsv(KGX_NODE_COLUMNS, nodes)),
    writeFileAtomic(path.join(dir, 'edges.tsv'), tsv(KGX_EDGE_COLUMNS, edges)),
    writeFileAtomic(path.join(dir, 'nodes.jsonl'), jsonl(nodes)),
    writeFileAtomic(path.join(dir, 'edges.jsonl'), jsonl(edges)),
  ]);
  return { nodes: nodes.length, edges: edges.length };
}
