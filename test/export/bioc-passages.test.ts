import { describe, expect, it } from 'vitest';
import { passageRanges } from '../../src/export/bioc.js';
import { biolinkCategory, publicationOf, toCurie } from '../../src/export/kgx.js';

describe('BioC passages', () => {
  const text = 'Title\n\nHER2\nkinase is here.\n   \nLast line';
  it('one passage per non-blank line', () => {
    expect(passageRanges(text, []).map((r) => text.slice(r.start, r.end))).toEqual(['Title', 'HER2', 'kinase is here.', 'Last line']);
  });
  it('a span across a newline keeps its lines in one passage', () => {
    const start = text.indexOf('HER2');
    expect(passageRanges(text, [{ start, end: text.indexOf(' is') }]).map((r) => text.slice(r.start, r.end))).toContain('HER2\nkinase is here.');
  });
});

describe('KGX ids and categories', () => {
  it.each([
    ['drug', 'DrugBank:DB01259', 'DRUGBANK:DB01259', 'biolink:Drug'],
    ['gene', 'NCBIGene:2064', 'NCBIGene:2064', 'biolink:Gene'],
    ['gene', 'FPLX:PI3K', 'FPLX:PI3K', 'biolink:GeneFamily'],
    ['gene', 'IUPHAR.FAMILY:4', 'IUPHAR.FAMILY:4', 'biolink:GeneFamily'],
    ['gene', 'LOCAL:tyrosine_kinase', 'biotriples.gene_class:tyrosine_kinase', 'biolink:GeneFamily'],
    ['pathway', 'Reactome:R-HSA-1227986', 'REACT:R-HSA-1227986', 'biolink:Pathway'],
    ['mutation', 'ERBB2:p.V777L', 'biotriples.variant:ERBB2:p.V777L', 'biolink:SequenceVariant'],
    ['drug_class', 'MESH:D047428', 'MESH:D047428', 'biolink:ChemicalEntity'],
  ] as const)('%s %s → %s, %s', (type, norm, curie, category) => {
    expect(toCurie(type, norm)).toBe(curie);
    expect(biolinkCategory(type, norm)).toBe(category);
  });
  it('publications are PMIDs only', () => {
    const base = { source: 'x', sha256: '0'.repeat(64), chars: 1, sentences: 1, status: 'ok' as const };
    expect(publicationOf({ ...base, id: 'PMC1', format: 'jats', pmid: '123' })).toBe('PMID:123');
    expect(publicationOf({ ...base, id: '456', format: 'pubtator' })).toBe('PMID:456');
    expect(publicationOf({ ...base, id: 'paper', format: 'markdown' })).toBeUndefined();
  });
});
