/**
 * Chemical mention spans as chemistry writes the name, after the dictionary match:
 *  - locant and substituent prefixes joined by a hyphen belong to the name ("2,3,7,8-tetrachloro-
 *    dibenzo-p-dioxin", "C2-ceramide", "3-keto-desogestrel", "17-phenyl-PGE2"), as do stereo and
 *    isotope prefixes (chemical-shapes.ts, extendChemicalPrefixes);
 *  - a charge, a series letter or an ester tag right after it ("Mn(2+)", "NAD(+)", "NAD(P)H",
 *    "prostaglandin E(2)", "thromboxane B2", "BAPTA-AM");
 *  - a measurement or state word before a chemical is not part of it ("blood glucose",
 *    "LDL cholesterol", "reduced glutathione" → the chemical alone).
 * Each rule keeps its examples as data (run as tests).
 */
import { extendChemicalPrefixes } from './chemical-shapes.js';
import type { Lexicon } from './dictionary.js';
import type { Mention } from './mention.js';
import { byStart } from './span-index.js';

export interface SpanExample { text: string; mention: string; adjusted: string }

/** one or more hyphen-joined locants or substituents right before the name */
const LOCANT_PREFIX = /(?<![\w\-–,'′)\]])((?:(?:[\d,'′]{1,12}[a-z]?|[CNOS]\d{0,2}|D,L|(?:\d{1,2}-)?(?:keto|oxo|methyl|ethyl|phenyl|hydroxy|methoxy|amino|nitro|chloro|fluoro|bromo|iodo|acetyl|desmethyl|dihydro|deoxy|nor|homo))-)+)$/;
/** a charge ("(2+)", "(+)", "2+"), the reduced-phosphate form "(P)H", an acetoxymethyl ester "-AM" */
const SUFFIX = /^(?:\(\d?[+-]\)|\d?\+(?![\w+])|\(P\)H|-AM)(?![\w(])/;
/** prostanoids and vitamins take a series letter and number ("prostaglandin E(2)", "vitamin B(12)") */
const SERIES_HEAD = /(?:prostaglandin|thromboxane|leukotriene|vitamin)$/i;
const SERIES = /^ [A-K](?:\(\d{1,2}\)|\d{1,2}|\d?[α-ω])?(?![\w(])/;
/** words naming where or in which state a chemical is measured, not the chemical */
const MODIFIER = /^(?:(?:blood|serum|plasma|urinary|dietary|free|total|reduced|heme)\s+|(?:(?:low|high|very low)[- ]density\s+)?lipoprotein[- ]|(?:LDL|HDL|VLDL)[- ])(?=\w)/i;

export const SPAN_EXAMPLES: SpanExample[] = [
  { text: 'exposure to 2,3,7,8-tetrachlorodibenzo-p-dioxin', mention: 'tetrachlorodibenzo-p-dioxin', adjusted: '2,3,7,8-tetrachlorodibenzo-p-dioxin' },
  { text: 'C2-ceramide induced apoptosis', mention: 'ceramide', adjusted: 'C2-ceramide' },
  { text: 'the metabolite 3-keto-desogestrel', mention: 'desogestrel', adjusted: '3-keto-desogestrel' },
  { text: 'Mn(2+) uptake', mention: 'Mn', adjusted: 'Mn(2+)' },
  { text: 'NAD(P)H oxidase', mention: 'NAD', adjusted: 'NAD(P)H' },
  { text: 'release of prostaglandin E(2) rose', mention: 'prostaglandin', adjusted: 'prostaglandin E(2)' },
  { text: 'loaded with BAPTA-AM', mention: 'BAPTA', adjusted: 'BAPTA-AM' },
  { text: 'blood glucose fell', mention: 'blood glucose', adjusted: 'glucose' },
  { text: 'LDL cholesterol and reduced glutathione', mention: 'LDL cholesterol', adjusted: 'cholesterol' },
  { text: 'HER2-lapatinib complexes', mention: 'lapatinib', adjusted: 'lapatinib' },
  { text: 'anti-estrogen therapy', mention: 'estrogen', adjusted: 'estrogen' },
  { text: 'prostaglandin E receptors', mention: 'prostaglandin', adjusted: 'prostaglandin E' },
  { text: 'vitamin D levels', mention: 'vitamin D', adjusted: 'vitamin D' },
];

/** the drug or chemical a whole string names in the lexicon */
function chemicalNamed(lexicon: Lexicon, s: string) {
  const m = lexicon.automaton.scan(s).find((x) => x.start === 0 && x.end === s.length);
  return m?.entries.find((e) => e.type === 'drug') ?? m?.entries.find((e) => e.type === 'chemical');
}

/** Adjusts drug and chemical mention spans in place (never over another mention); returns `mentions`. */
export function adjustChemicalSpans(text: string, mentions: Mention[], lexicon: Lexicon): Mention[] {
  const sorted = [...mentions].sort(byStart);
  const clear = (m: Mention, start: number, end: number) => !sorted.some((o) => o !== m && o.start < end && start < o.end);
  for (const m of sorted) {
    if (m.type !== 'drug' && m.type !== 'chemical') continue;
    const mod = MODIFIER.exec(text.slice(m.start, m.end));
    // "blood glucose" is glucose: the head takes its own id
    const head = mod && chemicalNamed(lexicon, text.slice(m.start + mod[0].length, m.end));
    if (mod && head) Object.assign(m, { start: m.start + mod[0].length, norm: head.norm, name: head.name });
    const pre = LOCANT_PREFIX.exec(text.slice(Math.max(0, m.start - 30), m.start));
    if (pre && /\d|[a-z]{3}/.test(pre[1]) && clear(m, m.start - pre[1].length, m.start)) m.start -= pre[1].length;
    const after = text.slice(m.end, m.end + 8);
    const suf = SUFFIX.exec(after) ?? (SERIES_HEAD.test(text.slice(m.start, m.end)) ? SERIES.exec(after) : null);
    if (suf && clear(m, m.end, m.end + suf[0].length)) m.end += suf[0].length;
  }
  return extendChemicalPrefixes(text, mentions);
}
