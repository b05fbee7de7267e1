import { describe, expect, it } from 'vitest';
import { findVariants } from '../../../src/tag/mutations/index.ts';

/** rule-tester style: each row is a text and the mentions expected in it (text → tmVar form) */
interface Row { text: string; expect: [string, string][] }

function check(rows: Row[]) {
  for (const row of rows) {
    it(JSON.stringify(row.text), () => {
      const got = findVariants(row.text);
      expect(got.map((v) => [v.text, v.tmvar])).toEqual(row.expect);
      for (const v of got) expect(row.text.slice(v.start, v.end)).toBe(v.text);
    });
  }
}

describe('protein substitutions', () => {
  check([
    { text: 'HER2 V777L mutation', expect: [['V777L', 'p|SUB|V|777|L']] },
    { text: 'the p.V777L variant', expect: [['p.V777L', 'p|SUB|V|777|L']] },
    { text: 'carriers of p. K237N were', expect: [['p. K237N', 'p|SUB|K|237|N']] },
    { text: 'Val777Leu and p.(Val777Leu)', expect: [['Val777Leu', 'p|SUB|V|777|L'], ['p.(Val777Leu)', 'p|SUB|V|777|L']] },
    { text: 'the Cys 23 Ser and Gly(388)Arg changes', expect: [['Cys 23 Ser', 'p|SUB|C|23|S'], ['Gly(388)Arg', 'p|SUB|G|388|R']] },
    { text: 'Ile(146)-->Leu', expect: [['Ile(146)-->Leu', 'p|SUB|I|146|L']] },
    { text: 'arginine 124-to-cysteine and glycine-594-valine', expect: [['arginine 124-to-cysteine', 'p|SUB|R|124|C'], ['glycine-594-valine', 'p|SUB|G|594|V']] },
    { text: 'a Glu-->Ala change', expect: [['Glu-->Ala', 'p|SUB|E||A']] },
    { text: 'methionine-->valine substitution at codon 404', expect: [['methionine-->valine substitution at codon 404', 'p|SUB|M|404|V']] },
    { text: 'the R-4Q signal peptide variant', expect: [['R-4Q', 'p|SUB|R|-4|Q']] },
    { text: 'the replacement of Arg506 by Gln', expect: [['Arg506 by Gln', 'p|SUB|R|506|Q']] },
    { text: 'the receptor hGRalphaD401H', expect: [['D401H', 'p|SUB|D|401|H']] },
    { text: 'KRAS G12C and L858R/T790M', expect: [['G12C', 'p|SUB|G|12|C'], ['L858R', 'p|SUB|L|858|R'], ['T790M', 'p|SUB|T|790|M']] },
    // a gene symbol ending in a digit glued on: the change alone
    { text: 'the JAK2V617F mutation, p53R175H and H3K27M', expect: [['V617F', 'p|SUB|V|617|F'], ['R175H', 'p|SUB|R|175|H'], ['K27M', 'p|SUB|K|27|M']] },
    // a one-digit position in a list of changes
    { text: 'UGT1A9 exhibited two variants C3Y and M33T in 1%', expect: [['C3Y', 'p|SUB|C|3|Y'], ['M33T', 'p|SUB|M|33|T']] },
    { text: 'affecting the initiation codon (M1V)', expect: [['M1V', 'p|SUB|M|1|V']] },
  ]);
  it('gives HGVS one- and three-letter forms', () => {
    const [v] = findVariants('p.Val777Leu');
    expect(v).toMatchObject({ kind: 'protein', hgvs: 'p.V777L', hgvs3: 'p.Val777Leu', tmvar: 'p|SUB|V|777|L' });
  });
});

describe('nonsense / stop', () => {
  check([
    { text: 'Arg987Ter', expect: [['Arg987Ter', 'p|SUB|R|987|X']] },
    { text: 'R987* and R987X', expect: [['R987*', 'p|SUB|R|987|X'], ['R987X', 'p|SUB|R|987|X']] },
    { text: 'S133stop, Glu873Stop, Glu 272 to stop', expect: [['S133stop', 'p|SUB|S|133|X'], ['Glu873Stop', 'p|SUB|E|873|X'], ['Glu 272 to stop', 'p|SUB|E|272|X']] },
    { text: 'p.R469[R,X]', expect: [['p.R469[R,X]', 'p|SUB|R|469|X']] },
  ]);
  it('writes stop as * in HGVS', () => expect(findVariants('Arg987Ter')[0]).toMatchObject({ hgvs: 'p.R987*', hgvs3: 'p.Arg987Ter' }));
});

