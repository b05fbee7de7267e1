/**
 * dictionaries/gene-families.tsv: receptor subtypes, gene families and generic protein nouns
 * (DrugProt's GENE-N), typed gene:
 *  - GtoPdb targets: target names and synonyms as pharmacology writes them ("5-HT2A receptor",
 *    "β2-adrenoceptor", "D2 receptor") → the human gene (NCBIGene); subscripts also written in
 *    brackets ("5-HT(2A) receptor", "β(2)-adrenoceptor"), plurals added;
 *  - GtoPdb families ("Dopamine receptors") → IUPHAR.FAMILY:<id>;
 *  - HGNC gene groups (labels and synonyms, no abbreviations) → HGNC.FAMILY:<id>;
 *  - the overlay dictionaries/overlay/gene-families.tsv: generic nouns ("tyrosine kinases",
 *    "cytokines") and subtype families ("α1-adrenoceptors"), grounded where a family id fits,
 *    else `LOCAL:<name>` (typed gene, no identifier: see README).
 * Keys the gene dictionary or the stop list already hold are left out (the gene dictionary
 * wins). GtoPdb content is CC BY-SA 4.0: the file says so in its header.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { readCsv, readTsv } from './io.ts';
import { resolve, type Candidate, type Row } from './lexicon.ts';
import { readOverlay } from './overlay.ts';

const ENTITIES: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', kappa: 'κ', mu: 'μ', zeta: 'ζ', omega: 'ω', amp: '&' };
const plain = (s: string) => s.replace(/<\/?(?:i|em|b|sup)>/g, '').replace(/&(\w+);/g, (m, n) => ENTITIES[n] ?? m).replace(/\s+/g, ' ').trim();

/** spellings of a GtoPdb name with <sub> parts: run together ("5-HT2A") and bracketed ("5-HT(2A)") */
function subscriptForms(html: string): string[] {
  const joined = plain(html.replace(/<\/?sub>/g, ''));
  const bracketed = plain(html.replace(/<sub>/g, '(').replace(/<\/sub>/g, ')'));
  return [...new Set([joined, bracketed])];
}

/** plural of a protein-class noun phrase ("D2 receptor" → "D2 receptors"), or none */
function plural(term: string): string | undefined {
  if (/(receptor|adrenoceptor|channel|transporter|kinase|enzyme|protein|factor|exchanger|pump)$/i.test(term)) return term + 's';
  return undefined;
}

const RANK_TARGET = 1, RANK_FAMILY = 2, RANK_GROUP = 3;

export function buildGeneFamilies(sourcesDir: string, overlayDir: string, taken: Set<string>, stop: Set<string>): { rows: Row[]; counts: Record<string, number> } {
  const cands: Candidate[] = [];
  const add = (term: string, norm: string, name: string, rank: number, source: string) => {
    term = term.trim();
    if (term.length < 3 || !/[A-Za-z]/.test(term)) return;
    for (const t of [term, plural(term)]) if (t) cands.push({ term: t, norm, name, rank, source });
  };
  const rows = readCsv(join(sourcesDir, 'gtopdb-2024.1', 'targets_and_families.csv')).filter((r) => r.length > 17 && !r[0].startsWith('#'));
  const head = rows[0];
  const col = (n: string) => head.indexOf(n);
  const [cFam, cFamName, cTarget, cSyn, cSym, cEntrez] = ['Family id', 'Family name', 'Target name', 'synonyms', 'HGNC symbol', 'Human Entrez Gene'].map(col);
  const families = new Set<string>();
  for (const r of rows.slice(1)) {
    if (!families.has(r[cFam])) {
      families.add(r[cFam]);
      for (const f of subscriptForms(r[cFamName])) add(f, `IUPHAR.FAMILY:${r[cFam]}`, plain(r[cFamName].replace(/<\/?sub>/g, '')), RANK_FAMILY, 'gtopdb-family');
    }
    const entrez = r[cEntrez]?.split('|')[0];
    if (!entrez || !/^\d+$/.test(entrez)) continue;
    const names = [r[cTarget], ...r[cSyn].split('|')].filter(Boolean);
    for (const n of names) {
      // target names with a class head only: bare synonyms (ADRBRL1, Gpcr18) are the gene dictionary's business
      if (!/(receptor|adrenoceptor|channel|transporter)s?\b/i.test(plain(n.replace(/<\/?sub>/g, ''))) && n !== r[cTarget]) continue;
      for (const f of subscriptForms(n)) add(f, `NCBIGene:${entrez}`, r[cSym] || f, RANK_TARGET, 'gtopdb-target');
      // the subtype alone, as pharmacology writes it: "5-HT(1A)", "CB(1)" (not one-letter bases: "D(1)", "M(3)" are too ambiguous)
      const sub = /^(.{2,}?)<sub>([^<]+)<\/sub> receptor$/.exec(n);
      if (sub && /[A-Za-z]/.test(sub[1])) add(plain(`${sub[1]}(${sub[2]})`), `NCBIGene:${entrez}`, r[cSym] || n, RANK_TARGET, 'gtopdb-target');
    }
  }
  for (const r of readTsv(join(sourcesDir, 'hgnc-genegroup', 'hgnc.genegroup.synonyms.tsv'))) {
    if (r.type === 'omo:0003000' || !r.curie.startsWith('hgnc.genegroup:')) continue; // abbreviations: too ambiguous alone
    if (r.text.split(' ').length < 2 && !/s$/.test(r.text)) continue; // one-word singular names ("Vanin") are member names
    if (/\bRNAs?\b|RNA genes|snoRNA|miRNA|microRNA|non-?coding/i.test(`${r.text} ${r.name}`)) continue; // RNA gene groups: not proteins
    add(r.text, `HGNC.FAMILY:${r.curie.slice(15)}`, r.name, RANK_GROUP, 'hgnc-genegroup');
  }
  const overlay = readOverlay(join(overlayDir, 'gene-families.tsv'), 0);
  const counts: Record<string, number> = { 'gene-families.candidates': cands.length, 'gene-families.overlay': overlay.length };
  const kept = cands.filter((c) => !taken.has(termKey(c.term)) && !stop.has(termKey(c.term)));
  counts['gene-families.dropped.key_in_genes_or_stoplist'] = cands.length - kept.length;
  const res = resolve([...overlay, ...kept]);
  counts['gene-families.ambiguous_dropped'] = res.ambiguous.length;
  const out = res.rows;
  counts['gene-families.rows'] = out.length;
  return { rows: out, counts };
}
