/**
 * The predicate vocabulary: allowed argument types and mappings for downstream loading and
 * evaluation (Biolink, DrugProt, BioRED). Triples are validated against it.
 */
import type { EntityType } from '../model/schemas.js';
import { TRIGGERS } from './triggers.js';

export interface PredicateDef {
  id: string;
  subject: EntityType[];
  object: EntityType[];
  symmetric: boolean;
  biolink: string;
  drugprot: string | null;
  biored: string;
  definition: string;
  example: string;
}

const G: EntityType = 'gene', M: EntityType = 'mutation', P: EntityType = 'pathway';
/** agents: a drug, any other chemical, or a class of drugs ("HER2 inhibitors") */
const D: EntityType[] = ['drug', 'chemical', 'drug_class'];
export const isAgent = (t: EntityType): boolean => D.includes(t);

export const PREDICATES: PredicateDef[] = [
  { id: 'inhibits', subject: [...D, G, M, P], object: [G, P], symmetric: false, biolink: 'biolink:decreases_activity_of', drugprot: 'INHIBITOR', biored: 'Negative_Correlation', definition: 'the subject reduces the activity of the object', example: 'Lapatinib inhibits HER2 kinase activity.' },
  { id: 'activates', subject: [...D, G, M, P], object: [G, P], symmetric: false, biolink: 'biolink:increases_activity_of', drugprot: 'ACTIVATOR', biored: 'Positive_Correlation', definition: 'the subject increases the activity of the object', example: 'HER2 activates the PI3K/AKT pathway.' },
  { id: 'antagonist_of', subject: [...D], object: [G], symmetric: false, biolink: 'biolink:decreases_activity_of', drugprot: 'ANTAGONIST', biored: 'Negative_Correlation', definition: 'the chemical binds the receptor and blocks its activation by the natural ligand', example: 'Propranolol is a beta-adrenergic receptor antagonist.' },
  { id: 'agonist_of', subject: [...D], object: [G], symmetric: false, biolink: 'biolink:increases_activity_of', drugprot: 'AGONIST', biored: 'Positive_Correlation', definition: 'the chemical binds the receptor and activates it as its natural ligand does', example: 'Buspirone is a 5-HT1A receptor partial agonist.' },
  { id: 'binds', subject: [...D, G], object: [...D, G], symmetric: true, biolink: 'biolink:directly_physically_interacts_with', drugprot: 'DIRECT-REGULATOR', biored: 'Bind', definition: 'the two entities physically bind or dimerize', example: 'Trastuzumab binds domain IV of HER2.' },
  { id: 'upregulates', subject: [...D, G, M, P], object: [G], symmetric: false, biolink: 'biolink:increases_expression_of', drugprot: 'INDIRECT-UPREGULATOR', biored: 'Positive_Correlation', definition: 'the subject increases expression or level of the object', example: 'STAT3 upregulates MUC4 expression.' },
  { id: 'downregulates', subject: [...D, G, M, P], object: [G], symmetric: false, biolink: 'biolink:decreases_expression_of', drugprot: 'INDIRECT-DOWNREGULATOR', biored: 'Negative_Correlation', definition: 'the subject decreases expression or level of the object', example: 'miR-21 downregulates PTEN.' },
  { id: 'phosphorylates', subject: [G], object: [G], symmetric: false, biolink: 'biolink:affects', drugprot: 'SUBSTRATE', biored: 'Association', definition: 'the subject kinase phosphorylates the object', example: 'SRC phosphorylates HER2 at Y877.' },
  { id: 'targets', subject: [...D], object: [G], symmetric: false, biolink: 'biolink:has_target', drugprot: 'INHIBITOR', biored: 'Negative_Correlation', definition: 'the drug is designed against the gene product', example: 'Trastuzumab, a monoclonal antibody targeting HER2, ...' },
  { id: 'confers_resistance_to', subject: [G, M, P], object: [...D], symmetric: false, biolink: 'biolink:contributes_to', drugprot: null, biored: 'Negative_Correlation', definition: 'the subject (its expression, loss or activation) makes cells or tumours resistant to the drug', example: 'p95HER2 confers resistance to trastuzumab.' },
  { id: 'confers_sensitivity_to', subject: [G, M, P], object: [...D], symmetric: false, biolink: 'biolink:contributes_to', drugprot: null, biored: 'Positive_Correlation', definition: 'the subject makes cells or tumours respond to the drug', example: 'HER2 V777L mutant cells are sensitive to neratinib.' },
  { id: 'substrate_of', subject: [...D], object: [G], symmetric: false, biolink: 'biolink:is_substrate_of', drugprot: 'SUBSTRATE', biored: 'Association', definition: 'the chemical is metabolized, transported or otherwise acted on by the gene product', example: 'Tamoxifen is metabolized by CYP2D6.' },
  { id: 'product_of', subject: [...D], object: [G], symmetric: false, biolink: 'biolink:is_output_of', drugprot: 'PRODUCT-OF', biored: 'Association', definition: 'the chemical is produced by the enzyme', example: 'Nitric oxide is produced by iNOS.' },
  { id: 'part_of', subject: [G, ...D], object: [P, G], symmetric: false, biolink: 'biolink:part_of', drugprot: 'PART-OF', biored: 'Association', definition: 'the gene product is a component of the pathway (or the chemical a part of the gene product: a cofactor, a residue)', example: 'AKT, a key component of the PI3K pathway, ...' },
  { id: 'variant_of', subject: [M], object: [G], symmetric: false, biolink: 'biolink:is_sequence_variant_of', drugprot: null, biored: 'Association', definition: 'the variant lies in the gene', example: 'HER2 V777L is an activating mutation.' },
  { id: 'combined_with', subject: [...D], object: [...D], symmetric: true, biolink: 'biolink:coexists_with', drugprot: null, biored: 'Cotreatment', definition: 'the drugs are given together', example: 'Trastuzumab plus pertuzumab improved survival.' },
  { id: 'biomarker_for', subject: [G, M], object: [...D], symmetric: false, biolink: 'biolink:biomarker_for', drugprot: null, biored: 'Association', definition: 'the status of the subject predicts response to the drug', example: 'HER2 status predicts response to trastuzumab.' },
  { id: 'associated_with', subject: [...D, G, M, P], object: [...D, G, M, P], symmetric: true, biolink: 'biolink:associated_with', drugprot: null, biored: 'Association', definition: 'an explicit association that fits no other predicate (low confidence)', example: 'HER2 crosstalks with ER signaling.' },
];