describe('protein insertions, deletions, duplications', () => {
  check([
    { text: 'P780ins', expect: [['P780ins', 'p|INS|780|P']] },
    { text: 'P780_Y781insGSP', expect: [['P780_Y781insGSP', 'p|INS|780_781|GSP']] },
    { text: 'A775_G776insYVMA', expect: [['A775_G776insYVMA', 'p|INS|775_776|YVMA']] },
    { text: 'L755_T759del', expect: [['L755_T759del', 'p|DEL|755_759|']] },
    { text: 'F471del and Val624-Val625del', expect: [['F471del', 'p|DEL|471|F'], ['Val624-Val625del', 'p|DEL|624_625|VV']] },
    { text: 'p.E746_A750delinsQ', expect: [['p.E746_A750delinsQ', 'p|INDEL|746_750|Q']] },
    { text: 'AFF344-345ins', expect: [['AFF344-345ins', 'p|INS|344_345|AFF']] },
  ]);
  it('gives the HGVS form', () => expect(findVariants('L755_T759del')[0].hgvs).toBe('p.L755_T759del'));
});

describe('frameshifts', () => {
  check([
    { text: 'p.Pro246HisfsX13', expect: [['p.Pro246HisfsX13', 'p|FS|P|246|H|13']] },
    { text: 'P246Hfs*13', expect: [['P246Hfs*13', 'p|FS|P|246|H|13']] },
    { text: 'Y329fs', expect: [['Y329fs', 'p|FS|Y|329||']] },
    { text: 'p.A27fsX132 and p.Cys817Valfs X15', expect: [['p.A27fsX132', 'p|FS|A|27||132'], ['p.Cys817Valfs X15', 'p|FS|C|817|V|15']] },
    { text: 'CARD15 mutations (R702W, G908R, and 1007fs)', expect: [['R702W', 'p|SUB|R|702|W'], ['G908R', 'p|SUB|G|908|R'], ['1007fs', 'p|FS||1007||']] },
  ]);
});

describe('DNA', () => {
  check([
    { text: 'c.2264_2278del', expect: [['c.2264_2278del', 'c|DEL|2264_2278|']] },
    { text: 'c.737delC', expect: [['c.737delC', 'c|DEL|737|C']] },
    { text: 'IL-4 -1098 T/G and PD-1 C+872T', expect: [['-1098 T/G', 'c|SUB|T|-1098|G'], ['C+872T', 'c|SUB|C|+872|T']] },
    { text: 'the -127 bp T-->A polymorphism', expect: [['-127 bp T-->A', 'c|SUB|T|-127|A']] },
    { text: '3190C>T in exon 24', expect: [['3190C>T', 'c|SUB|C|3190|T']] },
    { text: 'c.2033G>A', expect: [['c.2033G>A', 'c|SUB|G|2033|A']] },
    { text: 'IVS2+1G>A', expect: [['IVS2+1G>A', 'c|SUB|G|IVS2+1|A']] },
    { text: 'Ex2+860G>C', expect: [['Ex2+860G>C', 'c|SUB|G|EX2+860|C']] },
    { text: 'the -13T>C promoter variant', expect: [['-13T>C', 'c|SUB|T|-13|C']] },
    { text: 'IVS-II-1(G>A)', expect: [['IVS-II-1(G>A)', 'c|SUB|G|IVS2-1|A']] },
    { text: 'c.87+1G>A, c.*557G>A', expect: [['c.87+1G>A', 'c|SUB|G|87+1|A'], ['c.*557G>A', 'c|SUB|G|*557|A']] },
    { text: '825 + 1 G-->C', expect: [['825 + 1 G-->C', 'c|SUB|G|825+1|C']] },
    { text: 'FOXP3-924 A/G', expect: [['-924 A/G', 'c|SUB|A|-924|G']] },
    { text: 'uncoupling protein-2 - 866G/A polymorphism', expect: [['- 866G/A', 'c|SUB|G|-866|A']] },
    { text: 'g.99367-102002del', expect: [['g.99367-102002del', 'g|DEL|99367_102002|']] },
    { text: '1782-83delAG', expect: [['1782-83delAG', 'c|DEL|1782_1783|AG']] },
    { text: 'c.1002_1003insT', expect: [['c.1002_1003insT', 'c|INS|1002_1003|T']] },
    { text: 'c.2153_2155delinsTCCTGGTTTA', expect: [['c.2153_2155delinsTCCTGGTTTA', 'c|INDEL|2153_2155|TCCTGGTTTA']] },
    { text: '899dupC', expect: [['899dupC', 'c|DUP|899|C|']] },
    { text: '657del5', expect: [['657del5', 'c|DEL|657|5']] },
    { text: 'C-->T transition at nucleotide 677', expect: [['C-->T transition at nucleotide 677', 'c|SUB|C|677|T']] },
    { text: 'codon 26, GAG-->GCG', expect: [['codon 26, GAG-->GCG', '|SUB|GAG|CODON26|GCG']] },
    { text: 'the CCR5 Delta32 allele', expect: [['Delta32', '|DEL||32']] },
    { text: 'mtDNA A3243G', expect: [['A3243G', 'm|SUB|A|3243|G']] },
    { text: 'MTHFR C677T', expect: [['C677T', 'c|SUB|C|677|T']] },
    { text: 'the G/A polymorphism', expect: [['G/A', '|SUB|G||A']] },
    { text: 'dup24bp', expect: [['dup24bp', '|DUP||24|']] },
    { text: 'the CYP17 T(27)-C polymorphism and COMT G(1947)-A', expect: [['T(27)-C', 'c|SUB|T|27|C'], ['G(1947)-A', 'c|SUB|G|1947|A']] },
    { text: 'allele 1 (TCT --> TCC) in codon 10', expect: [['(TCT --> TCC) in codon 10', '|SUB|TCT|CODON10|TCC']] },
    // "in" takes a position only after a unit word
    { text: 'C>T in 12 patients', expect: [['C>T', '|SUB|C||T']] },
  ]);
  it('gives the HGVS form', () => {
    expect(findVariants('c.737delC')[0].hgvs).toBe('c.737delC');
    expect(findVariants('3190C>T')[0]).toMatchObject({ kind: 'dna', hgvs: 'c.3190C>T' });
  });
});

