/**
 * Units that adversarial documents are made of (a unit repeated to a size): the generator of
 * test/pipeline/linear-time.test.ts and the wider ones of scripts/fuzz-linear-time.ts.
 * One place, so a unit the fuzz script finds reads the same in the test.
 */
import fc from 'fast-check';

export const VARIANTS = ['G309A', 'c.1delins', 'p.V777L', 'A(', 'p.', 'del', 'rs121913279', 'c.2264_2278del', 'E746_A750del', 'V842I', 'p.(Leu858Arg)', 'IVS2+1G>A', 'Gly12Cys', 'c.35G>T', '309A>G', 'T790M/C797S'];
export const NAMES = ['HER2', 'EGFR', 'lapatinib', 'trastuzumab', 'ERBB3', 'neratinib', 'PIK3CA', 'AKT1', 'tucatinib', 'mTOR', 'BRAF', 'gefitinib', 'PI3K/AKT pathway', 'HER2 inhibitors', 'anti-HER2 antibodies', 'CDK4/6', 'estrogen receptor (ER)', 'progression-free survival (PFS)', 'TKIs', 'ER stress', 'MCF-7 cells'];
export const WORDS = ['inhibits', 'activates', 'and', 'or', 'binds', 'resistance to', 'such as', 'mutation', 'in', 'of', 'not', 'may', 'combination of', 'signaling', 'et al.', 'Fig.', 'e.g.', 'the'];
export const SEPARATORS = [' ', ', ', '; ', '/', ' and ', '(', ')', '[', ']', '-', '\n', '. ', '.\n\n', '\t', '  ', '# '];

const token = fc.oneof(
  fc.constantFrom(...VARIANTS),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...SEPARATORS),
  fc.stringMatching(/^[A-Za-z0-9(),.;:\/ -]{1,8}$/),
);

/** a few tokens, each followed by a separator or not: the linear-time test's unit */
export const unit = fc.array(fc.tuple(token, fc.option(fc.constantFrom(...SEPARATORS), { nil: '' })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''))
  .filter((u) => u.trim().length > 0);

const GREEK = ['α', 'β', 'γ', 'δ', 'κ', 'μ', 'TGF-β', 'PI3Kα', 'IFN-γ', 'ERα', 'TNF-α', 'NF-κB', 'β-catenin', 'PKCδ'];
const UNICODE = ['\u00a0', '\u2009', '\u2013', '\u2014', '\u2212', '\u00b1', '\u00b5', '\u2264', '\u2265', '\ufb01', '\u0301', '\u200b', '\u00ad', '\u2019', '\u201c', '\u201d', '\u2022', '\u00d7', '\ud83e\uddec', '\u00e9', '\u00fc', '\u4e2d', '\u0646', '\r\n', '\r', '\f', '\u2028'];
const NUMBERS = ['12.5', '± 3.4%', 'p < 0.05', '(n = 24)', '95% CI 0.42-0.81', '1:100', '10^-6', '3.2 × 10(5)', '2,000', '0.5 μM', 'IC50 = 12 nM', '−0.3', '1e-4', '[12]', '[3-7]', '(1, 2)', '(Table 2)'];
const CITES = ['Smith et al. (2019)', 'et al.', '(Jones et al., 2020; Lee et al., 2021)', 'Fig. 1A', 'Figs. 2-3', 'i.e.', 'vs.', 'cf.', 'Dr. A. B. Smith', 'J. Clin. Oncol. 2019;37:1-10.', 'doi:10.1200/JCO.2019.1', 'PMID: 12345678'];
const URLS = ['https://doi.org/10.1038/s41586-020-2012-7', 'http://www.ncbi.nlm.nih.gov/gene/2064?report=full&format=text', 'www.clinicaltrials.gov/NCT01234567', 'ftp://x.org/a_b-c.d/', 'user@example.org', 'https://a.b/(HER2)/c.d'];
const BRACKETS = ['(', ')', '[', ']', '{', '}', '((', '))', '([', '])', '<', '>', '"', "'", '(HER2', 'HER2)', '[ER', '(p.', '(c.', '(-)', '()', '[]'];
const CHEMICALS = ['R-flurbiprofen', '(+/-)-pindolol', '[3H]prazosin', '[(11)C]-doxepin', 'd-sotalol', 'L-carnitine', 'cis-platin', 'Ca2+', 'CaCl(2)', 'H2O2', 'AZD9291', 'GSK-J4', 'NaCl', 'Mg(2+)', 'β-estradiol', '5-FU', '(S)-', 'rac-', '17β-estradiol'];
const SPECIES = ['mice', 'in mice', 'human', 'rat', 'Mus musculus', 'murine', 'hTRPM8', 'mTRPV4', 'rCtr1', 'Erbb2', 'zebrafish', 'yeast', 'E. coli'];
/** what the learned gene tagger reads: symbols, class nouns and name words, glued or spaced (src/tag/learned/) */
const GENE_WORDS = ['kinase', 'receptor', 'protein', 'factor', 'alpha', 'beta', 'gamma', '1A', '-like', 'isoform', 'domain', 'ligand', 'subunit', 'p38', 'p53', 'TSHRs', 'MMPs', 'SH2B1a', 'OCT4A', 'hGRalpha', 'mTRPV4', 'miR-21', 'I-TAC', 'alpha 1A-adrenoceptor', 'HER2 promoter', "oestrogen receptor's", 'the kinase AKT'];
/** what the relation classifier's context features read: triggers both ways, "by", clause words (src/relate/classifier/context-features.ts) */
const PAIR_WORDS = ['inhibits', 'is inhibited by', 'activates', 'activated by', 'binds to', 'blocks', 'by', 'which', 'that', 'whereas', 'but', ';', ',', ':', 'however', 'inhibition of', 'antagonist of', 'agonist', 'upregulates', 'reduced', 'increased'];
const PUNCT = [' ', ', ', '; ', ': ', '/', '-', '.', '. ', '.\n', '\n\n', '\t', ' | ', ' + ', '*', '#', '## ', '- ', '1. ', '•'];

