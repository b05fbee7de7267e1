/**
 * dictionaries/mirna.tsv: microRNA genes (NCBI Gene ncRNA records with MIR / MIRLET7 symbols) as
 * papers write them: miR-21, miR21, mir-21, microRNA-21, miRNA-21, hsa-miR-21, with or without
 * the arm (-5p, -3p). The gold guidelines make a miRNA a gene mention grounded to its MIR gene.
 * A mature name that several loci produce (miR-196a from MIR196A1 and MIR196A2, let-7a) is left
 * out; each locus keeps its numbered name (miR-196a-1).
 */
import { join } from 'node:path';
import { cmp, readText } from './io.ts';
import type { Row } from './lexicon.ts';
import { termKey } from '../../src/tag/tokens.ts';

/** MIR21 → "21", MIR125A → "125a", MIR196A1 → "196a-1", MIRLET7B → "let-7b", MIR1-1 → "1-1" */
function matureName(symbol: string): { name: string; locus: string } | undefined {
  const let7 = /^MIRLET7([A-Z])(\d?)$/.exec(symbol);
  if (let7) return { name: `let-7${let7[1].toLowerCase()}`, locus: let7[2] };
  const m = /^MIR(\d{1,4})([A-Z]?)(?:-?(\d))?$/.exec(symbol);
  if (!m) return undefined;
  return { name: `${m[1]}${m[2].toLowerCase()}`, locus: m[3] ?? '' };
}

const PREFIXES = ['miR-', 'miR', 'mir-', 'microRNA-', 'miRNA-', 'hsa-miR-'];

export function buildMirna(sourcesDir: string): Row[] {
  const genes: { id: string; symbol: string; name: string; locus: string }[] = [];
  for (const line of readText(join(sourcesDir, 'ncbi-gene-info', 'Homo_sapiens.gene_info.gz')).split('\n')) {
    const c = line.split('\t');
    if (c[9] !== 'ncRNA') continue;
    const n = matureName(c[2]);
    if (n) genes.push({ id: c[1], symbol: c[2], ...n });
  }
  const loci = new Map<string, number>();
  for (const g of genes) loci.set(g.name, (loci.get(g.name) ?? 0) + 1);
  const rows = new Map<string, Row>();
  for (const g of genes) {
    // the mature name alone only when one locus makes it; the numbered locus name always; one row per matching key
    const names = [...(loci.get(g.name) === 1 ? [g.name] : []), ...(g.locus ? [`${g.name}-${g.locus}`] : [])];
    for (const n of names) {
      const forms = n.startsWith('let-') ? [n, `hsa-${n}`] : PREFIXES.map((p) => p + n);
      for (const f of forms) for (const t of [f, `${f}-5p`, `${f}-3p`]) {
        if (!rows.has(termKey(t))) rows.set(termKey(t), { term: t, norm: `NCBIGene:${g.id}`, name: g.symbol, case: 'fold', source: 'mirna' });
      }
    }
  }
  return [...rows.values()].sort((a, b) => cmp(a.term, b.term));
}
