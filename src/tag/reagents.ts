/**
 * Laboratory reagents and organisms are not drugs of the study. DrugBank lists DMSO, EDTA,
 * ampicillin, imidazole, glucose and even bacteria ("Escherichia coli", "Bifidobacterium longum"),
 * so the drug lexicon tags them; this table says what they are:
 *  - `always`: a reagent wherever it appears (buffers, solvents, stains, detergents): typed `chemical`;
 *  - `methods`: a reagent in Methods/Materials sections only (selection antibiotics, sugars of a
 *    culture medium, anaesthetics), a drug elsewhere ("ampicillin-resistant infections");
 *  - organisms (`ORGANISM`): never a drug or chemical mention; dropped.
 * The norm is kept, so a reagent stays grounded; `source` gains a `reagent:` prefix.
 */
import type { Sentence } from '../segment/segment.js';
import type { Mention } from './mention.js';
import { termKey } from './tokens.js';

export const METHODS_SECTION = /method|material|experimental procedure|reagent|cell culture|plasmid|antibodies\b|statistic/i;

const ALWAYS = ['DMSO', 'dimethyl sulfoxide', 'dimethylsulfoxide', 'EDTA', 'edetic acid', 'EGTA', 'Tris', 'Tris-HCl', 'HEPES', 'MOPS', 'PIPES',
  'imidazole', 'glycerol', 'SDS', 'sodium dodecyl sulfate', 'Triton X-100', 'Tween 20', 'Tween-20', 'NP-40', 'PBS', 'BSA', 'bovine serum albumin',
  'paraformaldehyde', 'formaldehyde', 'formalin', 'glutaraldehyde', 'methanol', 'isopropanol', 'xylene', 'paraffin', 'agarose', 'acrylamide',
  'polyacrylamide', 'DTT', 'dithiothreitol', 'beta-mercaptoethanol', '2-mercaptoethanol', 'PMSF', 'sodium chloride', 'NaCl', 'KCl',
  'potassium chloride', 'MgCl2', 'magnesium chloride', 'CaCl2', 'sucrose', 'hematoxylin', 'haematoxylin', 'eosin', 'DAPI', 'Hoechst 33342',
  'crystal violet', 'MTT', 'trypan blue', 'Alcian blue', 'Coomassie', 'ponceau S', 'agar', 'IPTG', 'X-gal', 'polybrene', 'Lipofectamine',
  'puromycin', 'G418', 'geneticin', 'hygromycin', 'blasticidin', 'zeocin', 'DEPC', 'TRIzol', 'ethidium bromide', 'propidium iodide', 'Ficoll',
  'Matrigel', 'collagenase', 'heparin sodium', 'sodium azide', 'tetramethylbenzidine', 'TMB', 'luciferin', 'coelenterazine'];
const METHODS_ONLY = ['ampicillin', 'kanamycin', 'carbenicillin', 'chloramphenicol', 'streptomycin', 'penicillin', 'penicillin-streptomycin',
  'gentamicin', 'tetracycline', 'glucose', 'D-glucose', 'galactose', 'raffinose', 'lactose', 'ethanol', 'isoflurane', 'ketamine', 'xylazine',
  'pentobarbital', 'sodium pentobarbital', 'water', 'L-glutamine', 'glutamine', 'sodium pyruvate', 'insulin-transferrin-selenium'];

export const REAGENTS: ReadonlyMap<string, 'always' | 'methods'> = new Map([
  ...METHODS_ONLY.map((t) => [termKey(t), 'methods'] as const),
  ...ALWAYS.map((t) => [termKey(t), 'always'] as const),
]);

/** organisms a drug lexicon lists (probiotics, bacteria, and the plants and foods of its allergen extracts), and their short forms */
export const ORGANISM = /^(?:[A-Z]\.\s?[a-z]{3,}|(?:Escherichia|Bifidobacterium|Bacteroides|Lactobacillus|Lacticaseibacillus|Saccharomyces|Streptococcus|Staphylococcus|Akkermansia|Clostridium|Clostridioides|Bacillus|Pseudomonas|Salmonella|Candida|Mycobacterium|Helicobacter|Enterococcus|Faecalibacterium|Lactococcus|Listeria|Klebsiella|Shigella|Vibrio|Aspergillus|Pichia|Komagataella|Streptomyces)(?:\s+[a-z]{3,})?|[Yy]easts?|[Bb]acteria|[Ww]hole blood|[Bb]aker'?s yeast|[Bb]rewer'?s yeast|[Gg]arlic|[Gg]inger|[Gg]inseng|[Ll]i(?:c|qu)orice|[Tt]omato(?:es)?|[Cc]hicken|[Ss]alix)$/;

export interface ReagentExample { text: string; mention: string; section: string; expected: 'drug' | 'chemical' | 'dropped' }
export const REAGENT_EXAMPLES: ReagentExample[] = [
  { text: 'Cells were treated with DMSO as vehicle.', mention: 'DMSO', section: 'results', expected: 'chemical' },
  { text: 'Lysis buffer contained 1 mM EDTA.', mention: 'EDTA', section: 'materials and methods', expected: 'chemical' },
  { text: 'Bacteria were grown with ampicillin (100 µg/mL).', mention: 'ampicillin', section: 'materials and methods', expected: 'chemical' },
  { text: 'His-tagged protein was eluted with imidazole.', mention: 'imidazole', section: 'methods', expected: 'chemical' },
  { text: 'Yeast were grown on galactose.', mention: 'galactose', section: 'methods', expected: 'chemical' },
  { text: 'Lapatinib was dissolved in DMSO.', mention: 'Lapatinib', section: 'methods', expected: 'drug' },
  { text: 'Protein was expressed in E. coli BL21.', mention: 'E. coli', section: 'methods', expected: 'dropped' },
  { text: 'Escherichia coli was transformed.', mention: 'Escherichia coli', section: 'methods', expected: 'dropped' },
  { text: 'Extracts of garlic lowered lipids.', mention: 'garlic', section: 'results', expected: 'dropped' },
];

/** Retypes reagents to `chemical`, drops organisms, and records each mention's section. */
export function applyReagentRules(text: string, mentions: Mention[], sentences: Sentence[]): Mention[] {
  const section = new Map(sentences.map((s) => [s.index, s.section]));
  const out: Mention[] = [];
  for (const m of mentions) {
    const sec = section.get(m.sentence) ?? '';
    if (sec) m.section = sec;
    if (m.type !== 'drug' && m.type !== 'chemical') { out.push(m); continue; }
    const surface = text.slice(m.start, m.end);
    if (ORGANISM.test(surface) || ORGANISM.test(m.name)) continue;
    const rule = REAGENTS.get(termKey(surface)) ?? REAGENTS.get(termKey(m.name));
    if (rule === 'always' || (rule === 'methods' && METHODS_SECTION.test(sec))) { m.type = 'chemical'; m.source = `reagent:${m.source}`; }
    out.push(m);
  }
  return out;
}
