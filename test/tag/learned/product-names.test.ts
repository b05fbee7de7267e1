import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { groundProductName, PRODUCT_EXAMPLES } from '../../../src/tag/learned/product-names.js';
import { segmentText } from '../../../src/segment/segment.js';
import { tagEntities } from '../../../src/tag/tag-entities.js';

const lexicon = defaultLexicon();

describe('a learned span naming another product than the mention inside it', () => {
  it.each(PRODUCT_EXAMPLES)('$surface around $mention: $expect', ({ surface, mention, inner, expect: want }) => {
    const at = surface.indexOf(mention);
    const g = groundProductName(surface, at + mention.length, lexicon, inner);
    const got = g === undefined ? 'keep' : g === 'local' ? `LOCAL:${surface.toLowerCase().replace(/\s+/g, '_')}` : g.norm;
    expect(got).toBe(want);
  });
  it('in the pipeline: the receptor, not its ligand or family', () => {
    const genes = (text: string) => tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);
    expect(genes('However the role of the IGF-1 receptor (IGF-1R) in hypoxia-induced apoptosis remains unclear.')).toContain('IGF-1 receptor=NCBIGene:3480');
    expect(genes('Tumors were evaluated for expression of PKCalpha, VEGF-C, VEGF receptor 2, and VEGF receptor 3.')).toContain('VEGF receptor 2=NCBIGene:3791');
  });
});
