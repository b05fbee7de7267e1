import { describe, expect, it } from 'vitest';
import { processDocument } from '../../../src/pipeline.ts';
import { defaultLexicon } from '../../../src/tag/dictionary.ts';
import { withoutRaised } from '../../../src/tag/learned/merge.ts';

const cut = (s: string) => s.slice(0, withoutRaised(s, 0, s.length));

describe('a learned span ends before a superscript tail (citations and exponents in PDF text)', () => {
  it('cuts the tail and its separators, and nothing else', () => {
    expect(cut('EPRS1²³')).toBe('EPRS1');
    expect(cut('ARSs¹¹,¹²')).toBe('ARSs');
    expect(cut('MAVS,⁸²')).toBe('MAVS');
    expect(cut('EPRS1')).toBe('EPRS1');
    expect(cut('IL-2,3')).toBe('IL-2,3');
    expect(cut('¹²')).toBe('¹²');
  });

  it('tags the name without its citation in a whole document', () => {
    // text as the PDF reader now writes a raised citation flush against a name (src/ingest/pdf-lines.ts)
    const text = '# Introduction\n\nPCBP2, a protein known to trigger the ubiquitination and degradation of MAVS⁸². Halofuginone functions as an '
      + 'antifibrotic agent that binds the PARS1 domain in EPRS1²³,²⁴ and reduces its enzymatic activity. EPRS1 prevented the interaction.\n';
    const genes = processDocument({ id: 's', source: 's', format: 'markdown', text, sha256: '' }, defaultLexicon()).entities.filter((e) => e.type === 'gene');
    expect(genes.filter((e) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(e.text)).map((e) => e.text)).toEqual([]);
    expect(genes.some((e) => e.text === 'EPRS1')).toBe(true);
    expect(genes.some((e) => e.text === 'MAVS')).toBe(true);
  });
});
