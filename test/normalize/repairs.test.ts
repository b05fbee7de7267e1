import { describe, expect, it } from 'vitest';
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
