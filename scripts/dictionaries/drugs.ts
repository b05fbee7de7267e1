/**
 * Drug dictionary: DrugBank open vocabulary (common names + synonyms) plus the hand overlay,
 * and the separate CC BY-SA PharmGKB cross-reference table.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { cmp, readCsv, readTsv } from './io.ts';
import { type Candidate, type Row, letters, resolve } from './lexicon.ts';
import { type StopData, commonEnglish, stopHit } from './stopwords.ts';
import { readOverlay } from './overlay.ts';

export const DRUG_RANK = { overlay: 0, drugbank: 1, drugbank_synonym: 2 } as const;

export interface DrugBuild {
  rows: Row[];
  counts: Record<string, number>;
  geneCollisions: string[];
  stop: Map<string, { term: string; reason: string }>;
  names: Map<string, string>;
  /** gene keys (designation rows) that a DrugBank common name takes over */
  wonFromGenes: Set<string>;
  ambiguous: { term: string; candidates: string[] }[];
}

export function buildDrugs(root: string, overlayDir: string, sd: StopData, geneKeys: Map<string, string>, geneLexicon: Set<string>): DrugBuild {
  const wonFromGenes = new Set<string>();
  const counts: Record<string, number> = {};
  const bump = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const rows = readCsv(join(root, 'drugbank-vocabulary-2026', 'drugbank_vocabulary.csv'));
  const head = rows[0];
  const col = (n: string) => head.indexOf(n);
  const [iId, iName, iSyn] = [col('DrugBank ID'), col('Common name'), col('Synonyms')];
  const names = new Map<string, string>();
  const cands: Candidate[] = [];
  const stop = new Map<string, { term: string; reason: string }>();
  const stopAdd = (term: string, reason: string) => { const k = termKey(term); if (k && !stop.has(k)) stop.set(k, { term, reason }); };
  const collisions = new Set<string>();
  for (const r of rows.slice(1)) {
    const id = r[iId];
    if (!/^DB\d{5}$/.test(id ?? '')) continue;
    const name = r[iName].trim();
    names.set(id, name);
    const norm = `DrugBank:${id}`;
    const terms: [string, 'drugbank' | 'drugbank_synonym'][] = [[name, 'drugbank']];
    for (const s of (r[iSyn] ?? '').split(' | ')) if (s.trim() && s.trim() !== name) terms.push([s.trim(), 'drugbank_synonym']);
    for (const [term, source] of terms) {
      const l = letters(term);
      const key = termKey(term);
      const syn = source === 'drugbank_synonym';
      if (!key) continue;
      if (/[^\p{Script=Latin}\p{Script=Greek}\p{N}\p{P}\p{S}\s]/u.test(term) || term.includes('…')) { bump(`drugs.dropped.${source}.non_latin_or_truncated`); continue; }
      if (l.length <= (syn ? 3 : 2)) { bump(`drugs.dropped.${source}.short`); continue; }
      if (/^\d+$/.test(l)) { bump(`drugs.dropped.${source}.numeric`); continue; }
      // Systematic (IUPAC-style) names: synonyms over 60 characters, common names over 80.
      if (term.length > (syn ? 60 : 80)) { bump(`drugs.dropped.${source}.too_long`); continue; }
      // English words: any dictionary word for synonyms; only very common ones for common names (Water, Iron, Gold).
      const lower = term.toLowerCase();
      const english = /^[a-z]+$/.test(lower) && (syn ? sd.dict.has(lower) || (sd.wikiRank.get(lower) ?? 1e9) <= 20000 : commonEnglish(sd, term, 5000));
      if (english || sd.stopwordsEn.has(lower)) { bump(`drugs.dropped.${source}.english_word`); stopAdd(term, `English word (DrugBank ${source === 'drugbank' ? 'name' : 'synonym'} of ${id})`); continue; }
      const hit = stopHit(sd, term, l.length <= 4 ? 'exact' : 'fold');
      if (hit) { bump(`drugs.dropped.${source}.stoplist`); stopAdd(term, `stop list: ${hit}`); continue; }
      // Gene collisions. Synonyms (and short common names such as ATP) whose key is a gene
      // dictionary key or any gene symbol/alias string are dropped. A longer common name loses to a
      // gene symbol/alias/name/family row, but wins over an NCBI "other designation" (these list
      // biologic INNs such as aldesleukin, alteplase): that gene row is removed instead.
      const geneSource = geneKeys.get(key);
      if ((syn || l.length <= 4) && ((geneSource && !(syn && geneSource === 'stem')) || geneLexicon.has(key))) {
        bump(`drugs.dropped.${source}.gene_collision`); collisions.add(`${term} (${id} ${name}): dropped from drugs`); stopAdd(term, `gene/drug collision (DrugBank ${id})`); continue;
      }
      const weakGene = geneSource === 'designation' || geneSource === 'stem';
      if (!syn && geneSource && !weakGene) {
        bump('drugs.dropped.drugbank.gene_collision'); collisions.add(`${term} (${id}): gene ${geneSource} row wins, dropped from drugs`); continue;
      }
      if ((!syn && weakGene) || (syn && geneSource === 'stem')) { collisions.add(`${term} (${id}): drug wins, gene ${geneSource} row removed`); wonFromGenes.add(key); }
      cands.push({ term, norm, name, rank: DRUG_RANK[source], source });
    }
  }
  const overlay = readOverlay(join(overlayDir, 'drugs.tsv'), DRUG_RANK.overlay);
  for (const o of overlay) {
    const id = o.norm.replace(/^DrugBank:/, '');
    if (names.get(id) !== o.name) throw new Error(`overlay drugs: ${o.term} -> ${o.norm} is "${names.get(id)}", not "${o.name}"`);
  }
  cands.push(...overlay);
  const res = resolve(cands);
  counts['drugs.keys_resolved_by_precedence'] = res.overridden;
  counts['drugs.dropped.ambiguous_keys'] = res.ambiguous.length;
  const finalKeys = new Set(res.rows.map((r) => termKey(r.term)));
  for (const k of [...stop.keys()]) if (finalKeys.has(k)) stop.delete(k);
  const ambiguous = res.ambiguous.map((a) => ({ term: a.term, candidates: [...new Set(a.candidates.map((c) => c.norm))].sort(cmp) }));
  return { rows: res.rows, counts, geneCollisions: [...collisions].sort(cmp), stop, names, ambiguous, wonFromGenes };
}

/** DrugBank id -> PharmGKB cross-references (CC BY-SA 4.0; kept out of drugs.tsv). */
export function buildDrugXrefs(root: string): string[][] {
  const out: string[][] = [];
  for (const r of readTsv(join(root, 'pharmgkb-drug', 'pharmgkb_drug_xrefs.tsv'))) {
    if (!r.drugbank) continue;
    for (const db of r.drugbank.split('|')) {
      out.push([`DrugBank:${db}`, r.pharmgkb_id.replace(/^pharmgkb\.drug:/, 'PharmGKB:'), r.name, r.mesh, r.CHEBI, r.atc, r.rxnorm]);
    }
  }
  return out.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
}
