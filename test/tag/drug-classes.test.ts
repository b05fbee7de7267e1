import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';
import { DRUG_CLASS_EXAMPLES, INHIBITORS_OF, groundClass, mayEndInOf, tagDrugClasses } from '../../src/tag/drug-classes.ts';
import { normalizeText } from '../../src/normalize/normalize.ts';
import { segmentText } from '../../src/segment/segment.ts';
import { tagEntities } from '../../src/tag/tag-entities.ts';

const run = (text: string, id = 'x') => processDocument({ id, source: id, format: 'markdown', text, sha256: '' }, defaultLexicon());

describe('drug classes as agents: class → target', () => {
  for (const ex of DRUG_CLASS_EXAMPLES) {
    it(`"${ex.phrase}" → ${ex.targets.join(', ') || 'no target'}`, () => {
      const cls = run(ex.text).entities.filter((e) => e.type === 'drug_class');
      const hit = cls.find((e) => e.text === ex.phrase);
      expect(hit, `classes found: ${cls.map((e) => e.text).join(' | ')}`).toBeDefined();
      expect([...(hit!.targets ?? [])].sort()).toEqual([...ex.targets].sort());
    });
  }
  it('keeps the gene inside the class as its own mention', () => {
    const types = run('Tumours progressed on HER2 inhibitors.').entities.map((e) => `${e.type}:${e.text}`);
    expect(types).toEqual(expect.arrayContaining(['drug_class:HER2 inhibitors', 'gene:HER2']));
  });
  it('tags no class in ordinary gene phrases', () => {
    for (const t of ['HER2 expression was high.', 'HER2-positive tumours grew.', 'an inhibitor of NF-kB was degraded', 'HER2 kinase domain mutations'])
      expect(run(t).entities.filter((e) => e.type === 'drug_class').map((e) => e.text), t).toEqual([]);
  });
  it('does not take a lab antibody in Methods for an agent', () => {
    const text = '# Materials and methods\n\nBlots were probed with an anti-HER2 antibody (1:1000).\n';
    expect(run(text).entities.filter((e) => e.type === 'drug_class')).toEqual([]);
  });
  it('grounds to MeSH pharmacological actions or FDA classes where one fits', () => {
    expect(groundClass(['ERBB2'], 'inhibitor').norm).toBe('MeSH:D000092004');
    expect(groundClass(['CDK4', 'CDK6'], 'inhibitor').norm).toBe('MeSH:D047428');
    expect(groundClass(['PDCD1'], 'blockade').norm).toBe('MeSH:D000082082');
    expect(groundClass(['ERBB2'], 'targeted')).toEqual({ norm: 'class:targeted:ERBB2', name: 'HER2/neu Receptor Antagonist [EPC]' });
  });
  it('relation extraction does not see classes (their genes keep the relation rules they had)', () => {
    const m = run('Lapatinib is a HER2 inhibitor.');
    expect(m.triples.map((t) => `${t.subject.text} ${t.predicate} ${t.object.text}`)).toContain('Lapatinib inhibits HER2');
  });
});

/** a class head right after a gold gene, or "anti-" right before it: the phrase is a drug-class agent */
const AFTER = /^(?:\/\d{1,2})?[\s-]+(?:(?:selective|dual|monoclonal)\s+)?(?:(?:tyrosine\s+)?kinase\s+)?(?:inhibitors?\b|TKIs?\b|blockade\b|antagonists?\b|blockers?\b|(?:targeted|directed)\s+(?:therap|agents?|drugs?|treatments?))/i;
const ANTI = /anti-$/i;
const ANTI_AFTER = /^[\s-]+(?:agents?|antibod|therap|drugs?|treatments?|remed|molecules?)/i;

describe('every drug-class agent of the seed corpus is tagged (gold genes with a class head)', () => {
  const goldFiles = readdirSync('corpus/gold').filter((f) => f.endsWith('.json') && f !== 'baseline.json');
  for (const f of goldFiles) {
    const gold = JSON.parse(readFileSync(`corpus/gold/${f}`, 'utf8')) as { document?: string; entities: { type: string; start: number; end: number; text: string }[] };
    const doc = f.replace(/\.json$/, '');
    it(doc, () => {
      const text = readFileSync(`corpus/${doc}.md`, 'utf8');
      const classes = run(text, doc).entities.filter((e) => e.type === 'drug_class');
      const agents = gold.entities.filter((g) => (g.type === 'gene' || g.type === 'pathway')
        && (AFTER.test(text.slice(g.end, g.end + 60)) || (ANTI.test(text.slice(Math.max(0, g.start - 5), g.start)) && ANTI_AFTER.test(text.slice(g.end, g.end + 30)))));
      const missed = agents.filter((g) => !classes.some((c) => c.start <= g.start && g.end <= c.end))
        .map((g) => text.slice(Math.max(0, g.start - 5), g.end + 30).replace(/\s+/g, ' '));
      expect(missed).toEqual([]);
    });
  }
});

/** classes named without a target, in the sentences the pipeline reads (references and front matter are out of scope) */
const TARGETLESS = /(?<![\w-])(?:TKIs?|ADCs?|(?:T[- ]cell )?bispecific antibod(?:y|ies)|(?:immune )?checkpoint inhibitors?|tyrosine kinase inhibitors?)(?![\w-])/gi;

describe('every targetless drug-class agent of the seed corpus is tagged (TKIs, ADCs, bispecific antibodies)', () => {
  const docs = readdirSync('corpus').filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const f of docs) {
    it(f, () => {
      const { text } = normalizeText(readFileSync(`corpus/${f}`, 'utf8'));
      const sentences = segmentText(text);
      const lexicon = defaultLexicon();
      const classes = tagDrugClasses(text, sentences, tagEntities(text, sentences, lexicon), lexicon);
      const missed: string[] = [];
      for (const s of sentences.filter((x) => !x.skip))
        for (const m of text.slice(s.start, s.end).matchAll(TARGETLESS)) {
          const start = s.start + m.index, end = start + m[0].length;
          if (!classes.some((c) => c.start <= start && end <= c.end)) missed.push(text.slice(Math.max(0, start - 20), end + 10));
        }
      expect(missed).toEqual([]);
    });
  }
});

describe('the "inhibitors of" gate', () => {
  it('passes every prefix INHIBITORS_OF matches (random phrases, any case and spacing) and stops most others', () => {
    const piece = fc.constantFrom('inhibitors', 'Antagonists', 'BLOCKERS', 'selective', 'of', 'OF', 'the', 'The', 'x', 'theory', 'roof', 'HER2', ' ', '  ', '\u00a0', '\n', '-', 'small-molecule');
    let gated = 0, matched = 0;
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.nat({ max: 3 }), (parts, pad) => {
      const text = `${'y'.repeat(pad)}${parts.join(' ')}`;
      const gate = mayEndInOf(text, pad, text.length);
      if (INHIBITORS_OF.test(text.slice(pad))) { matched++; expect(gate, text).toBe(true); }
      else if (!gate) gated++;
    }), { numRuns: 5_000, seed: 17 });
    expect(matched).toBeGreaterThan(20);
    expect(gated).toBeGreaterThan(2_500);
    expect(mayEndInOf('selective inhibitors of the ', 0, 28) && mayEndInOf('inhibitors OF\u00a0', 0, 14)).toBe(true);
    expect(mayEndInOf('inhibitors of', 0, 13) || mayEndInOf('roof x ', 0, 7)).toBe(false);
  });
});
