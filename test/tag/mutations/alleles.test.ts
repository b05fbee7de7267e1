import { describe, expect, it } from 'vitest';
import { findDocumentVariants } from '../../../src/tag/mutations/index.ts';

/** one sentence per line; every allele found as [text, tmVar form] */
function alleles(...sentences: string[]): [string, string][] {
  const text = sentences.join(' ');
  const spans = sentences.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));
  return findDocumentVariants(text, spans).flatMap((vs, i) => vs.filter((v) => v.kind === 'allele' || v.kind === 'genotype').map((v) => {
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
  it('takes genotypes written as a position and both bases, before a genotype word', () => {
    expect(alleles('Compared with -1131TT men, the -616 GC genotype and 19SS carriers')).toEqual([['-1131TT', 'c|SUB||-1131|T;T'], ['-616 GC', 'c|SUB||-616|G;C'], ['19SS', 'p|SUB||19|S;S']]);
    expect(alleles('the -31T/T genotype; 12 GC rich', 'the -491A/T change')).toEqual([['-31T/T', 'c|SUB||-31|T;T']]);
  });
  it('takes a signed genotype with a slash without a cue, a list before one genotype word, and a bracketed position', () => {
    expect(alleles('odds ratio 2.39 for -31T/T and 2.51 for -511C/C genotypes')).toEqual([['-31T/T', 'c|SUB||-31|T;T'], ['-511C/C', 'c|SUB||-511|C;C']]);
    expect(alleles('for -1131TT and -616 GG genotypes')).toEqual([['-1131TT', 'c|SUB||-1131|T;T'], ['-616 GG', 'c|SUB||-616|G;G']]);
    expect(alleles('the TNF-beta (+252) G/G phenotype')).toEqual([['(+252) G/G', 'c|SUB||+252|G;G']]);
    // unsigned or unequal: no genotype
    expect(alleles('the 1234 T/T of', 'the (+252) G/A site')).toEqual([]);
  });
  it('takes an allele the document names in context elsewhere', () => {
    expect(alleles('the 171T allele of rs1', 'the transmission rate of 171T was 51.8%')).toEqual([['171T', 'c|SUB||171|T'], ['171T', 'c|SUB||171|T']]);
    expect(alleles('the 171T allele', 'the transmission rate of 172T was 51.8%')).toEqual([['171T', 'c|SUB||171|T']]);
  });
  it('takes the other allele listed at the same position, and lists with frequencies', () => {
    expect(alleles('the Ala to Pro substitution at amino acid 459.', 'peptides with Ala-459 and Pro-459 were made')).toEqual([['Ala-459', 'p|SUB|A|459|P'], ['Pro-459', 'p|SUB|A|459|P']]);
    expect(alleles('the -616 C/G variant.', 'genotype (-616 GG = 0.25; -616 GC = 0.46; -616 CC = 0.29)').map((a) => a[0])).toEqual(['-616 GG', '-616 GC', '-616 CC']);
  });
  it('takes an allele restated by its bases right after it as one mention', () => {
    expect(alleles('the TNFRII 196R polymorphism was typed.', 'Frequencies with TNFRII 196R T/G polymorphism were 28.3%', 'The TNFRII 196R G allele was not'))
      .toEqual([['196R', 'p|SUB||196|R'], ['196R T/G', 'p|SUB||196|R'], ['196R G', 'p|SUB||196|R']]);
    // not across a word, and a pair after no allele stays a pair
    const all = (t: string) => findDocumentVariants(t, [{ start: 0, end: t.length }])[0].map((v) => v.text);
    expect(all('the 196R allele and T/G change')).toEqual(['196R', 'T/G']);
    expect(all('the -308 G/A and the T/G polymorphism')).toEqual(['-308 G/A', 'T/G']);
    expect(all('the 196R allele and the 232T allele; the 232T G/A site, the 232T G allele')).toEqual(['196R', '232T', '232T', 'G/A', '232T']);
    expect(all('the 196R allele; the 196R G-rich allele')).toEqual(['196R', '196R']);
  });
  it('reads rs ids listed after one prefix', () => {
    expect(findDocumentVariants('SNPs (rs#1999764, 1855915, and 489517, respectively) in 2004', [{ start: 0, end: 60 }])[0].map((v) => [v.text, v.tmvar]))
      .toEqual([['rs#1999764', 'rs1999764'], ['1855915', 'rs1855915'], ['489517', 'rs489517']]);
  });
  it('leaves residues, genotypes, names and figure labels alone', () => {
    // a wild-type residue: the reference of the substitution, no allele word
    expect(alleles('the V1561M mutation.', 'The V1561 residue is conserved.')).toEqual([]);
    expect(alleles('the T790 residue and the 4G allele of 4G/5G')).toEqual([]);
    expect(alleles('the Tyr113/Tyr113 wild type and the 232T strain')).toEqual([]);
    expect(alleles('shown in Fig. 12A variant panels')).toEqual([]);
  });
});

describe('alleles stay linear in the sentence', () => {
  // one sentence of thousands of alleles, variants and rs lists: every check is a sweep or a fixed window
  const unit = '-1131C, 232T/176F and IIIA-131R alleles; V103I I103 19SS men rs#1999764, 1855915, ';
  const cpu = (n: number) => {
    const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const t0 = process.cpuUsage();
    findDocumentVariants(text, [{ start: 0, end: text.length }]);
    const t = process.cpuUsage(t0);
    return (t.user + t.system) / 1000;
  };
  it('4 times the text takes well under 16 times the time', () => {
    const small: number[] = [], large: number[] = [];
    for (let i = 0; i < 3; i++) { small.push(cpu(20_000)); large.push(cpu(80_000)); }
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    expect(med(large) / Math.max(med(small), 5)).toBeLessThan(10);
  });
});
