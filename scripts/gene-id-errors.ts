/**
 * `npx tsx scripts/gene-id-errors.ts [--row "NLM-Gene train"] [--errors output/eval/ner-errors.tsv]`: the gene
 * id errors of an `npm run eval:ner` run (id-FP rows: a predicted exact span with another id) by kind: a family id,
 * an ungrounded `LOCAL:` span, a gold gene of an organism the sources hold no ids for (yeast, fly, worm...), the
 * wrong one of human / mouse / rat / zebrafish, or the wrong gene of the right organism. Gold ids' organism from
 * the NCBI Gene (human, mouse), RGD and ZFIN files of ../shared/dictionary-sources (dev tool; skips when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const row = arg('--row', 'NLM-Gene train');
const errors = resolve(arg('--errors', 'output/eval/ner-errors.tsv'));
const src = resolve('../shared/dictionary-sources');
if (!existsSync(src) || !existsSync(errors)) { console.log(`gene-id-errors: ${existsSync(src) ? errors : src} not found (skipped)`); process.exit(0); }

const taxon = new Map<string, string>();
const lines = (file: string) => (file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8')).split('\n');
for (const [file, tax] of [['ncbi-gene-info/Homo_sapiens.gene_info.gz', '9606'], ['ncbi-gene-mouse/Mus_musculus.gene_info.gz', '10090']]) {
  for (const l of lines(resolve(src, file))) if (l && !l.startsWith('#')) taxon.set(l.split('\t')[1], tax);
}
for (const l of lines(resolve(src, 'rat-genes-rgd/rgd_rat_genes_2023-02-17.tsv')).slice(1)) { const id = l.split('\t')[3]; if (id) taxon.set(id, '10116'); }
for (const l of lines(resolve(src, 'model-organism-genes/zfin_zebrafish_genes_2025-10-30.tsv')).slice(1)) { const id = l.split('\t')[3]; if (id) taxon.set(id, '7955'); }

const count = new Map<string, number>();
for (const l of lines(errors)) {
  const c = l.split('\t');
  if (c[1] !== 'id-FP' || !c[0].startsWith(row)) continue;
  const pred = c[6], gold = (c[7] ?? '').replace(/^gold /, '').split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  const goldTaxa = new Set(gold.map((g) => taxon.get(g) ?? '?'));
  let kind: string;
  if (/^(?:FPLX|HGNC\.FAMILY|IUPHAR\.FAMILY):/.test(pred)) kind = 'family id, gold a gene';
  else if (pred.startsWith('LOCAL:')) kind = 'LOCAL: span';
  else if (goldTaxa.size === 1 && goldTaxa.has('?')) kind = 'organism without ids in the sources';
  else kind = goldTaxa.has(taxon.get(pred) ?? '?') ? 'wrong gene, right organism' : 'wrong organism (human, mouse, rat, zebrafish)';
  count.set(kind, (count.get(kind) ?? 0) + 1);
}
const total = [...count.values()].reduce((a, b) => a + b, 0);
console.log(`${row}: ${total} id errors`);
for (const [k, n] of [...count].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`);