describe('positions in an untranslated region and repeat stretches', () => {
  check([
    // the offset is into the UTR: 3'UTR +62 is c.*62
    { text: "two new polymorphisms (L267L, 3'UTR +62 G/A).", expect: [['L267L', 'p|SUB|L|267|L'], ["3'UTR +62 G/A", 'c|SUB|G|*62|A']] },
    { text: "the 5'UTR -20C>T variant", expect: [["5'UTR -20C>T", 'c|SUB|C|-20|T']] },
    { text: 'the AT-stretch polymorphism (-373(A)n(T)m) in ageing', expect: [['-373(A)n(T)m', 'c|DUP|-373|AT|']] },
    { text: '1978(TATC)(1-2) and the normal (GCG)6(GCA)3GCG sequence', expect: [['1978(TATC)(1-2)', '|DUP|1978|TATC|1-2']] },
  ]);
});

describe('synonymous changes and genotype notation', () => {
  check([
    // synonymous changes listed with other changes, one at a position another change names
    { text: 'six known polymorphisms (K23E, A190A, L267V, and K281K) and a new one (L267L)', expect: [['K23E', 'p|SUB|K|23|E'], ['A190A', 'p|SUB|A|190|A'], ['L267V', 'p|SUB|L|267|V'], ['K281K', 'p|SUB|K|281|K'], ['L267L', 'p|SUB|L|267|L']] },
    // genotype notation: before a genotype word, in a slash list, nucleotide letters alone
    { text: 'Ile326Ile and Met326Ile genotypes; the Met326Met genotype', expect: [['Met326Ile', 'p|SUB|M|326|I']] },
    { text: 'G1359G (wild type group) and A1359A', expect: [] },
  ]);
});

describe('SNP ids', () => {
  check([
    { text: 'rs2234671 and rs1800255', expect: [['rs2234671', 'rs2234671'], ['rs1800255', 'rs1800255']] },
    { text: 'reference SNP no. 4359426', expect: [['reference SNP no. 4359426', 'rs4359426']] },
    { text: 'letters rsa or rs alone', expect: [] },
    { text: 'rs 2981572 and rs#1999764', expect: [['rs 2981572', 'rs2981572'], ['rs#1999764', 'rs1999764']] },
    { text: 'the 386 Val/Ala and 131R/H polymorphisms', expect: [['386 Val/Ala', 'p|SUB|V|386|A'], ['131R/H', 'p|SUB|R|131|H']] },
    { text: 'the 921G/A polymorphism (nucleotides: DNA, not protein)', expect: [['921G/A', 'c|SUB|G|921|A']] },
    { text: 'SNPs -491a/t, -427c/t and 113c/g', expect: [['-491a/t', 'c|SUB|A|-491|T'], ['-427c/t', 'c|SUB|C|-427|T'], ['113c/g', 'c|SUB|C|113|G']] },
  ]);
  it('marks kind snp', () => expect(findVariants('rs2234671')[0]).toMatchObject({ kind: 'snp', hgvs: 'rs2234671' }));
});

