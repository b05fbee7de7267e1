/**
 * The Porter stemmer exactly as natural 8 implements it (natural/lib/natural/stemmers/
 * porter_stemmer.js, MIT, (c) 2011 Chris Umbel), quirks included: the committed relation model's
 * features were built with natural's stems, so this port must give the same stem for every word
 * (test/relate/classifier/porter.test.ts compares the two on a large word list). Ported so that
 * extraction does not load natural. `substr` where natural uses it: it differs from `slice` on short words.
 */

const categorizeGroups = (t: string) => t.replace(/[^aeiouy]+y/g, 'CV').replace(/[aeiou]+/g, 'V').replace(/[^V]+/g, 'C');
const categorizeChars = (t: string) => t.replace(/[^aeiouy]y/g, 'CV').replace(/[aeiou]/g, 'V').replace(/[^V]/g, 'C');

function measure(t: string | null): number {
  if (!t) return -1;
  return categorizeGroups(t).replace(/^C/, '').replace(/V$/, '').length / 2;
}

type Replacement = [suffix: string, probe: string, replacement: string];

/** the suffix replaced when the word ends with it, else null ('' counts as no result) */
function replaceSuffix(t: string, suffix: string, by: string): string | null {
  return t.endsWith(suffix) ? t.slice(0, t.length - suffix.length) + by : null;
}

// natural tests each pattern's measure on the original word but applies it to the running result
function replacePatterns(t: string, replacements: Replacement[], threshold: number): string {
  let out = t;
  for (const [suffix, probe, by] of replacements)
    if (measure(replaceSuffix(t, suffix, probe)) > threshold) out = replaceSuffix(out, suffix, by) || out;
  return out || t;
}

function step1a(t: string): string {
  if (/(ss|i)es$/.test(t)) return t.replace(/(ss|i)es$/, '$1');
  if (t.endsWith('s') && t.substr(-2, 1) !== 's' && t.length > 2) return t.replace(/s?$/, '');
  return t;
}

const STEP1B = [['at', 'ate'], ['bl', 'ble'], ['iz', 'ize']];

function step1b(t: string): string {
  if (t.slice(-3) === 'eed') return measure(t.slice(0, -3)) > 0 ? t.replace(/eed$/, 'ee') : t;
  if (!/(ed|ing)$/.test(t)) return t;
  const stripped = t.replace(/(ed|ing)$/, '');
  if (!stripped || categorizeGroups(stripped).indexOf('V') < 0) return t;
  let r = stripped;
  for (const [suffix, by] of STEP1B) r = replaceSuffix(r, suffix, by) || r;
  if (r !== stripped) return r;
  if (/([^aeiou])\1$/.test(stripped) && /[^lsz]$/.test(stripped)) return stripped.replace(/([^aeiou])\1$/, '$1');
  if (measure(stripped) === 1 && categorizeChars(stripped).slice(-3) === 'CVC' && /[^wxy]$/.test(stripped)) return stripped + 'e';
  return stripped;
}

function step1c(t: string): string {
  const g = categorizeGroups(t);
  return t.endsWith('y') && g.slice(0, g.length - 1).indexOf('V') > -1 ? t.replace(/y$/, 'i') : t;
}

const STEP2: Replacement[] = [['ational', '', 'ate'], ['tional', '', 'tion'], ['enci', '', 'ence'], ['anci', '', 'ance'],
  ['izer', '', 'ize'], ['abli', '', 'able'], ['bli', '', 'ble'], ['alli', '', 'al'], ['entli', '', 'ent'], ['eli', '', 'e'],
  ['ousli', '', 'ous'], ['ization', '', 'ize'], ['ation', '', 'ate'], ['ator', '', 'ate'], ['alism', '', 'al'],
  ['iveness', '', 'ive'], ['fulness', '', 'ful'], ['ousness', '', 'ous'], ['aliti', '', 'al'],
  ['iviti', '', 'ive'], ['biliti', '', 'ble'], ['logi', '', 'log']];
const STEP3: Replacement[] = [['icate', '', 'ic'], ['ative', '', ''], ['alize', '', 'al'], ['iciti', '', 'ic'], ['ical', '', 'ic'], ['ful', '', ''], ['ness', '', '']];

function replaceRegex(t: string, re: RegExp, parts: number[], minimum: number): string | null {
  const m = re.exec(t);
  const r = m ? parts.map((i) => m[i]).join('') : '';
  return measure(r) > minimum ? r : null;
}

const step4 = (t: string) =>
  replaceRegex(t, /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/, [1], 1)
  || replaceRegex(t, /^(.+?)(s|t)(ion)$/, [1, 2], 1)
  || t;

function step5a(t: string): string {
  const m = measure(t.replace(/e$/, ''));
  return m > 1 || (m === 1 && !(categorizeChars(t).substr(-4, 3) === 'CVC' && /[^wxy].$/.test(t))) ? t.replace(/e$/, '') : t;
}

const step5b = (t: string) => (measure(t) > 1 ? t.replace(/ll$/, 'l') : t);

export function porterStem(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(word.toLowerCase()))), STEP2, 0), STEP3, 0))));
}
