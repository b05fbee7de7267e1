import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDrugprotSplit } from '../../src/evaluate/corpora/drugprot-tsv.js';
import { toGold } from '../../src/evaluate/corpora/drugprot.js';

describe('loadDrugprotSplit (official TSV release)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drugprot-'));
  writeFileSync(path.join(dir, 'drugprot_dev_abstracs.tsv'), '2\tTitle two.\tLapatinib inhibits HER2.\n1\tAspirin.\tAspirin blocks COX-1.\n');
  writeFileSync(path.join(dir, 'drugprot_dev_entities.tsv'), '2\tT1\tCHEMICAL\t11\t20\tLapatinib\n2\tT2\tGENE-Y\t30\t34\tHER2\n1\tT1\tCHEMICAL\t9\t16\tAspirin\n1\tT2\tGENE-N\t24\t29\tCOX-1\n');
  // a duplicated row counts once; a row naming a missing entity is counted as unresolved
  writeFileSync(path.join(dir, 'drugprot_dev_relations.tsv'), '2\tINHIBITOR\tArg1:T1\tArg2:T2\n2\tINHIBITOR\tArg1:T1\tArg2:T2\n1\tINHIBITOR\tArg1:T1\tArg2:T9\n');
  const split = loadDrugprotSplit(dir, 'dev');
  it('reads documents in PMID order, text = title + " " + abstract, offsets pointing at their text', () => {
    expect(split.documents.map((d) => d.id)).toEqual(['1', '2']);
    for (const d of split.documents) for (const a of d.annotations) expect(d.text.slice(a.start, a.end)).toBe(a.text);
  });
  it('resolves relations to their chemical and gene, once each', () => {
    const [one, two] = split.documents;
    expect(toGold(two).map((g) => `${g.cls} ${g.chemical.text} ${g.gene.text}`)).toEqual(['INHIBITOR Lapatinib HER2']);
    expect(one.relations).toEqual([]);
    expect(one.unresolved).toBe(1);
    expect(split.files.map((f) => path.basename(f))).toEqual(['drugprot_dev_abstracs.tsv', 'drugprot_dev_entities.tsv', 'drugprot_dev_relations.tsv']);
  });
});