describe('alleles in prose (kind allele)', () => {
  check([
    { text: 'the G allele at position -1053 and the T allele at the -31 SNP', expect: [['G allele at position -1053', 'c|SUB||-1053|G'], ['T allele at the -31 SNP', 'c|SUB||-31|T']] },
    { text: 'patients bearing A at position -838', expect: [['A at position -838', 'c|SUB||-838|A']] },
    { text: 'vitamin A at position 3 of the ring', expect: [] },
    // "in" before a signed position only
    { text: 'constructs bearing C in -838 and T in 12 cases', expect: [['C in -838', 'c|SUB||-838|C']] },
    // a genotype: two equal bases at a signed position
    { text: 'homozygous for GG at the -1082 interleukin-10 or TT at position -31', expect: [['GG at the -1082', 'c|SUB||-1082|G;G'], ['TT at position -31', 'c|SUB||-31|T;T']] },
    { text: 'an AG at the 3 end and CG at position -5', expect: [] },
  ]);
});

describe('natural language (kind natural)', () => {
  check([
    // a residue replaced "by" another; acid names in two words
    { text: 'replacement of glutamic acid 333 by aspartic acid', expect: [['glutamic acid 333 by aspartic acid', 'p|SUB|E|333|D']] },
    { text: 'the valine-539-aspartic acid change', expect: [['valine-539-aspartic acid', 'p|SUB|V|539|D']] },
    { text: 'phosphorylation of serine 15 by ATM', expect: [] },
    { text: 'a G to A substitution at codon 1763', expect: [['G to A substitution at codon 1763', '|SUB|G|CODON1763|A']] },
    { text: 'a valine to methionine change at position 1763', expect: [['valine to methionine change at position 1763', 'p|SUB|V|1763|M']] },
    { text: 'HER2 exon 20 insertions', expect: [['exon 20 insertions', '|INS|EXON20|']] },
    { text: 'exon 16 skipping and exon 16 deletion', expect: [['exon 16 skipping', '|DEL|EXON16|'], ['exon 16 deletion', '|DEL|EXON16|']] },
    { text: 'such as insertions in exon 20, and deletions within exon 19', expect: [['insertions in exon 20', '|INS|EXON20|'], ['deletions within exon 19', '|DEL|EXON19|']] },
    { text: 'EGFR ex19del', expect: [['ex19del', '|DEL|EXON19|']] },
    { text: 'a 57 kb deletion and a 3.5-kb gene deletion', expect: [['57 kb deletion', '|DEL||57K'], ['3.5-kb gene deletion', '|DEL||3.5K']] },
    { text: 'a four-basepair deletion', expect: [['four-basepair deletion', '|DEL||4']] },
    { text: 'a deletion of 37,410 bp and a deletion of 6 bp at position 1494', expect: [['deletion of 37,410 bp', '|DEL||37410'], ['deletion of 6 bp at position 1494', 'c|DEL|1494|6']] },
    { text: 'an insertion of 18 amino acids', expect: [['insertion of 18 amino acids', 'p|INS||18']] },
    { text: 'deletion of C at nucleotide 888', expect: [['deletion of C at nucleotide 888', 'c|DEL|888|C']] },
    { text: 'an adenosine deletion at position 5772', expect: [['adenosine deletion at position 5772', 'c|DEL|5772|A']] },
    { text: 'arginine to tryptophan at codon 198; leucine to methionine', expect: [['arginine to tryptophan at codon 198', 'p|SUB|R|198|W'], ['leucine to methionine', 'p|SUB|L||M']] },
    { text: 'valine (Val) to alanine (Ala) substitution at amino acid 16', expect: [['valine (Val) to alanine (Ala) substitution at amino acid 16', 'p|SUB|V|16|A']] },
    { text: 'guanine to adenine substitution of nucleotide -308', expect: [['guanine to adenine substitution of nucleotide -308', 'c|SUB|G|-308|A']] },
    { text: 'T to A at nucleotide position 1135', expect: [['T to A at nucleotide position 1135', 'c|SUB|T|1135|A']] },
    { text: 'G to A exchange at position 765', expect: [['G to A exchange at position 765', 'c|SUB|G|765|A']] },
    { text: 'a TGAG deletion and a TCT deletion/insertion', expect: [['TGAG deletion', '|DEL||TGAG'], ['TCT deletion/insertion', '|INDEL||TCT']] },
    { text: 'the C deletion in codon 241', expect: [['C deletion in codon 241', 'c|DEL|CODON241|C']] },
    { text: 'a 15-bp insertion/deletion and a 6-bp deletion/insertion', expect: [['15-bp insertion/deletion', '|INDEL||15'], ['6-bp deletion/insertion', '|INDEL||6']] },
    { text: 'aspartic acid to histidine substitution at amino acid position 401', expect: [['aspartic acid to histidine substitution at amino acid position 401', 'p|SUB|D|401|H']] },
    { text: 'alleles (CCTTT)14 and (TTTA)n; the CAG repeat', expect: [['(CCTTT)14', 'c|DUP||CCTTT|14'], ['(TTTA)n', 'c|DUP||TTTA|n'], ['CAG repeat', 'c|DUP||CAG|']] },
    { text: 'A deletion of exon 3 and a GFP insertion', expect: [['deletion of exon 3', '|DEL|EXON3|']] },
    { text: 'an A/G single nucleotide polymorphism (SNP) at position 49', expect: [['A/G single nucleotide polymorphism (SNP) at position 49', 'c|SUB|A|49|G']] },
    { text: 'a novel A/G SNP at the -615th position', expect: [['A/G SNP at the -615th position', 'c|SUB|A|-615|G']] },
    { text: 'a G/C polymorphism in the 5\' flanking region', expect: [['G/C', '|SUB|G||C']] },
  ]);
  it('marks kind natural and gives exon forms', () => {
    const v = findVariants('exon 20 insertions; exon 16 skipping');
    expect(v.map((x) => [x.kind, x.hgvs])).toEqual([['natural', 'exon20ins'], ['natural', 'exon16del']]);
  });
  it('does not read bare del19 (a 19 bp deletion or exon 19: ambiguous)', () => expect(findVariants('del19')).toEqual([]));
});

