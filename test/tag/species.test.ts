import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { findSpecies, ownGene, rodentGenes } from '../../src/tag/species.js';
import { familyMembers, mayBeMember, memberNamed, memberWritten } from '../../src/tag/family-members.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = defaultLexicon();
const genes = (text: string) =>
  tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}@${m.species ?? '-'}`);

describe('species cues', () => {
  it('finds names, plurals, adjectives and cell lines, in their case', () => {
    const text = 'Mice and murine cells, HeLa cells, rats, patients; not MICE or hela.';
    expect(findSpecies(text, lexicon.species!).map((s) => `${text.slice(s.start, s.end)}:${s.taxon}`))
      .toEqual(['Mice:10090', 'murine:10090', 'HeLa:9606', 'rats:10116', 'patients:9606']);
  });
  it('finds cell lines named like a gene only with their cell word (ST-2 cells, C6 glioma), never the bare name', () => {
    const found = (text: string) => findSpecies(text, lexicon.species!).map((s) => `${text.slice(s.start, s.end)}:${s.taxon}`);
    expect(found('Nlk was knocked down in ST-2 cells and ST2 cells.')).toEqual(['ST-2 cells:10090', 'ST2 cells:10090']);
    expect(found('C6 glioma cells, A20 cells, L6 myotubes and HL-1 cells.')).toEqual(['C6 glioma:10116', 'A20 cells:10090', 'L6 myotubes:10116', 'HL-1 cells:10090']);
    expect(found('Serum ST2, ST-2 levels, complement C6, A20 and the L6 vertebra.')).toEqual([]);
  });
});

describe('species of gene mentions', () => {
  it('grounds a gene to the mouse ortholog when the passage speaks of mice', () => {
    expect(genes('Erbb2 was deleted in mice.')).toEqual(['Erbb2=NCBIGene:13866@NCBITaxon:10090']);
  });
  it('a species word directly before the gene wins over the sentence', () => {
    expect(genes('In rats, human ERBB2 was expressed.')).toContain('ERBB2=NCBIGene:2064@NCBITaxon:9606');
  });
  it('a rodent gene takes the id its own name gives (rodent-genes.tsv), before the ortholog of the human gene', () => {
    const data = lexicon.species!;
    expect(rodentGenes(data).get('10090\tp 53')).toEqual(['22059', 'Trp53']);
    expect(rodentGenes(data).get('10116\tp 53')).toEqual(['24842', 'Tp53']);
    expect(genes('p53 was deleted in mice.')).toEqual(['p53=NCBIGene:22059@NCBITaxon:10090']);
  });
  it('a microRNA takes the rodent locus of its name (no ortholog join covers them)', () => {
    expect(genes('miR-21 was raised in mice.')).toEqual(['miR-21=NCBIGene:387140@NCBITaxon:10090']);
    expect(genes('miR-21 was raised in rats.')).toEqual(['miR-21=NCBIGene:100314000@NCBITaxon:10116']);
  });
  it('a microRNA whose mature name one mouse locus makes is that locus in a mouse passage (human has MIR203A and MIR203B)', () => {
    expect(genes('miR-203 was raised in mice.')).toEqual(['miR-203=NCBIGene:387199@NCBITaxon:10090']);
    expect(rodentGenes(lexicon.species!).get('10090\tmir 21')).toEqual(['387140', 'Mir21a']);
    // not in a human passage, and no host gene (rodent-genes.tsv once gave mouse mir-21a as Vmp1)
    expect(genes('miR-203 was raised in patients.')).toEqual(['miR-203=LOCAL:mir-203@-']);
    expect(rodentGenes(lexicon.species!).get('10090\tmir 21 a')?.[1]).not.toBe('Vmp1');
  });
  it('rat genes take the rat id', () => {
    expect(genes('ERBB2 levels rose in rat liver.')).toEqual(['ERBB2=NCBIGene:24337@NCBITaxon:10116']);
  });
  it('without any cue the gene stays human and records no species', () => {
    expect(genes('ERBB2 is amplified.')).toEqual(['ERBB2=NCBIGene:2064@-']);
  });
  it('rodent nomenclature decides only in a document mainly about rodents', () => {
    expect(genes('Patients and patients. Src binds ERBB2 in mice.')[0]).toBe('Src=NCBIGene:20779@NCBITaxon:10090'); // sentence cue
    expect(genes('Patients were treated. Src was active. A mouse study agreed.')[0]).toBe('Src=NCBIGene:6714@NCBITaxon:9606');
  });
  it('mice hosting a graft vote for nothing: the genes are the human tumour\'s', () => {
    // nude mice (a host cue in the sentence) leave the document to its human cell line
    expect(genes('HOXB13 was methylated in RKO cells. HOXB13 abolished tumour growth in nude mice.')).toEqual(['HOXB13=NCBIGene:10481@NCBITaxon:9606', 'HOXB13=NCBIGene:10481@NCBITaxon:9606']);
    // without the host cue the mice are the nearest species of their sentence
    expect(genes('HOXB13 was methylated in RKO cells. HOXB13 abolished tumour growth in mice.')[1]).toMatch(/@NCBITaxon:10090$/);
  });
  it('tumour words beside a human cue make that sentence\'s mice hosts (TUMOUR_CUE), not the document\'s', () => {
    // the mice of the tumour sentence host the human cell line: ADAM12 takes the cell line's organism
    expect(genes('Tumor growth of MDA-MB-231 cells was reduced in mice lacking ADAM12.')).toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606']);
    expect(genes('MCF-7 cells lost tumorigenicity in mice with ADAM12.')).toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606']);
    // no human cue in the sentence (a mouse tumour model), or no tumour word: the mice decide
    expect(genes('Tumor growth was reduced in mice lacking ADAM12.')[0]).toMatch(/@NCBITaxon:10090$/);
    expect(genes('MDA-MB-231 cells were given to mice lacking ADAM12.')[0]).toMatch(/@NCBITaxon:10090$/);
    // the other sentences' mice still vote: KI67 in a sentence without a cue takes the document's mice
    expect(genes('Tumor growth of MDA-MB-231 cells was reduced in mice lacking ADAM12. Mice were weighed. Mice were fed. KI67 was counted.')[1]).toMatch(/@NCBITaxon:10090$/);
  });
  it('in a document with grafts, rodents outside the graft sentences do not outvote the grafted human cells', () => {
    expect(genes('ADAM12 was studied. HCT-116 xenografts grew in mice. Mice were weighed.')).toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606']);
    // rodents alone still decide a document (here the graft word is the only other cue)
    expect(genes('ADAM12 was studied in xenografted mice. Mice were weighed.')[0]).toMatch(/@NCBITaxon:10090$/);
  });
  it('"patients" weigh twice in the document vote: the people studied, not an organism named in passing', () => {
    expect(genes('ADAM12 was raised. Patients were treated. A mouse study agreed.')).toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606']);
    // two rodent words still outvote them
    expect(genes('ADAM12 was raised. Patients were treated. Mice and mice agreed.')[0]).toMatch(/@NCBITaxon:10090$/);
    // "human" is no study subject: a tie, which the mouse wins as before
    expect(genes('ADAM12 was raised. A human disease was modelled. A mouse study agreed.')[0]).toMatch(/@NCBITaxon:10090$/);
  });
  it('an organism named in a sentence on the authors\' own work weighs three times in the document vote', () => {
    expect(genes('ADAM12 was raised. Mice and rats were used before. Here we studied human tissue.')).toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606']);
    expect(genes('ADAM12 was raised. In this study, mice were used. Mice and rats were used before; a human disease.')[0]).toMatch(/@NCBITaxon:10090$/);
    // without such a sentence the plain count decides
    expect(genes('ADAM12 was raised. Mice and mice were used before. A human disease was modelled.')[0]).toMatch(/@NCBITaxon:10090$/);
  });
  it('genotypes of bred animals make a document that names no organism with gene ids a mouse study', () => {
    expect(genes('IL-17 was made by Rag2(-/-) splenocytes. Zymosan came from yeast.')[0]).toBe('IL-17=NCBIGene:16171@NCBITaxon:10090');
    expect(genes('ERBB2 rose in floxed fl/fl tissue.')[0]).toMatch(/@NCBITaxon:10090$/);
    expect(genes('ERBB2 rose in Mvk (+/-) littermates.')[0]).toMatch(/@NCBITaxon:10090$/);
    // a racemate prefix is no genotype; a named human cue keeps the document human
    expect(genes('ERBB2 fell after (+/-)-ketamine.')[0]).toBe('ERBB2=NCBIGene:2064@-');
    expect(genes('ERBB2 knockout HeLa cells grew.')[0]).toMatch(/@NCBITaxon:9606$/);
  });
  it('cell lines name their organism: HCT-116 (human), Ba/F3 (mouse), NRK-52E (rat)', () => {
    const text = 'HCT-116, Ba/F3 and NRK-52E cells.';
    expect(findSpecies(text, lexicon.species!).map((s) => `${text.slice(s.start, s.end)}:${s.taxon}`)).toEqual(['HCT-116:9606', 'Ba/F3:10090', 'NRK-52E:10116']);
  });
  it('more cell lines: HT22, PA6, EL4, ATDC5 (mouse), PC-12 (rat), HMC-1 (human)', () => {
    const text = 'HT22, PA6, EL4, ATDC5, PC-12 and HMC-1 cells.';
    expect(findSpecies(text, lexicon.species!).map((s) => `${text.slice(s.start, s.end)}:${s.taxon}`))
      .toEqual(['HT22:10090', 'PA6:10090', 'EL4:10090', 'ATDC5:10090', 'PC-12:10116', 'HMC-1:9606']);
  });
  it('a one-letter prefix sets the species: hTRPM8, mTRPV4, never mAb', () => {
    expect(genes('hTRPM8 and mTRPV4 but not mAb.')).toEqual(['hTRPM8=NCBIGene:79054@NCBITaxon:9606', 'mTRPV4=NCBIGene:63873@NCBITaxon:10090']);
  });
});

describe('species from how genes are written, and families in rodent passages', () => {
  const withSource = (text: string) =>
    tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}@${m.species ?? '-'}|${m.source}`);
  const mouseWay = 'Ctr9 and Rtf1 are required in embryos. Expression of Eomes, Elf5 and Sox2 fell, while Nanog, Gata6 and Fgf4 rose.';
  it('a document naming no organism but writing its genes the mouse way is about mice', () => {
    expect(genes(mouseWay)).toContain('Sox2=NCBIGene:20674@NCBITaxon:10090');
    expect(genes(mouseWay)).toContain('Ctr9=NCBIGene:22083@NCBITaxon:10090');
  });
  it('a comparison organism without gene ids ("from yeast to mammals") gives way to the mouse way of writing', () => {
    expect(genes(`${mouseWay} The complex is conserved from yeast to mammals.`)).toContain('Sox2=NCBIGene:20674@NCBITaxon:10090');
  });
  it('but not where the genes are a graft\'s, nor with a few rodent-written names only', () => {
    expect(genes('Ctr9 and Rtf1 are required in embryos. Expression of Eomes, Elf5 and Sox2 fell in xenografts.')).toContain('Sox2=NCBIGene:6657@NCBITaxon:9606');
    expect(genes('Sox2 and Elf5 rose.')).toEqual(['Sox2=NCBIGene:6657@-', 'Elf5=NCBIGene:2001@-']);
  });
  it('the ortholog map\'s rodent symbols are the rodent\'s own names too', () => {
    expect(ownGene(lexicon.species!, '10090', 'Apc')).toEqual(['11789', 'Apc']);
    expect(ownGene(lexicon.species!, '7955', 'erbb2')).toEqual(['386966', 'erbb2']);
  });
  it('a hand-curated human name keeps its ortholog over a rodent synonym of another gene', () => {
    expect(genes('COX-2 was induced in mice.')).toEqual(['COX-2=NCBIGene:19225@NCBITaxon:10090']);
  });
  it('one species per spelling: a gene written once after an organism with gene ids is that organism\'s where the document vote would decide', () => {
    // a human gene transfected into a mouse cell line: the document votes mouse, its genes stay mouse
    expect(genes('Human ADAM12 was expressed in HT22 cells. ADAM12 raised CREB. Mice and mice were used.'))
      .toEqual(['ADAM12=NCBIGene:8038@NCBITaxon:9606', 'ADAM12=NCBIGene:8038@NCBITaxon:9606', 'CREB=NCBIGene:12912@NCBITaxon:10090']);
  });
  it('but not when the species words disagree, nor for an organism without gene ids, nor over the sentence\'s own species', () => {
    expect(genes('Human ADAM12 and mouse ADAM12 were compared. ADAM12 rose. Mice were used.')[2]).toBe('ADAM12=NCBIGene:11489@NCBITaxon:10090');
    expect(genes('Oral bovine lactoferrin was given. Plasma lactoferrin rose. Rats and rats were used.')[1]).toBe('lactoferrin=NCBIGene:301034@NCBITaxon:10116');
    expect(genes('Human ADAM12 was expressed. In mice, ADAM12 rose.')[1]).toBe('ADAM12=NCBIGene:11489@NCBITaxon:10090');
  });
  it('"protein kinase B" is AKT1 (UniProt P31749), not PTK2B (an NCBI designation); PKB stays the FamPlex family', () => {
    expect(genes('Protein kinase B was phosphorylated in patients.')).toEqual(['Protein kinase B=NCBIGene:207@NCBITaxon:9606']);
    expect(genes('In mice, protein kinase B was phosphorylated.')).toEqual(['protein kinase B=NCBIGene:11651@NCBITaxon:10090']);
    expect(genes('PKB was phosphorylated.')).toEqual(['PKB=FPLX:AKT@-']);
  });
  it('a family written as one rodent gene\'s registered name is that gene in a rodent passage, the family kept in source', () => {
    expect(withSource('Akt phosphorylation rose in mice lacking Pten.')[0]).toBe('Akt=NCBIGene:11651@NCBITaxon:10090|famplex|family:FPLX:AKT|species:10090:nomenclature:rodent-name');
    expect(genes('Akt phosphorylation rose in patients.')).toEqual(['Akt=FPLX:AKT@-']);
  });
  it('a family in a rodent passage is grounded only to a member: rat Erk (an old symbol of Ephb1) is the ortholog of MAPK1', () => {
    expect(withSource('In rats, Erk was phosphorylated.')).toEqual(['Erk=NCBIGene:116590@NCBITaxon:10116|famplex|family:FPLX:ERK|species:10116:nomenclature:member-name']);
  });
  it('a family written as one human member\'s name is that member\'s ortholog in a rodent passage (NF-kB: NFKB1, p38: MAPK14)', () => {
    expect(genes('In mice, NF-kB and p38 were activated.')).toEqual(['NF-kB=NCBIGene:18033@NCBITaxon:10090', 'p38=NCBIGene:26416@NCBITaxon:10090']);
    expect(withSource('In mice, NF-kB was activated.')[0]).toMatch(/\|family:FPLX:NFkappaB\|species:10090:sentence:member-name$/);
    expect(genes('NF-kB was activated in patients.')).toEqual(['NF-kB=FPLX:NFkappaB@-']);
  });
  it('a member\'s name counts as written once compacted: TGF-beta and TGF-β are TGFB, an alias of TGFB1', () => {
    const fm = familyMembers(lexicon.species!.familyFile);
    expect(memberNamed(fm, 'FPLX:TGFB', 'TGF-beta')).toBe('7040');
    expect(memberNamed(fm, 'FPLX:TGFB', 'TGF-β')).toBe('7040');
    expect(genes('In mice, TGF-beta was raised.')).toEqual(['TGF-beta=NCBIGene:21803@NCBITaxon:10090']);
    expect(genes('TGF-beta was raised in patients.')).toEqual(['TGF-beta=FPLX:TGFB@-']);
  });
  it('a family written as a pair of members (ERK1/2) or after a phospho prefix (pERK) names a member in a rodent passage', () => {
    const fm = familyMembers(lexicon.species!.familyFile);
    const valid: [string, string, string][] = [['FPLX:ERK', 'ERK1/2', '5595'], ['FPLX:ERK', 'Erk 1/2', '5595'], ['FPLX:MEK', 'MEK1/2', '5604'], ['FPLX:ERK', 'pERK', '5594'], ['FPLX:ERK', 'p-ERK1/2', '5595']];
    for (const [family, surface, id] of valid) expect([surface, memberWritten(fm, family, surface)]).toEqual([surface, id]);
    // a pair must name two members; a bare p before lower case is no phospho prefix
    const invalid: [string, string][] = [['FPLX:ERK', 'ERK1/5'], ['FPLX:PI3K', 'PI3K'], ['FPLX:ERK', 'ERK1/2/5'], ['FPLX:PI3K', 'pi3k']];
    for (const [family, surface] of invalid) expect([surface, memberWritten(fm, family, surface)]).toEqual([surface, undefined]);
    expect(withSource('In mice, ERK1/2 was phosphorylated.')[0]).toBe('ERK1/2=NCBIGene:26417@NCBITaxon:10090|famplex|family:FPLX:ERK|species:10090:sentence:member-name');
    expect(genes('ERK1/2 was phosphorylated in patients.')).toEqual(['ERK1/2=FPLX:ERK@-']);
  });
  it('a family\'s other names in a rodent passage mean the one member the document named (VEGF → Vegfa, then vascular endothelial growth factor)', () => {
    expect(withSource('In mice, VEGF and vascular endothelial growth factor rose.')[1]).toBe('vascular endothelial growth factor=NCBIGene:22339@NCBITaxon:10090|famplex|family:FPLX:VEGF|species:10090:sentence:same-family');
    // not without a member named, not when two members are, not in a human passage
    expect(genes('In mice, vascular endothelial growth factor rose.')).toEqual(['vascular endothelial growth factor=FPLX:VEGF@-']);
    expect(genes('In mice, ERK1/2 and pERK and extracellular signal-regulated kinase rose.')[2]).toBe('extracellular signal-regulated kinase=FPLX:ERK@-');
    expect(genes('In patients, VEGF and vascular endothelial growth factor rose.')).toEqual(['VEGF=FPLX:VEGF@-', 'vascular endothelial growth factor=FPLX:VEGF@-']);
  });
  it('a family no name grounds in a rodent passage means the first member the passage names as a gene of its own', () => {
    expect(withSource('In mice, melatonin receptors and MTNR1B were studied.')[0]).toBe('melatonin receptors=NCBIGene:244701@NCBITaxon:10090|famplex|family:FPLX:MTNR|species:10090:sentence:member-in-document');
    // the first of two members named
    expect(genes('In mice, melatonin receptors, MTNR1B and MTNR1A were studied.')[0]).toBe('melatonin receptors=NCBIGene:244701@NCBITaxon:10090');
    // not without a member named, not for a gene of another family, not in a human passage
    expect(genes('In mice, melatonin receptors were studied.')).toEqual(['melatonin receptors=FPLX:MTNR@-']);
    expect(genes('In mice, melatonin receptors and ERBB2 were studied.')[0]).toBe('melatonin receptors=FPLX:MTNR@-');
    expect(genes('In patients, melatonin receptors and MTNR1B were studied.')[0]).toBe('melatonin receptors=FPLX:MTNR@-');
  });
  it('a name several members share names no one member (PI3K: four catalytic subunits)', () => {
    const fm = familyMembers(lexicon.species!.familyFile);
    expect(memberNamed(fm, 'FPLX:PI3K', 'PI3K')).toBeUndefined();
    expect(memberNamed(fm, 'FPLX:NFkappaB', 'NF-kB')).toBe('4790');
    expect(mayBeMember(fm, 'FPLX:ERK', '2047')).toBe(false);
    expect(mayBeMember(fm, 'HGNC.FAMILY:588', '2047')).toBe(true);
  });
});
