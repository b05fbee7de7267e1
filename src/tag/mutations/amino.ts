/**
 * Amino-acid and nucleotide vocabularies used by the mutation scanner: one-letter codes,
 * three-letter codes and full names, each mapped to the one-letter code tmVar normalizes to.
 * Stop codons (`X`, `*`, `Ter`, `Stop`) all map to `X`, as tmVar writes them.
 */
export const ONE_LETTER = 'ACDEFGHIKLMNPQRSTVWY';

export const THREE_TO_ONE: Record<string, string> = {
  ala: 'A', arg: 'R', asn: 'N', asp: 'D', cys: 'C', gln: 'Q', glu: 'E', gly: 'G', his: 'H', ile: 'I',
  leu: 'L', lys: 'K', met: 'M', phe: 'F', pro: 'P', ser: 'S', thr: 'T', trp: 'W', tyr: 'Y', val: 'V',
  sec: 'U', pyl: 'O', ter: 'X', stop: 'X', asx: 'B', glx: 'Z',
};

export const ONE_TO_THREE: Record<string, string> = {
  A: 'Ala', R: 'Arg', N: 'Asn', D: 'Asp', C: 'Cys', Q: 'Gln', E: 'Glu', G: 'Gly', H: 'His', I: 'Ile',
  L: 'Leu', K: 'Lys', M: 'Met', F: 'Phe', P: 'Pro', S: 'Ser', T: 'Thr', W: 'Trp', Y: 'Tyr', V: 'Val',
  U: 'Sec', O: 'Pyl', X: 'Ter',
};

export const FULL_TO_ONE: Record<string, string> = {
  alanine: 'A', arginine: 'R', asparagine: 'N', aspartate: 'D', aspartic: 'D', cysteine: 'C',
  glutamine: 'Q', glutamate: 'E', glutamic: 'E', glycine: 'G', histidine: 'H', isoleucine: 'I',
  leucine: 'L', lysine: 'K', methionine: 'M', phenylalanine: 'F', proline: 'P', serine: 'S',
  threonine: 'T', tryptophan: 'W', tyrosine: 'Y', valine: 'V', stop: 'X',
};

/** regex source fragments; every quantifier is bounded so a scan stays linear */
export const AA3_SRC = '(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec)';
export const AA3_ALT_SRC = '(?:Ala|Arg|Asn|Asp|Cys|G[lL][nNuUyY]|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec|Ter|[Ss]top|X|\\*)';
export const FULL_SRC =
  '(?:[Aa]lanine|[Aa]rginine|[Aa]sparagine|[Aa]spart(?:ate|ic(?:\\sacid)?)|[Cc]ysteine|[Gg]lutamine|[Gg]lutam(?:ate|ic(?:\\sacid)?)|[Gg]lycine|' +
  '[Hh]istidine|[Ii]soleucine|[Ll]eucine|[Ll]ysine|[Mm]ethionine|[Pp]henylalanine|[Pp]roline|[Ss]erine|' +
  '[Tt]hreonine|[Tt]ryptophan|[Tt]yrosine|[Vv]aline)';

/** one residue written as a one-letter code, a three-letter code or a full name (or a stop) */
export function residue(s: string): string | undefined {
  if (s === '*' || s === 'X') return 'X';
  if (s.length === 1) return ONE_LETTER.includes(s) ? s : undefined;
  const l = s.toLowerCase().replace(/\sacid$/, ''); // glutamic acid, aspartic acid
  return THREE_TO_ONE[l] ?? FULL_TO_ONE[l];
}

/** a run of three-letter codes (`GlySerPro`) or one-letter codes (`GSP`) as one-letter codes */
export function residues(s: string): string | undefined {
  if (/^(?:[A-Z][a-z]{2}){1,20}$/.test(s)) {
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
      const r = THREE_TO_ONE[s.slice(i, i + 3).toLowerCase()];
      if (!r) return undefined;
      out += r;
    }
    return out;
  }
  for (const ch of s) if (!ONE_LETTER.includes(ch)) return undefined;
  return s;
}

export const three = (one: string): string => ONE_TO_THREE[one] ?? one;
export const isNucleotides = (s: string): boolean => /^[ACGTU]{1,60}$/i.test(s);
