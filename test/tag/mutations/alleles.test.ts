import { describe, expect, it } from 'vitest';
import { findDocumentVariants } from '../../../src/tag/mutations/index.ts';

/** one sentence per line; every allele found as [text, tmVar form] */
function alleles(...sentences: string[]): [string, string][] {
  const text = sentences.join(' ');
  const spans = sentences.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));
  return findDocumentVariants(text, spans).flatMap((vs, i) => vs.filter((v) => v.kind === 'allele').map((v) => {
    expect(text.slice(spans[i].start + v.start, spans[i].start + v.end)).toBe(v.text);
    return [v.text, v.tmvar] as [string, string];
  }));
}

describe('alleles named alone', () => {
  it('takes a position and base followed by an allele word', () => {
    expect(alleles('Carriers of the -1131C allele had higher TG.')).toEqual([['-1131C', 'c|SUB||-1131|C']]);
    expect(alleles('the IL-1beta +3962 C allele was frequent')).toEqual([['+3962 C', 'c|SUB||+3962|C']]);
    expect(alleles('FcgammaRIIA-131R and IIIA-176F alleles')).toEqual([['131R', 'p|SUB||131|R'], ['176F', 'p|SUB||176|F']]);
    expect(alleles('the Met66 allele and the 12Ala variant')).toEqual([['Met66', 'p|SUB||66|M'], ['12Ala', 'p|SUB||12|A']]);
  });
  it('shares a cue along a list, through a variant of another notation', () => {
    expect(alleles('The frequency of -445A, -292A, -147G, 111C, and IVS9-39T haplotype was higher.').map((a) => a[0])).toEqual(['-445A', '-292A', '-147G', '111C']);
    expect(alleles('the 2430C/2731T/3667G homozygote').map((a) => a[0])).toEqual(['2430C', '2731T', '3667G']);
  });
  it('takes the notation of the substitution the document names at that position', () => {
    expect(alleles('The Val66Met BDNF variant was studied.', 'Met66 was more frequent in patients.')).toEqual([['Met66', 'p|SUB|V|66|M']]);
    expect(alleles('the C1431T polymorphism of PPARG.', 'another common variant, T1431, was typed')).toEqual([['T1431', 'c|SUB|C|1431|T']]);
  });
  it('leaves residues, genotypes, names and figure labels alone', () => {
    // a wild-type residue: the reference of the substitution, no allele word
    expect(alleles('the V1561M mutation.', 'The V1561 residue is conserved.')).toEqual([]);
    expect(alleles('the T790 residue and the 4G allele of 4G/5G')).toEqual([]);
    expect(alleles('the Tyr113/Tyr113 wild type and the 232T strain')).toEqual([]);
    expect(alleles('shown in Fig. 12A variant panels')).toEqual([]);
  });
});
