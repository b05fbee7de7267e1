import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAbbreviations, longFormStart, SERIES_MEMBER, wholeWordStarts, withSingularShortForms, type AbbreviationDefinition } from '../../src/tag/abbreviations.js';

const whole = (text: string) => [{ start: 0, end: text.length }];

describe('findAbbreviations', () => {
  it('binds a short form to its long form (Schwartz & Hearst)', () => {
    const text = 'Human epidermal growth factor receptor 2 (HER2) is amplified.';
    const [d] = findAbbreviations(text, whole(text));
    expect(text.slice(d.longStart, d.longEnd)).toBe('Human epidermal growth factor receptor 2');
    expect(text.slice(d.shortStart, d.shortStart + d.short.length)).toBe('HER2');
  });

  it('looks back at most min(|S| + 5, 2|S|) words', () => {
    const text = 'Ras ' + 'x '.repeat(5) + 'associated (RA) here.';
    expect(findAbbreviations(text, whole(text))).toEqual([]);
    const near = 'Ras associated (RA) here.';
    expect(findAbbreviations(near, whole(near)).map((d) => near.slice(d.longStart, d.longEnd))).toEqual(['Ras associated']);
  });

  it('skips a parenthesis closed more than 30 characters later, or never', () => {
    const text = 'tumour necrosis factor (TNF ' + 'y'.repeat(40) + ') and ((((';
    expect(findAbbreviations(text, whole(text))).toEqual([]);
  });

  it('gives what the word-by-word scan it replaced gave, on generated text', () => {
    const piece = fc.oneof(
      fc.constantFrom('(', ')', ' ', '  ', '\n', ', ', ';', '-2'),
      fc.constantFrom('HER2', 'receptor', 'Human', 'p.', 'Leu858Arg', 'ER', 'estrogen', 'TNF', 'e', 'r', 'x', 'eRx'),
      fc.constantFrom(' (ER) ', ' (HER) ', ' (TNF) ', ' e r ', ' x '),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 0, max: 40 }), (parts, cut) => {
      const text = parts.join('');
      const mid = Math.min(cut, text.length);
      const sentences = [{ start: 0, end: mid }, { start: mid, end: text.length }];
      expect(findAbbreviations(text, sentences)).toEqual(referenceFind(text, sentences));
    }), { numRuns: 2000, seed: 7 });
  });
});

// The earlier implementation (quadratic on long runs without white space), kept as the reference.
// The long-form match itself did not change: the reference uses the product's longFormStart.
function referenceFind(text: string, sentences: { start: number; end: number }[]): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  for (const sent of sentences) {
    for (let i = text.indexOf('(', sent.start); i >= 0 && i < sent.end; i = text.indexOf('(', i + 1)) {
      const close = text.indexOf(')', i);
      if (close < 0 || close > sent.end || close - i > 30) continue;
      // "(XLH; OMIM 307800)", "(CB, ref. 4)": the short form is what comes before ; or ,
      const inner = text.slice(i + 1, close);
      const cut = inner.search(/[;,]/);
      const short = (cut > 0 ? inner.slice(0, cut) : inner).trim();
      if (short.length < 2 || short.length > 12 || !/^[A-Za-z]/.test(short) || !/[A-Z]/.test(short) || /\s.*\s/.test(short)) continue;
      let end = i;
      while (end > sent.start && /\s/.test(text[end - 1])) end--;
      // window: at most min(|S| + 5, |S| * 2) words before the parenthesis
      const maxWords = Math.min(short.length + 5, short.length * 2);
      let windowStart = end;
      for (let words = 0; windowStart > sent.start && words < maxWords; ) {
        windowStart--;
        if (/\s/.test(text[windowStart]) && !/\s/.test(text[windowStart + 1])) words++;
      }
      if (windowStart > sent.start) windowStart++;
      const start = longFormStart(text, windowStart, end, short);
      if (start === undefined || end - start <= short.length) continue;
      out.push({ short, shortStart: i + 1 + text.slice(i + 1).indexOf(short), longStart: start, longEnd: end, seriesPrefix: SERIES_MEMBER.test(text.slice(close + 1, close + 8)) });
    }
  }
  return out;
}

describe('withSingularShortForms', () => {
  const shorts = (text: string) => withSingularShortForms(findAbbreviations(text, whole(text))).map((d) => `${d.short}${d.singular ? ' (singular)' : ''}`);
  it('adds the singular of a short form written as a plural ("HCCs" defines HCC)', () => {
    expect(shorts('Patients with hepatocellular carcinomas (HCCs) were seen.')).toEqual(['HCCs', 'HCC (singular)']);
    expect(shorts('Mesenchymal stem cells (MSCs) and renal cell carcinomas (RCCs).')).toEqual(['MSCs', 'RCCs', 'MSC (singular)', 'RCC (singular)']);
  });
  it('not where the document defines the singular itself, nor for a short form that is no plural of capitals', () => {
    expect(shorts('Hepatocellular carcinomas (HCCs) and one hepatocellular carcinoma (HCC).')).toEqual(['HCCs', 'HCC']);
    expect(shorts('Heat shock proteins (Hsps) and Pseudomonas syringae (Ps) and polystyrene (PS).')).toEqual(['Hsps', 'Ps', 'PS']);
  });
});

describe('wholeWordStarts', () => {
  it('finds the short form with no letter or digit beside it, the sentence edges counting as none', () => {
    const text = 'xNO NO, (NO) NOx NO2 NO';
    expect(wholeWordStarts(text, { start: 0, end: text.length }, 'NO')).toEqual([4, 9, 21]);
    // a sentence starting inside "xNO": its edge is a boundary
    expect(wholeWordStarts(text, { start: 1, end: 6 }, 'NO')).toEqual([1, 4]);
  });
});
