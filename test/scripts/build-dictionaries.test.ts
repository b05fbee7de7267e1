import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { termKey } from '../../src/tag/tokens.ts';
import { build, DEFAULT_SOURCES } from '../../scripts/build-dictionaries.ts';

const DICT = resolve(import.meta.dirname, '../../dictionaries');
const SOURCES = resolve(process.env.BIOTRIPLES_SOURCES ?? DEFAULT_SOURCES);
const HEADER = 'term\tnorm\tname\tcase\tsource';
const NORM: Record<string, RegExp> = {
  'genes.tsv': /^(NCBIGene:\d+|FPLX:[A-Za-z0-9_]+)$/,
  'drugs.tsv': /^(DrugBank:DB\d{5}|MESH:[CD]\d+|CHEBI:\d+)$/,
  'pathways.tsv': /^(KEGG:hsa\d{5}|Reactome:R-HSA-\d+|GO:\d{7}|WikiPathways:WP\d+)$/,
};

interface Parsed { comments: string[]; header: string; rows: string[][] }
function parse(text: string): Parsed {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const comments: string[] = [];
  while (lines[0]?.startsWith('# ')) comments.push(lines.shift()!);
  const header = lines.shift()!;
  return { comments, header, rows: lines.map((l) => l.split('\t')) };
}
const cache = new Map<string, Parsed>();
const load = (f: string): Parsed => {
  if (!cache.has(f)) cache.set(f, parse(readFileSync(join(DICT, f), 'utf8')));
  return cache.get(f)!;
};
const indexes = new Map<string, Map<string, string[]>>();
const index = (f: string): Map<string, string[]> => {
  if (!indexes.has(f)) indexes.set(f, new Map(load(f).rows.map((r) => [termKey(r[0]), r])));
  return indexes.get(f)!;
};
const normOf = (f: string, term: string) => index(f).get(termKey(term))?.[1];

