import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { compactSymbol, familyMembers, groundFamilyMemberSymbols, memberNamedInDocument } from '../../src/tag/family-members.js';
import type { Mention } from '../../src/tag/mention.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = defaultLexicon();
/** one family-normed gene mention covering the whole text, as the tagger hands it over */
const regrounded = (surface: string, family: string) => {
  const m: Mention = { type: 'gene', start: 0, end: surface.length, norm: family, name: family, sentence: 0, source: 'famplex|learned-span' };
  return groundFamilyMemberSymbols(surface, [m], lexicon)[0];
};

describe('a family-normed span written as a member official symbol', () => {
  it('compacts Greek letter names, hyphens and spaces', () => {
    expect(compactSymbol('IL-15R alpha')).toBe('IL15RA');
    expect(compactSymbol('CD8alpha')).toBe('CD8A');
    expect(compactSymbol('Tnfr-sf13c')).toBe('TNFRSF13C');
    expect(compactSymbol('IL-1β')).toBe('IL1B');
    expect(compactSymbol('TGF-β')).toBe('TGFB');
    expect(compactSymbol('ERK1/2')).toBeUndefined();
  });
  it('is that member (the family kept in source)', () => {
    for (const [surface, family, gene] of [['CD8alpha', 'FPLX:CD8', 'NCBIGene:925'], ['IL-1a', 'FPLX:IL1', 'NCBIGene:3552'], ['Tnfr-sf13c', 'FPLX:TNFRSF', 'NCBIGene:115650'], ['IL-15R alpha', 'FPLX:IL15R', 'NCBIGene:3601'], ['H-ras', 'FPLX:RAS', 'NCBIGene:3265']]) {
      const m = regrounded(surface, family);
      expect([surface, m.norm]).toEqual([surface, gene]);
      expect(m.source).toBe(`famplex|learned-span|family:${family}|member-symbol`);
    }
  });
  it('leaves family names that are no official symbol', () => {
    for (const [surface, family] of [['ERK1/2', 'FPLX:ERK'], ['p38', 'FPLX:p38'], ['NF-kB', 'FPLX:NFkappaB'], ['AKT', 'FPLX:AKT'], ['IFNbeta', 'FPLX:IFNB'], ['caspase-3/7', 'FPLX:Caspase_3_7']]) {
      expect([surface, regrounded(surface, family).norm]).toEqual([surface, family]);
    }
  });
  it('runs in the tagger before species: mouse CD8alpha is mouse Cd8a, Tnfr-sf13c in mice mouse Tnfrsf13c', () => {
    for (const [text, surface, gene] of [['ICSBP is essential for the activation of mouse CD8alpha(+) dendritic cells.', 'CD8alpha', 'NCBIGene:12525'], ['Tnfr-sf13c is a novel mediator of erythroblast formation in mice.', 'Tnfr-sf13c', 'NCBIGene:72049']]) {
      const m = tagEntities(text, segmentText(text), lexicon).find((x) => text.slice(x.start, x.end) === surface);
      expect([surface, m?.norm]).toEqual([surface, gene]);
      expect(m?.source).toContain('|member-symbol|species:10090');
    }
  });
});

describe('the member of a family a passage names as a gene of its own', () => {
  const fm = familyMembers(lexicon.species!.familyFile);
  const gene = (norm: string, source = 'symbol'): Mention => ({ type: 'gene', start: 0, end: 1, norm, name: norm, sentence: 0, source });
  const human = (m: Mention) => m.norm.slice(9);
  it('is the first gene mention whose human gene is a member', () => {
    // MTNR1B (4544) then MTNR1A (4543): the first in text order
    expect(memberNamedInDocument(fm, 'FPLX:MTNR', [gene('NCBIGene:2064'), gene('NCBIGene:4544'), gene('NCBIGene:4543')], human)?.norm).toBe('NCBIGene:4544');
  });
  it('is none for other genes, a regrounded family, or a family the file does not list', () => {
    expect(memberNamedInDocument(fm, 'FPLX:MTNR', [gene('NCBIGene:2064'), gene('FPLX:MTNR')], human)).toBeUndefined();
    expect(memberNamedInDocument(fm, 'FPLX:MTNR', [gene('NCBIGene:4544', 'famplex|family:FPLX:MTNR|species:10090:sentence:same-family')], human)).toBeUndefined();
    expect(memberNamedInDocument(fm, 'HGNC.FAMILY:588', [gene('NCBIGene:4544')], human)).toBeUndefined();
  });
});
