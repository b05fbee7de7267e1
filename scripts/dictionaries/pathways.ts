/**
 * Pathway dictionary: the overlay (KEGG / GO names as papers write them), Reactome v94 human
 * signaling pathways and top-level topics, WikiPathways human pathways, GO BP signaling terms,
 * each with the variants papers use (`X pathway`, `X signaling`, `X signalling`,
 * `X signaling pathway`, `X cascade`) for specific names only.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { cmp, readTsv } from './io.ts';
import { type Candidate, type Row, resolve } from './lexicon.ts';
import { readOverlay } from './overlay.ts';

const GENERIC = new Set(
  ('signal signals signaling signalling transduction pathway pathways cascade cascades receptor receptors cell cells surface ' +
    'intracellular extracellular protein proteins kinase kinases mediated dependent independent events event activation ' +
    'regulation intrinsic extrinsic canonical noncanonical non g coupled membrane nuclear cytoplasmic stimulatory inhibitory ' +
    'transmembrane tyrosine downstream upstream second messenger molecule molecules other generic small family response ' +
    'system systems network process processes metabolism biosynthesis degradation transport disease diseases').split(' '),
);
const FUNCTION_WORDS = /\b(in|by|of|to|from|via|through|with|during|on|for|and|or|the|involved|upon|into|at)\b/i;
const SIGNAL_WORDS = /(signal|pathway|cascade)/i;

/** The specific part X of "Signaling by X", "X signaling pathway", "X pathway", ... */
export function pathwayCore(name: string): string | undefined {
  const n = name.trim().replace(/\s+/g, ' ');
  let m = n.match(/^signal(?:l)?ing by (.+)$/i);
  if (!m) m = n.match(/^(.+?)[ -](?:receptor )?(?:signal(?:l)?ing pathways?|signal(?:l)?ing cascade|signal(?:l)?ing|signal transduction|pathway|cascade)$/i);
  if (!m) return undefined;
  const core = m[1].trim();
  if (FUNCTION_WORDS.test(core) || core.split(/\s+/).length > 4 || /[,;:()]/.test(core)) return undefined;
  return isSpecific(core) ? core : undefined;
}

export function isSpecific(text: string): boolean {
  const words = text.toLowerCase().split(/[^a-z0-9α-ω]+/).filter(Boolean);
  return words.some((w) => !GENERIC.has(w) && w.length > 1);
}

export const variants = (core: string): string[] =>
  [`${core} pathway`, `${core} signaling`, `${core} signalling`, `${core} signaling pathway`, `${core} cascade`];

export interface PathwayBuild { rows: Row[]; counts: Record<string, number> }

export function buildPathways(root: string, overlayDir: string): PathwayBuild {
  const counts: Record<string, number> = {};
  const bump = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const cands: Candidate[] = [];
  const emit = (term: string, norm: string, name: string, rank: number, source: string) => {
    const t = term.trim().replace(/\s+/g, ' ');
    const words = t.split(' ');
    if (words.length < 2) { bump(`pathways.dropped.${source}.single_word`); return; }
    if (!isSpecific(t)) { bump(`pathways.dropped.${source}.generic`); return; }
    if (t.length > 90) { bump(`pathways.dropped.${source}.longer_than_90`); return; }
    cands.push({ term: t, norm, name, rank, source });
  };
  const withVariants = (name: string, norm: string, pname: string, rank: number, vrank: number, source: string) => {
    emit(name, norm, pname, rank, source);
    const core = pathwayCore(name);
    if (core) {
      for (const v of variants(core)) if (termKey(v) !== termKey(name)) { cands.push({ term: v, norm, name: pname, rank: vrank, source }); bump(`pathways.variants.${source}`); }
    }
  };

  // Reactome: human signaling-type pathways and the top-level topics (children of pw:0000001).
  for (const r of readTsv(join(root, 'reactome-v94', 'reactome.tsv'))) {
    if (r.species !== 'ncbitaxon:9606') continue;
    const topLevel = r.parents.split('|').includes('pw:0000001');
    if (!SIGNAL_WORDS.test(r.name) && !topLevel) { bump('pathways.skipped.reactome_non_signaling'); continue; }
    withVariants(r.name, `Reactome:${r.identifier}`, r.name.trim().replace(/\s+/g, ' '), 1, 5, 'reactome');
  }
  // WikiPathways: human pathways.
  for (const r of readTsv(join(root, 'wikipathways', 'wikipathways.tsv'))) {
    if (r.species !== 'ncbitaxon:9606') continue;
    withVariants(r.name, `WikiPathways:${r.identifier}`, r.name, 3, 7, 'wikipathways');
  }
  // GO BP: signaling pathway terms (not regulation-of / involved-in / response-to process variants).
  const goSkip = /\b(regulation|involved in|response to|desensitization|adaptation|by|in absence|negative|positive|termination|initiation|inhibition)\b/i;
  for (const r of readTsv(join(root, 'go.db', 'go_terms.tsv'))) {
    if (r.ontology !== 'BP' || !/signal(l)?ing/i.test(r.term) || goSkip.test(r.term)) continue;
    const norm = r.go_id;
    withVariants(r.term, norm, r.term, 2, 6, 'go');
    for (const s of r.synonyms.split('|').filter(Boolean)) {
      if (goSkip.test(s) || !SIGNAL_WORDS.test(s)) continue;
      withVariants(s, norm, r.term, 4, 6, 'go');
    }
  }
  const overlay = readOverlay(join(overlayDir, 'pathways.tsv'), 0);
  cands.push(...overlay);
  let ties = 0;
  const res = resolve(cands, {
    // Pathway namesakes across or within sources are near-synonyms: keep the first id.
    tieBreak: (_k, tied) => { ties++; return [...new Set(tied.map((c) => c.norm))].sort(cmp)[0]; },
    caseFor: (_k, w) => (w.term.replace(/[^A-Za-z0-9]/g, '').length <= 4 ? 'exact' : 'fold'),
  });
  counts['pathways.keys_tie_broken_by_id'] = ties;
  counts['pathways.keys_resolved_by_precedence'] = res.overridden;
  return { rows: res.rows, counts };
}