export const PREDICATE_BY_ID = new Map(PREDICATES.map((p) => [p.id, p]));

export function allowedArguments(predicate: string, subject: EntityType, object: EntityType): boolean {
  const p = PREDICATE_BY_ID.get(predicate);
  return !!p && p.subject.includes(subject) && p.object.includes(object);
}

/**
 * DrugProt is finer than our vocabulary: it tells a receptor antagonist from an enzyme inhibitor
 * and an agonist from an activator, which our predicates fold together. The DrugProt class of a
 * triple is therefore its predicate's class unless its trigger lemma (and, for "blocker", the
 * object's name) selects a finer one here. Evaluation only; triples keep their predicate.
 */
export interface DrugprotTriggerClass {
  predicate: string;
  /** trigger lemmas (see `triggerLemma`) */
  lemmas: string[];
  /** when set, the object's text must match too */
  object?: RegExp;
  drugprot: string;
  /** run as tests: the triple's trigger text and object text in the sentence */
  examples: { sentence: string; trigger: string; object: string }[];
}

export const DRUGPROT_BY_TRIGGER: DrugprotTriggerClass[] = [
  {
    predicate: 'inhibits', lemmas: ['antagonist', 'antagonize', 'antagonism'], drugprot: 'ANTAGONIST',
    examples: [
      { sentence: 'Astemizole, a potent histamine H1-receptor antagonist', trigger: 'antagonist', object: 'histamine H1-receptor' },
      { sentence: 'the effect was antagonized by yohimbine', trigger: 'antagonized by', object: 'alpha2-adrenoceptor' },
      { sentence: 'dual endothelin receptor antagonists such as macitentan', trigger: 'antagonists', object: 'endothelin receptor' },
    ],
  },
  {
    predicate: 'inhibits', lemmas: ['blocker'], object: /recept|adrenoceptor/i, drugprot: 'ANTAGONIST',
    examples: [{ sentence: 'propranolol, a beta-adrenergic receptor blocker', trigger: 'blocker', object: 'beta-adrenergic receptor' }],
  },
  {
    predicate: 'activates', lemmas: ['agonist'], drugprot: 'AGONIST',
    examples: [
      { sentence: 'the retinoid X receptor agonist bexarotene', trigger: 'agonist', object: 'retinoid X receptor' },
      { sentence: 'the 5-HT1A partial agonist buspirone', trigger: 'agonist', object: '5-HT1A' },
    ],
  },
];

/** lemma of a triple's trigger text: "antagonized by" → antagonize, "antagonists" → antagonist */
export function triggerLemma(trigger: string): string {
  const w = trigger.toLowerCase().split(/\s+/)[0] ?? '';
  return (TRIGGERS.get(w)?.lemma ?? w).replace(/(ist|er)s$/, '$1');
}

/** DrugProt class of a triple (null: no DrugProt counterpart) */
export function drugprotClass(predicate: string, trigger: string, objectText = ''): string | null {
  const lemma = triggerLemma(trigger);
  const fine = DRUGPROT_BY_TRIGGER.find((r) => r.predicate === predicate && r.lemmas.includes(lemma) && (!r.object || r.object.test(objectText)));
  return fine ? fine.drugprot : PREDICATE_BY_ID.get(predicate)?.drugprot ?? null;
}