const pick = (xs: string[]) => fc.constantFrom(...xs);
const joined = (parts: fc.Arbitrary<string>, max: number, sep: fc.Arbitrary<string> = pick(PUNCT)) =>
  fc.array(fc.tuple(parts, fc.option(sep, { nil: '' })), { minLength: 1, maxLength: max }).map((ps) => ps.map(([t, s]) => t + s).join(''));
const vocabulary = fc.oneof(pick(VARIANTS), pick(NAMES), pick(WORDS), pick(GREEK), pick(NUMBERS), pick(CITES), pick(CHEMICALS), pick(SPECIES));

/** a piece cut out of a real text, possibly without its white space or full stops */
function realCut(texts: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.nat({ max: texts.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 400 }), fc.constantFrom('as is', 'no white space', 'no full stops', 'single line', 'lower case'))
    .map(([i, at, len, how]) => {
      const t = texts[i], start = at % Math.max(1, t.length - len);
      const cut = t.slice(start, start + len);
      if (how === 'no white space') return cut.replace(/\s+/g, '');
      if (how === 'no full stops') return cut.replace(/\./g, '');
      if (how === 'single line') return cut.replace(/\s+/g, ' ');
      if (how === 'lower case') return cut.toLowerCase();
      return cut;
    });
}

/** wider units than the test's, each family named (real texts: sentences of the seed corpus and eval abstracts) */
export function wideUnits(texts: string[]): Record<string, fc.Arbitrary<string>> {
  const families: Record<string, fc.Arbitrary<string>> = {
    test: unit,
    unicode: joined(fc.oneof(pick(UNICODE), pick(GREEK), pick(NAMES), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 })), 10),
    'long token': fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9\-\/.()_:+>]{20,200}$/),
      joined(vocabulary, 12, fc.constantFrom('', '-', '/', '_', '.', ':')).map((s) => s.replace(/\s+/g, '')),
    ),
    brackets: joined(fc.oneof(pick(BRACKETS), pick(NAMES), pick(VARIANTS)), 16, fc.constantFrom('', ' ', ', ', '; ')),
    lists: fc.tuple(fc.array(fc.oneof(pick(NAMES), pick(VARIANTS), pick(GREEK)), { minLength: 2, maxLength: 10 }), fc.constantFrom(', ', '; ', '/', ' or ', ' and ', ',', '\n- ', '\n1. '), fc.constantFrom(' ', ', ', ' and ', ' inhibit '))
      .map(([xs, sep, end]) => xs.join(sep) + end),
    numbers: joined(fc.oneof(pick(NUMBERS), fc.stringMatching(/^[0-9.,]{1,12}$/), pick(NAMES)), 10),
    greek: joined(fc.oneof(pick(GREEK), pick(NAMES), pick(WORDS)), 10),
    citations: joined(fc.oneof(pick(CITES), pick(NAMES), pick(WORDS)), 10),
    urls: joined(fc.oneof(pick(URLS), pick(NAMES), pick(VARIANTS)), 6),
    tables: fc.array(fc.array(fc.oneof(vocabulary, fc.constant('')), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 })
      .map((rows) => rows.map((r) => r.join('\t')).join('\n') + '\n'),
    chemicals: joined(fc.oneof(pick(CHEMICALS), pick(NAMES), pick(WORDS)), 10),
    species: joined(fc.oneof(pick(SPECIES), pick(NAMES), pick(WORDS)), 10),
    markdown: joined(fc.oneof(fc.constantFrom('# ', '## ', '| ', ' |', '---', '**', '_', '`', '> ', '* ', '![', '](', '\\_', '$\\alpha$', '<sup>', '</sup>'), vocabulary), 12),
    genes: fc.oneof(
      joined(fc.oneof(pick(GENE_WORDS), pick(NAMES), pick(GREEK), fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,6}$/)), 12, fc.constantFrom(' ', '-', '/', '', ' (', ') ', ', ')),
      fc.array(fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/), pick(GENE_WORDS)), { minLength: 1, maxLength: 30 }).map((xs) => xs.join('')),
    ),
    pairs: joined(fc.oneof(pick(PAIR_WORDS), pick(NAMES), pick(CHEMICALS), pick(GENE_WORDS)), 16, fc.constantFrom(' ', ', ', ' and ', ' or ', '/')),
  };
  if (texts.length > 0) {
    families.real = realCut(texts);
    families['real mixed'] = fc.tuple(realCut(texts), fc.oneof(unit, pick(BRACKETS), pick(UNICODE), pick(URLS))).map(([a, b]) => a + b);
  }
  families.mixed = fc.array(fc.oneof(...Object.values(families)), { minLength: 2, maxLength: 3 }).map((xs) => xs.join(''));
  return families;
}
