import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ahoCorasickPeer, geneTerms, runPeer, tokenMapPeer, wordTokens } from '../../src/bench/peers.js';

const TERMS = ['her2', 'erbb2', 'protein kinase c', 'p53', 'her-3'];
const TEXT = 'HER2 and Protein kinase C bind; aHER2b is no gene, nor is p534, but p53 is; HER 3 and her-3.';

describe('tag-only peers', () => {
  it('splits text into lower-cased letter and digit runs', () => {
    expect(wordTokens('HER-2, p53 and Ωmega')).toEqual(['her', '2', 'p53', 'and', 'ωmega']);
  });

  it('Aho–Corasick counts whole-word, case-folded matches only', () => {
    // HER2, Protein kinase C, p53, her-3 (not aHER2b, p534, HER 3)
    expect(ahoCorasickPeer(TERMS).count(TEXT)).toBe(4);
  });

  it('token + Map counts term token sequences, separators ignored', () => {
    // as above, plus "HER 3" (same tokens as her-3)
    expect(tokenMapPeer(TERMS).count(TEXT)).toBe(5);
  });

  it('reads the gene-typed dictionary files, one lower-cased term each', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-dict-'));
    const tsv = (rows: string[]) => ['# source: test', 'term\tnorm\tname\tcase\tsource', ...rows].join('\n') + '\n';
    writeFileSync(path.join(dir, 'genes.tsv'), tsv(['HER2\tNCBIGene:2064\tERBB2\texact\tsymbol', 'her2\tNCBIGene:2064\tERBB2\tfold\talias']));
    writeFileSync(path.join(dir, 'gene-families.tsv'), tsv(['PI3K\tFPLX:PI3K\tPI3K\texact\tfamplex']));
    writeFileSync(path.join(dir, 'mirna.tsv'), tsv(['miR-21\tNCBIGene:406991\tMIR21\tfold\tmirbase']));
    writeFileSync(path.join(dir, 'drugs.tsv'), tsv(['lapatinib\tDB01259\tlapatinib\tfold\tdrugbank']));
    expect(geneTerms(dir)).toEqual(['her2', 'mir-21', 'pi3k']);
  });

  it('reports throughput and the match count of the scan', () => {
    const r = runPeer(() => tokenMapPeer(TERMS), [TEXT, TEXT], 3);
    expect(r.matches).toBe(10);
    expect(r.mbPerS).toBeGreaterThan(0);
  });
});
