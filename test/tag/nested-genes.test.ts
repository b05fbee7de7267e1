import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { isUnannotatedLayer } from '../../src/evaluate/score.js';
import { segmentText } from '../../src/segment/segment.js';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { findGenesInPathways, IN_PATHWAY_SOURCE } from '../../src/tag/nested-genes.js';
import { tagEntities } from '../../src/tag/tag-entities.js';

const run = (text: string) => processDocument({ id: 'd', source: 'd', format: 'text', text, sha256: '' }, defaultLexicon());

describe('genes nested inside pathway mentions', () => {
  it('names the genes of a pathway mention as a nested layer, the pathway staying whole', () => {
    const { entities } = run('HER2 activates the PI3K/Akt pathway and JAK/STAT3 signaling.');
    const pick = (type: string) => entities.filter((e) => e.type === type).map((e) => e.text);
    expect(pick('pathway')).toEqual(['PI3K/Akt pathway', 'JAK/STAT3 signaling']);
    const nested = entities.filter((e) => e.source.startsWith(IN_PATHWAY_SOURCE));
    expect(nested.map((e) => e.text)).toEqual(['PI3K', 'Akt', 'JAK', 'STAT3']);
    expect(nested.find((e) => e.text === 'STAT3')?.norm).toBe('NCBIGene:6774');
    for (const e of nested) expect(e.type).toBe('gene');
  });
  it('changes no triple: relations see the pathway, not the genes inside it', () => {
    const text = 'HER2 activates the PI3K/AKT pathway.';
    const { triples } = run(text);
    expect(triples.map((t) => t.object.text)).toEqual(['PI3K/AKT pathway']);
  });
  it('takes no gene that is the whole pathway name, none stop-listed, none overlapping another', () => {
    const text = 'We studied HER2 signaling in cells.';
    const lexicon = defaultLexicon();
    const sentences = segmentText(text);
    const nested = findGenesInPathways(text, sentences, tagEntities(text, sentences, lexicon), lexicon);
    expect(nested.map((m) => text.slice(m.start, m.end))).toEqual(['HER2']);
    for (let i = 1; i < nested.length; i++) expect(nested[i].start).toBeGreaterThanOrEqual(nested[i - 1].end);
  });
  it('takes the organism from the document\'s own gene mentions (a document writing its genes the mouse way)', () => {
    const text = 'Ctr9 and Rtf1 are required in embryos. Expression of Eomes, Elf5 and Sox2 fell. Nanog activates the PI3K/Akt pathway.';
    const lexicon = defaultLexicon();
    const sentences = segmentText(text);
    const mentions = tagEntities(text, sentences, lexicon);
    const akt = (context: typeof mentions) => findGenesInPathways(text, sentences, context, lexicon).find((m) => text.slice(m.start, m.end) === 'Akt');
    expect(akt(mentions)?.norm).toBe('NCBIGene:11651');
    expect(akt(mentions)?.species).toBe('NCBITaxon:10090');
    // the pathway alone names too few genes to tell
    expect(akt(mentions.filter((m) => m.type === 'pathway'))?.norm).toBe('FPLX:AKT');
  });
  it('is a layer the gold score leaves out, as the guidelines annotate no gene inside a pathway', () => {
    expect(isUnannotatedLayer({ type: 'gene', source: `${IN_PATHWAY_SOURCE}famplex` } as never)).toBe(true);
    expect(isUnannotatedLayer({ type: 'gene', source: 'famplex' } as never)).toBe(false);
  });
});