describe('restatements in brackets', () => {
  check([
    // the allele pair restates the change: one mention
    { text: 'LEPR Lys109Arg (A/G) and Pro1019Pro (G/A)', expect: [['Lys109Arg (A/G)', 'p|SUB|K|109|R'], ['Pro1019Pro (G/A)', 'p|SUB|P|1019|P']] },
    { text: '386 Val/Ala (T/C) (rs4541)', expect: [['386 Val/Ala (T/C)', 'p|SUB|V|386|A'], ['rs4541', 'rs4541']] },
    // an rs id or a change at the other level names the variant completely: two mentions
    { text: '-491A/T (rs449647) and c.643T>C (p.S216P)', expect: [['-491A/T', 'c|SUB|A|-491|T'], ['rs449647', 'rs449647'], ['c.643T>C', 'c|SUB|T|643|C'], ['p.S216P', 'p|SUB|S|216|P']] },
    // the alleles of an rs id add what the id leaves open: two mentions
    { text: 'rs25531(A-->G)', expect: [['rs25531', 'rs25531'], ['A-->G', '|SUB|A||G']] },
    // the tail of a named allele is no allele pair of its own
    { text: 'SNPs (padi4_89*G/A, padi4_90*T/C) and the G/A SNP', expect: [['G/A', '|SUB|G||A']] },
  ]);
});

describe('lists', () => {
  check([
    { text: 'D769H, D769Y, V777L and P780ins', expect: [['D769H', 'p|SUB|D|769|H'], ['D769Y', 'p|SUB|D|769|Y'], ['V777L', 'p|SUB|V|777|L'], ['P780ins', 'p|INS|780|P']] },
    { text: 'g.[267G>A, 271G>A]', expect: [['267G>A', 'c|SUB|G|267|A'], ['271G>A', 'c|SUB|G|271|A']] },
    { text: 'HER2 mutations (G309A, D769H)', expect: [['G309A', 'p|SUB|G|309|A'], ['D769H', 'p|SUB|D|769|H']] },
    { text: '7 (G309A in the extracellular domain and D769H, V777L in the kinase domain)', expect: [['G309A', 'p|SUB|G|309|A'], ['D769H', 'p|SUB|D|769|H'], ['V777L', 'p|SUB|V|777|L']] },
    { text: 'the mutation C417T, leading to amino acid substitution (R124C)', expect: [['C417T', 'c|SUB|C|417|T'], ['R124C', 'p|SUB|R|124|C']] },
  ]);
  it('returns mentions sorted and non-overlapping', () => {
    const v = findVariants('c.87+1G>A (G>A substitution at nucleotide +1 of intron 2), V777L, rs12');
    for (let i = 1; i < v.length; i++) expect(v[i].start).toBeGreaterThanOrEqual(v[i - 1].end);
  });
});
