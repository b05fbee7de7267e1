import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { applyRepair, normalizeText } from '../../src/normalize/normalize.js';
import { OffsetMap } from '../../src/normalize/offset-map.js';
import { REPAIRS } from '../../src/normalize/repairs.js';

describe('repairs table (each example is a test)', () => {
  for (const repair of REPAIRS) {
    describe(repair.id, () => {
      it('has a positive and a negative example or more', () => expect(repair.examples.length).toBeGreaterThan(0));
      for (const ex of repair.examples) {
        it(JSON.stringify(ex.input), () => {
          expect(applyRepair(OffsetMap.identity(ex.input), repair).map.text).toBe(ex.output);
        });
      }
    });
  }
});

describe('normalizeText keeps offsets into the original', () => {
  const original = 'The HER?2 somatic V842l and TGF $\\alpha$ in epi-\ndermal cells of HER2* breast cancer.';
  const norm = normalizeText(original);
  it('repairs OCR damage', () => {
    expect(norm.text).toBe('The HER2 somatic V842I and TGFα in epidermal cells of HER2+ breast cancer.');
  });
  it.each([
    ['HER2', 'HER?2'],
    ['V842I', 'V842l'],
    ['TGFα', 'TGF $\\alpha$'],
    ['epidermal', 'epi-\ndermal'],
    ['HER2+', 'HER2*'],
  ])('normalized %s maps back to original %s', (normalized, originalSpan) => {
    const s = norm.text.indexOf(normalized);
    const o = norm.map.toOriginal(s, s + normalized.length);
    expect(original.slice(o.start, o.end)).toBe(originalSpan);
  });
  it('counts repairs', () => expect(norm.repairs['ocr-l-for-I']).toBe(1));
});

describe('repair triggers (exact prefilters)', () => {
  const always = REPAIRS.map((r) => ({ ...r, trigger: /(?:)/ }));
  const corpus = readdirSync('corpus').filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join('corpus', f), 'utf8'));
  const examples = REPAIRS.flatMap((r) => r.examples.map((e) => e.input));
  it('every pattern match in the examples and the corpus contains a trigger match nearby', () => {
    let matches = 0;
    for (const r of REPAIRS) for (const text of [...examples, ...corpus]) {
      const re = new RegExp(r.pattern.source, r.pattern.flags);
      for (let m; (m = re.exec(text));) {
        if (!m[0].length) { re.lastIndex++; continue; }
        matches++;
        expect(r.trigger.test(text), `${r.id} at ${m.index}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(REPAIRS.length);
  });
  it('normalizeText gives the same text, counts and offsets with and without the triggers', () => {
    for (const text of [...examples, ...corpus, 'plain abstract text without any trigger']) {
      const fast = normalizeText(text), slow = normalizeText(text, always);
      expect([fast.text, fast.repairs]).toEqual([slow.text, slow.repairs]);
      for (let i = 0; i < fast.text.length; i += 7) expect(fast.map.toOriginal(i, i + 1)).toEqual(slow.map.toOriginal(i, i + 1));
    }
  });
  it('skips a repair whose trigger is absent', () => {
    const never = REPAIRS.map((r) => ({ ...r, trigger: /$^/ }));
    expect(normalizeText('HER?2 and V842l', never).text).toBe('HER?2 and V842l');
  });
});
