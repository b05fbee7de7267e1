import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { findSpecies, rodentGenes } from '../../src/tag/species.js';
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
  it('a one-letter prefix sets the species: hTRPM8, mTRPV4, never mAb', () => {
    expect(genes('hTRPM8 and mTRPV4 but not mAb.')).toEqual(['hTRPM8=NCBIGene:79054@NCBITaxon:9606', 'mTRPV4=NCBIGene:63873@NCBITaxon:10090']);
  });
});