describe('committed dictionaries', () => {
  for (const f of Object.keys(NORM)) {
    it(`${f} has the tagger format with one row per key`, () => {
      const { comments, header, rows } = load(f);
      expect(comments.some((c) => /^# rows: \d+$/.test(c))).toBe(true);
      expect(header).toBe(HEADER);
      expect(rows.length).toBeGreaterThan(100);
      const keys = new Set<string>();
      const errors: string[] = [];
      let prev: string[] | undefined;
      for (const r of rows) {
        const [term, norm, name, mode, source] = r;
        const key = termKey(term ?? '');
        if (r.length !== 5) errors.push(`columns: ${r.join('|')}`);
        else if (term.trim() !== term || !key) errors.push(`term: "${term}"`);
        else if (!NORM[f].test(norm)) errors.push(`norm: ${term} ${norm}`);
        else if (!name) errors.push(`name: ${term}`);
        else if (mode !== 'exact' && mode !== 'title' && mode !== 'shape' && mode !== 'fold') errors.push(`case: ${term} ${mode}`);
        else if (!/^[a-z_]+$/.test(source)) errors.push(`source: ${term} ${source}`);
        else if (keys.has(key)) errors.push(`duplicate key: ${key}`);
        else if (prev && !(prev[0] < term || (prev[0] === term && prev[1] < norm))) errors.push(`order: ${prev[0]} / ${term}`);
        keys.add(key);
        prev = r;
      }
      expect(errors.slice(0, 10)).toEqual([]);
    });
  }

  it('HER2 surface forms resolve to ERBB2', () => {
    for (const t of ['HER2', 'HER-2', 'her 2', 'ErbB2', 'ERBB2', 'c-erbB-2', 'HER2/neu', 'p95HER2', 'p95-HER2'])
      expect(normOf('genes.tsv', t), t).toBe('NCBIGene:2064');
  });

  it('families beat single-gene aliases (ERK never grounds to EPHB2)', () => {
    expect(normOf('genes.tsv', 'ERK')).toBe('FPLX:ERK');
    expect(normOf('genes.tsv', 'PI3K')).toBe('FPLX:PI3K');
    expect(normOf('genes.tsv', 'AKT')).toBe('FPLX:AKT');
    expect(normOf('genes.tsv', 'NF-κB')).toBe('FPLX:NFkappaB');
    const ephb2 = load('genes.tsv').rows.filter((r) => r[1] === 'NCBIGene:2048').map((r) => termKey(r[0]));
    expect(ephb2).not.toContain('erk');
  });

  it('English-word symbols are kept only in capitals', () => {
    const met = index('genes.tsv').get('met');
    expect(met?.slice(0, 4)).toEqual(['MET', 'NCBIGene:4233', 'MET', 'exact']);
  });

  it('short symbols that are no word may change case; word-like ones may not', () => {
    expect(index('genes.tsv').get('btk')?.[3]).toBe('shape');
    expect(index('genes.tsv').get('abc 1')?.[3]).toBe('title'); // "abc" is a word: Abc1, never abc1
    expect(index('genes.tsv').get('cat')).toBeUndefined();
  });

  it('a one-word name numbered 1 is also listed without the number, unless it names a disease', () => {
    expect(normOf('genes.tsv', 'psoriasin')).toBe('NCBIGene:6278');
    expect(normOf('genes.tsv', 'retinoblastoma')).toBeUndefined();
  });

  it('HGNC 2019 names, previous names and alias names ground where NCBI 2022 renamed the gene; disease names and English words do not', () => {
    for (const [term, id] of [['jagged 1', 'NCBIGene:182'], ['mechanistic target of rapamycin', 'NCBIGene:2475'], ['separase', 'NCBIGene:9700'], ['perilipin', 'NCBIGene:5346']])
      expect([term, normOf('genes.tsv', term)]).toEqual([term, id]);
    for (const term of ['Sotos syndrome', 'pseudoxanthoma elasticum', 'Alzheimer disease', 'oracle', 'mystique']) expect([term, normOf('genes.tsv', term)]).toEqual([term, undefined]);
  });

  it('trastuzumab deruxtecan names resolve to DB14962', () => {
    for (const t of ['T-DXd', 'DS-8201a', 'Enhertu', 'trastuzumab deruxtecan'])
      expect(normOf('drugs.tsv', t), t).toBe('DrugBank:DB14962');
    expect(normOf('drugs.tsv', 'trastuzumab-dkst')).toBe('DrugBank:DB00072');
    expect(normOf('drugs.tsv', 'Pozotinib')).toBe('DrugBank:DB12114');
    for (const cls of ['TKIs', 'anti-HER2 agents', 'PI3K inhibitors']) expect(normOf('drugs.tsv', cls), cls).toBeUndefined();
  });

  it('pathway names papers use resolve', () => {
    expect(normOf('pathways.tsv', 'PI3K/AKT/mTOR pathway')).toBe('KEGG:hsa04151');
    expect(normOf('pathways.tsv', 'MAPK pathway')).toBe('KEGG:hsa04010');
    expect(normOf('pathways.tsv', 'HER2 signaling')).toBe('GO:0038128');
    expect(normOf('pathways.tsv', 'Signaling')).toBeUndefined();
  });

  it('stop-list terms never appear in genes.tsv or drugs.tsv; genes and drugs share no key', () => {
    const stop = load('stoplist.tsv');
    expect(stop.header).toBe('term\ttypes\treason');
    const genes = index('genes.tsv');
    const drugs = index('drugs.tsv');
    expect(stop.rows.map((r) => r[0]).filter((t) => genes.has(termKey(t)) || drugs.has(termKey(t)))).toEqual([]);
    expect([...genes.keys()].filter((k) => drugs.has(k))).toEqual([]);
    for (const t of ['SET', 'CAT', 'IMPACT', 'AIM']) expect(stop.rows.map((r) => r[0])).toContain(t);
  });

  it('ambiguous keys are absent from genes.tsv', () => {
    const amb = load('ambiguous.tsv');
    expect(amb.header).toBe('term\tcandidates');
    const genes = index('genes.tsv');
    expect(amb.rows.filter(([, c]) => c.split('|').length < 2)).toEqual([]);
    expect(amb.rows.map((r) => r[0]).filter((t) => genes.has(termKey(t)))).toEqual([]);
  });

  it('PharmGKB cross-references stay in their own CC BY-SA file', () => {
    const x = load('drug-xrefs.tsv');
    expect(x.comments.join('\n')).toMatch(/CC BY-SA 4\.0/);
    expect(x.comments.join('\n')).toMatch(/PharmGKB/);
    expect(readFileSync(join(DICT, 'drugs.tsv'), 'utf8')).not.toMatch(/pharmgkb/i);
  });

  it('family-members.tsv lists a FamPlex family\'s member genes with their short names, through nested families', () => {
    const rows = load('family-members.tsv').rows;
    const row = (family: string, symbol: string) => rows.find((r) => r[0] === family && r[2] === symbol);
    expect(row('FPLX:ERK', 'MAPK1')?.[3].split('|')).toContain('ERK');
    expect(row('FPLX:MAPK', 'MAPK1')?.[1]).toBe('5594');
    expect(row('FPLX:NFkappaB', 'RELA')).toBeDefined();
    expect(row('FPLX:ERK', 'EPHB1')).toBeUndefined();
  });

  it('SOURCES.md records the sha256 and row count of every output', () => {
    const md = readFileSync(join(DICT, 'SOURCES.md'), 'utf8');
    for (const f of ['genes.tsv', 'drugs.tsv', 'pathways.tsv', 'stoplist.tsv', 'ambiguous.tsv', 'drug-xrefs.tsv']) {
      const text = readFileSync(join(DICT, f), 'utf8');
      const sha = createHash('sha256').update(text).digest('hex');
      expect(md, f).toContain(`| ${f} | ${load(f).rows.length} | ${Buffer.byteLength(text)} | \`${sha}\` |`);
    }
  });

  it('overlay rows carry a reviewed reason', () => {
    for (const f of ['genes.tsv', 'drugs.tsv', 'pathways.tsv']) {
      const { header, rows } = parse(readFileSync(join(DICT, 'overlay', f), 'utf8'));
      expect(header).toBe(`${HEADER}\twhy`);
      for (const r of rows) expect(r[5]?.length ?? 0, r[0]).toBeGreaterThan(5);
    }
  });

  it('fails with a clear message when the sources are absent', () => {
    const out = mkdtempSync(join(tmpdir(), 'dict-'));
    try {
      expect(() => build(join(out, 'no-such-sources'), out)).toThrow(/dictionary sources not found.*BIOTRIPLES_SOURCES/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(SOURCES))('overlay against the sources', () => {
  it('every drug overlay id exists in the DrugBank vocabulary', () => {
    const vocab = readFileSync(join(SOURCES, 'drugbank-vocabulary-2026', 'drugbank_vocabulary.csv'), 'utf8');
    const ids = new Set([...vocab.matchAll(/^(DB\d{5}),/gm)].map((m) => m[1]));
    const { rows } = parse(readFileSync(join(DICT, 'overlay', 'drugs.tsv'), 'utf8'));
    for (const r of rows) expect(ids.has(r[1].replace('DrugBank:', '')), r[0]).toBe(true);
  });
});

// Each build takes ~10 s, so the rebuild checks run with BIOTRIPLES_SLOW=1 (npm run test:slow).
describe.skipIf(!existsSync(SOURCES) || !process.env.BIOTRIPLES_SLOW)('build (slow)', () => {
  it('is deterministic and reproduces the committed files', () => {
    const a = mkdtempSync(join(tmpdir(), 'dict-a-'));
    const b = mkdtempSync(join(tmpdir(), 'dict-b-'));
    try {
      const ra = build(SOURCES, a);
      build(SOURCES, b);
      for (const f of [...ra.files.map((x) => x.name), 'SOURCES.md']) {
        const ta = readFileSync(join(a, f));
        expect(ta.equals(readFileSync(join(b, f))), f).toBe(true);
        expect(ta.equals(readFileSync(join(DICT, f))), `${f} differs from committed; rerun npm run dictionaries`).toBe(true);
      }
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  }, 120_000);
});
