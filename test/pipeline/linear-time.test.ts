/**
 * Time per document grows linearly with its size, whatever the text: fast-check builds
 * adversarial documents (variant-like tokens, separators, dictionary names, parentheses, runs
 * without a sentence end, mixed) by repeating a generated unit, and the full processDocument
 * (real lexicon, committed relation model) is timed at n and 4n characters. CPU time, median of
 * repetitions, so a busy machine does not decide; the bound (4 x 2.5 = 10) is far below the
 * 16 a quadratic loop gives. BIOTRIPLES_SLOW=1: more cases, larger sizes, a random seed.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { defaultClassifier } from '../../src/relate/classifier/load.js';

const SLOW = process.env.BIOTRIPLES_SLOW === '1';
const N = SLOW ? 16_000 : 8_000;
const FACTOR = 4;
const BOUND = FACTOR * 2.5;
/** below this many CPU milliseconds at size n, jitter dominates: the ratio is taken against it */
const FLOOR_MS = 40;

const VARIANTS = ['G309A', 'c.1delins', 'p.V777L', 'A(', 'p.', 'del', 'rs121913279', 'c.2264_2278del', 'E746_A750del', 'V842I', 'p.(Leu858Arg)', 'IVS2+1G>A', 'Gly12Cys', 'c.35G>T', '309A>G', 'T790M/C797S'];
const NAMES = ['HER2', 'EGFR', 'lapatinib', 'trastuzumab', 'ERBB3', 'neratinib', 'PIK3CA', 'AKT1', 'tucatinib', 'mTOR', 'BRAF', 'gefitinib', 'PI3K/AKT pathway', 'HER2 inhibitors', 'anti-HER2 antibodies', 'CDK4/6', 'estrogen receptor (ER)', 'progression-free survival (PFS)', 'TKIs', 'ER stress', 'MCF-7 cells'];
const WORDS = ['inhibits', 'activates', 'and', 'or', 'binds', 'resistance to', 'such as', 'mutation', 'in', 'of', 'not', 'may', 'combination of', 'signaling', 'et al.', 'Fig.', 'e.g.', 'the'];
const SEPARATORS = [' ', ', ', '; ', '/', ' and ', '(', ')', '[', ']', '-', '\n', '. ', '.\n\n', '\t', '  ', '# '];

const token = fc.oneof(
  fc.constantFrom(...VARIANTS),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...SEPARATORS),
  fc.stringMatching(/^[A-Za-z0-9(),.;:\/ -]{1,8}$/),
);

/** a unit repeated to the size: a few tokens, each followed by a separator or not */
const unit = fc.array(fc.tuple(token, fc.option(fc.constantFrom(...SEPARATORS), { nil: '' })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''))
  .filter((u) => u.trim().length > 0);

const lexicon = defaultLexicon();
const classifier = defaultClassifier();

const doc = (text: string): SourceDocument => ({ id: 'adversarial', source: 'adversarial.txt', format: 'text', text, sha256: createHash('sha256').update(text).digest('hex') });
const sized = (u: string, n: number) => u.repeat(Math.ceil(n / u.length)).slice(0, n);

function cpuMs(text: string): number {
  const d = doc(text);
  const before = process.cpuUsage();
  processDocument(d, lexicon, { classifier });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time at n and FACTOR x n, medians of interleaved repetitions */
function growth(u: string, reps: number): { small: number; large: number; ratio: number } {
  const small: number[] = [], large: number[] = [];
  const a = sized(u, N), b = sized(u, N * FACTOR);
  cpuMs(a); // warm the code paths this unit takes
  for (let r = 0; r < reps; r++) { small.push(cpuMs(a)); large.push(cpuMs(b)); }
  const s = median(small), l = median(large);
  return { small: s, large: l, ratio: l / Math.max(s, FLOOR_MS) };
}

describe('time per document is linear in its size', () => {
  it.each([
    ['`G309A, ` repeated', 'G309A, '],
    ['`c.1delins ` repeated', 'c.1delins '],
    ['names without a full stop', 'HER2 lapatinib EGFR trastuzumab ERBB3 neratinib '],
    ['a list of drugs inhibiting a list of genes', 'lapatinib, neratinib and HER2, EGFR inhibit '],
    ['nested parentheses', 'A(B(C(HER2 '],
    ['parenthesised variants without white space (abbreviation window)', 'p.(Leu858Arg))'],
    ['open parentheses never closed', 'receptor (HER2 ((ER '],
  ])('%s', (_name, u) => {
    const g = growth(u, 3);
    expect(g.ratio, `${JSON.stringify(u)}: ${g.small.toFixed(0)} ms at ${N} chars, ${g.large.toFixed(0)} ms at ${N * FACTOR}`).toBeLessThan(BOUND);
  }, 120_000);

  it('holds for generated adversarial documents (fast-check)', () => {
    fc.assert(
      fc.property(unit, (u) => {
        const g = growth(u, SLOW ? 3 : 1);
        // a second look before failing: one slow repetition on a shared machine is no quadratic loop
        const again = g.ratio < BOUND ? g : growth(u, 3);
        expect(again.ratio, `${JSON.stringify(u)}: ${again.small.toFixed(0)} ms at ${N} chars, ${again.large.toFixed(0)} ms at ${N * FACTOR}`).toBeLessThan(BOUND);
      }),
      { numRuns: SLOW ? 60 : 8, ...(SLOW ? {} : { seed: 2026 }), endOnFailure: true },
    );
  }, SLOW ? 1_800_000 : 240_000);
});
