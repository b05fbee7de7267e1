/**
 * The rows of `npm run eval:ner`: one per corpus part and entity type. A row names its PubTator
 * file (under ../shared/eval), the gold types it scores, the predicted types that answer them,
 * and whether the corpus gives ids. Add a row here to score another corpus or type.
 *
 * Overlaps between corpora (../shared/README.md): abstracts that other corpora's evaluation parts
 * hold were removed from every file, so the rows do not count one abstract twice; DrugProt's
 * development abstracts are the same 750 in ner/ and in drugprot/development/.
 */
import type { EntityType } from '../../model/schemas.ts';

export interface NerRow {
  corpus: string;
  split: 'train' | 'dev' | 'test';
  type: string;
  /** path under ../shared/eval */
  file: string;
  /** the official DrugProt TSV folder and its split's file name part (else `file` is a PubTator file) */
  drugprotSplit?: 'training' | 'development';
  goldTypes: string[];
  predTypes: EntityType[];
  ids: boolean;
  /** the corpus is used to develop the tagger (figures are in-sample) */
  development?: boolean;
}

const CHEM: EntityType[] = ['drug', 'chemical'];

export const CHEMICAL_ROWS: NerRow[] = [
  { corpus: 'BC5CDR', split: 'train', type: 'chemical', file: 'ner/CDR_TrainingSet.PubTator.txt', goldTypes: ['Chemical'], predTypes: CHEM, ids: true, development: true },
  { corpus: 'BC5CDR', split: 'dev', type: 'chemical', file: 'ner/CDR_DevelopmentSet.PubTator.txt', goldTypes: ['Chemical'], predTypes: CHEM, ids: true, development: true },
  { corpus: 'BC5CDR', split: 'test', type: 'chemical', file: 'ner/CDR_TestSet.PubTator.txt', goldTypes: ['Chemical'], predTypes: CHEM, ids: true },
  { corpus: 'NLM-Chem', split: 'test', type: 'chemical', file: 'ner/NLMchem_Test.PubTator', goldTypes: ['Chemical'], predTypes: CHEM, ids: true },
  { corpus: 'DrugProt', split: 'train', type: 'chemical', file: 'drugprot/training-partial', drugprotSplit: 'training', goldTypes: ['CHEMICAL'], predTypes: CHEM, ids: false, development: true },
  { corpus: 'DrugProt', split: 'dev', type: 'chemical', file: 'drugprot/development', drugprotSplit: 'development', goldTypes: ['CHEMICAL'], predTypes: CHEM, ids: false },
  { corpus: 'DrugProt/AIONER', split: 'dev', type: 'chemical', file: 'ner/DrugProt_Dev750_as_AIONER_Test.PubTator', goldTypes: ['Chemical'], predTypes: CHEM, ids: false },
];

export const NER_ROWS: NerRow[] = [...CHEMICAL_ROWS];
