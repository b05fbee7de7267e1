/**
 * `npm run eval:drugprot [-- --file PATH] [--limit N]`: scores our drug–gene triples against the
 * DrugProt corpus (BioC XML, dev/eval only; reads ../shared). Each document runs through the pure
 * `processDocument`; triples whose arguments are a drug and a gene (either order), not negated,
 * with a DrugProt class are compared with the gold relations (same document, overlapping chemical
 * and gene spans, equal class, one-to-one).
 *
 * A triple's class comes from its predicate AND its trigger (`drugprotClass` and the table
 * `DRUGPROT_BY_TRIGGER` in src/relate/predicates.ts), because DrugProt is finer than our
 * vocabulary: `inhibits` triggered by antagonist / antagonize / antagonism (or "blocker" of a
 * receptor) is ANTAGONIST, `activates` triggered by agonist (partial agonist too) is AGONIST;
 * otherwise the predicate's class (inhibits → INHIBITOR, upregulates → INDIRECT-UPREGULATOR, ...).
 *
 * Views: strict (classes as annotated and as mapped) and coarse (both sides folded: AGONIST* →
 * ACTIVATOR, ANTAGONIST → INHIBITOR, so the trigger table does not change it); end-to-end (every
 * gold relation, every prediction) and restricted (gold relations whose chemical and gene our
 * tagger found as drug and gene; predictions whose arguments overlap a gold CHEMICAL and a gold
 * GENE). The acceptance figure: precision of `inhibits` triples of class INHIBITOR against gold
 * INHIBITOR in the restricted view. Errors (strict, end-to-end) go to
 * output/eval/drugprot-errors.tsv.
 *
 * The corpus separates title and abstract with a tab; the document text given to the pipeline
 * replaces it by a space (same length, the PubTator convention of `src/ingest/pubtator.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  coarseClass,
  countsOf,
  type Counts,
  type DrugprotDocument,
  type GoldRelation,
  loadDrugprot,
  matchRelations,
  type MatchResult,
  misaligned,
  pairMatches,
  perClass,
  type PredRelation,
  prf,
  type Span,
  toGold,
} from '../evaluate/corpora/drugprot.ts';
import { processDocument } from '../pipeline.ts';
import { defaultLexicon } from '../tag/dictionary.ts';
import { drugprotClass } from '../relate/predicates.ts';
import type { Entity } from '../model/schemas.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_FILE = resolve(ROOT, '../shared/eval/drugprot/train.bioc.xml');
const OUT = resolve(ROOT, 'output/eval/drugprot-errors.tsv');

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
function line(name: string, c: Counts): string {
  const { p, r, f1 } = prf(c);
  return `  ${name.padEnd(26)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}   tp ${String(c.tp).padStart(4)}  fp ${String(c.fp).padStart(4)}  fn ${String(c.fn).padStart(4)}`;
}

const overlapsAny = (spans: Span[], s: Span) => spans.some((x) => x.start < s.end && s.start < x.end);

interface DocRun { doc: DrugprotDocument; entities: Entity[]; preds: PredRelation[] }

function predictions(doc: DrugprotDocument, triples: ReturnType<typeof processDocument>['triples'], stats: Record<string, number>): PredRelation[] {
  const out: PredRelation[] = [];
  for (const t of triples) {
    const types = [t.subject.type, t.object.type];
    if (!(types.includes('drug') && types.includes('gene'))) continue;
    if (t.subject.type === t.object.type) continue;
    stats.drugGene++;
    if (t.negated) { stats.negated++; continue; }
    const cls = drugprotClass(t.predicate, t.trigger, t.object.text);
    if (!cls) { stats.unmapped++; stats[`unmapped:${t.predicate}`] = (stats[`unmapped:${t.predicate}`] ?? 0) + 1; continue; }
    const drug = t.subject.type === 'drug' ? t.subject : t.object;
    const gene = t.subject.type === 'gene' ? t.subject : t.object;
    out.push({
      doc: doc.id, cls, predicate: t.predicate, rule: t.rule, trigger: t.trigger, sentence: t.evidence.text,
      drug: { start: drug.start, end: drug.end, text: drug.text },
      gene: { start: gene.start, end: gene.end, text: gene.text },
    });
  }
  return out;
}

function table(title: string, pred: PredRelation[], gold: GoldRelation[], classOf: (g: GoldRelation) => string): { m: MatchResult; text: string[] } {
  const m = matchRelations(pred, gold, classOf);
  const rows = [`${title}`, line('micro', countsOf(m))];
  const pc = perClass(pred, gold, m, classOf);
  for (const c of [...pc.keys()].sort()) rows.push(line(c, pc.get(c)!));
  return { m, text: rows };
}

const STOP = new Set('the a an of and or in on to by with for was were is are be been as at that this which from its their than not but into both also these those after while it has have had other via'.split(' '));

function topCounts(keys: string[], n: number, indent = '  '): string[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n)
    .map(([k, c]) => `${indent}${String(c).padStart(4)}  ${k}`);
}

function main(argv: string[]): number {
  const i = argv.indexOf('--file');
  const file = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : DEFAULT_FILE;
  if (!existsSync(file)) {
    console.log(`eval:drugprot skipped: ${file} not found (the DrugProt corpus lives in ../shared/eval/drugprot; pass --file PATH)`);
    return 0;
  }
  const li = argv.indexOf('--limit');
  const limit = li >= 0 ? Number(argv[li + 1]) : Infinity;
  const corpus = loadDrugprot(file);
  const docs = corpus.documents.slice(0, limit);
  const bad = docs.reduce((n, d) => n + misaligned(d).length, 0);
  const gold = docs.flatMap(toGold);
  console.log(`DrugProt ${file}: ${docs.length} documents${corpus.truncated ? ` (+${corpus.truncated} truncated at end of file, skipped)` : ''}, ` +
    `${docs.reduce((n, d) => n + d.annotations.length, 0)} entity annotations (${bad} misaligned), ${gold.length} relations` +
    `${docs.some((d) => d.unresolved) ? `, ${docs.reduce((n, d) => n + d.unresolved, 0)} unresolved` : ''}`);
  console.log(`gold classes: ${topCounts(gold.map((g) => g.cls), 20, '').map((s) => s.trim().replace(/\s+/, ' ')).join(', ')}`);

  const t0 = performance.now();
  const lexicon = defaultLexicon();
  const t1 = performance.now();
  const stats: Record<string, number> = { drugGene: 0, negated: 0, unmapped: 0 };
  const runs: DocRun[] = docs.map((doc) => {
    const text = doc.text.replace(/\t/g, ' ');
    const r = processDocument({ id: doc.id, source: file, format: 'text', text, sha256: createHash('sha256').update(text).digest('hex') }, lexicon);
    return { doc, entities: r.entities, preds: predictions(doc, r.triples, stats) };
  });
  const t2 = performance.now();
  const pred = runs.flatMap((r) => r.preds);
  console.log(`pipeline: lexicon ${((t1 - t0) / 1000).toFixed(1)} s, ${docs.length} documents ${((t2 - t1) / 1000).toFixed(1)} s; ` +
    `${stats.drugGene} drug–gene triples, ${stats.negated} negated (excluded), ${stats.unmapped} without a DrugProt class ` +
    `(${Object.keys(stats).filter((k) => k.startsWith('unmapped:')).map((k) => `${k.slice(9)} ${stats[k]}`).join(', ') || '-'}), ${pred.length} scored`);

  // tagger coverage of the gold entities (overlap, right type)
  const found = new Map<string, { drugs: Span[]; genes: Span[] }>();
  const goldEnt = new Map<string, { chems: Span[]; genes: Span[] }>();
  let chemN = 0, chemF = 0, geneN = 0, geneF = 0;
  for (const r of runs) {
    const f = { drugs: r.entities.filter((e) => e.type === 'drug'), genes: r.entities.filter((e) => e.type === 'gene') };
    found.set(r.doc.id, f);
    const ge = { chems: r.doc.annotations.filter((a) => a.type === 'CHEMICAL'), genes: r.doc.annotations.filter((a) => a.type.startsWith('GENE')) };
    goldEnt.set(r.doc.id, ge);
    chemN += ge.chems.length; chemF += ge.chems.filter((a) => overlapsAny(f.drugs, a)).length;
    geneN += ge.genes.length; geneF += ge.genes.filter((a) => overlapsAny(f.genes, a)).length;
  }
  console.log(`tagger recall of gold entities (overlap, right type): CHEMICAL as drug ${pct(chemF / (chemN || 1))}% (${chemF}/${chemN}), GENE as gene ${pct(geneF / (geneN || 1))}% (${geneF}/${geneN})`);

  const foundPair = (g: GoldRelation) => {
    const f = found.get(g.doc)!;
    return { chem: overlapsAny(f.drugs, g.chemical), gene: overlapsAny(f.genes, g.gene) };
  };
  const goldR = gold.filter((g) => { const f = foundPair(g); return f.chem && f.gene; });
  const judgeable = (p: PredRelation) => { const ge = goldEnt.get(p.doc)!; return overlapsAny(ge.chems, p.drug) && overlapsAny(ge.genes, p.gene); };
  const predR = pred.filter(judgeable);
  const pairFound = gold.filter((g) => pred.some((p) => pairMatches(p, g))).length;
  console.log(`gold relations with both entities found: ${goldR.length}/${gold.length}; with a scored triple on the pair (any class): ${pairFound}; ` +
    `predictions on gold-annotated pairs of entities: ${predR.length}/${pred.length}`);

  const strict = (g: GoldRelation) => g.cls;
  const coarse = (g: GoldRelation) => coarseClass(g.cls);
  // the coarse view folds predictions too (an ANTAGONIST prediction is an INHIBITOR there)
  const folded = (ps: PredRelation[]) => ps.map((p) => ({ ...p, cls: coarseClass(p.cls) }));
  const e2eStrict = table('\nend-to-end, strict classes', pred, gold, strict);
  const e2eCoarse = table('\nend-to-end, coarse (AGONIST*→ACTIVATOR, ANTAGONIST→INHIBITOR)', folded(pred), gold, coarse);
  const rStrict = table('\nrestricted to pairs our tagger found, strict classes', predR, goldR, strict);
  const rCoarse = table('\nrestricted to pairs our tagger found, coarse', folded(predR), goldR, coarse);
  for (const t of [e2eStrict, e2eCoarse, rStrict, rCoarse]) console.log(t.text.join('\n'));

  const isInh = (p: PredRelation) => p.predicate === 'inhibits';
  const inh = predR.filter((p) => isInh(p) && p.cls === 'INHIBITOR');
  const inhS = countsOf(matchRelations(inh, goldR.filter((g) => g.cls === 'INHIBITOR'), strict));
  const inhC = countsOf(matchRelations(folded(predR.filter(isInh)), goldR.filter((g) => coarse(g) === 'INHIBITOR'), coarse));
  const inhAll = countsOf(matchRelations(pred.filter((p) => isInh(p) && p.cls === 'INHIBITOR'), gold, strict));
  const ant = predR.filter((p) => isInh(p) && p.cls === 'ANTAGONIST');
  const antS = countsOf(matchRelations(ant, goldR.filter((g) => g.cls === 'ANTAGONIST'), strict));
  console.log(`\nacceptance: precision of 'inhibits' (class INHIBITOR) vs INHIBITOR on pairs our tagger found: ${pct(prf(inhS).p)}% (${inhS.tp}/${inhS.tp + inhS.fp}); ` +
    `coarse (every 'inhibits' vs INHIBITOR+ANTAGONIST) ${pct(prf(inhC).p)}% (${inhC.tp}/${inhC.tp + inhC.fp}); end-to-end ${pct(prf(inhAll).p)}% (${inhAll.tp}/${inhAll.tp + inhAll.fp}); ` +
    `'inhibits' mapped to ANTAGONIST by its trigger: ${pct(prf(antS).p)}% (${antS.tp}/${antS.tp + antS.fp})`);

  // ---- errors (end-to-end, strict) -------------------------------------------------------------
  const m = e2eStrict.m, mc = e2eCoarse.m;
  const errors: string[][] = [];
  const fpKeys: string[] = [], fpRules: string[] = [];
  pred.forEach((p, pi) => {
    if (m.predToGold[pi] >= 0) return;
    const ge = goldEnt.get(p.doc)!;
    const dg = overlapsAny(ge.chems, p.drug), gg = overlapsAny(ge.genes, p.gene);
    let why: string;
    if (!dg || !gg) why = !dg && !gg ? 'neither entity in gold' : !dg ? 'drug not a gold CHEMICAL' : 'gene not a gold GENE';
    else {
      const same = gold.filter((g) => pairMatches(p, g));
      why = !same.length ? 'no gold relation on the pair'
        : same.some((g) => g.cls === p.cls) ? 'duplicate (gold relation already matched)'
        : `gold class ${[...new Set(same.map((g) => g.cls))].sort().join('+')}`;
    }
    fpKeys.push(`${p.predicate}→${p.cls}: ${why}`);
    fpRules.push(`${p.rule} (${p.predicate}, trigger "${p.trigger}")`);
    errors.push(['FP', p.doc, p.cls, p.predicate, p.drug.text, `${p.drug.start}-${p.drug.end}`, p.gene.text, `${p.gene.start}-${p.gene.end}`,
      why, mc.predToGold[pi] >= 0 ? 'coarse-tp' : '', p.rule, p.trigger, p.sentence]);
  });
  const fnKeys: string[] = [], fnCue: string[] = [], missedChem: string[] = [], missedGene: string[] = [];
  const sentenceOf = (d: DrugprotDocument, at: number) => d.sentences.find((s) => s.start <= at && at < s.end) ?? { start: 0, end: d.text.length, text: d.text };
  const docById = new Map(docs.map((d) => [d.id, d]));
  gold.forEach((g, gi) => {
    if (m.goldToPred[gi] >= 0) return;
    const f = foundPair(g);
    const status = f.chem && f.gene ? 'both found' : !f.chem && !f.gene ? 'both missed' : !f.chem ? 'chemical missed' : 'gene missed';
    if (!f.chem) missedChem.push(g.chemical.text);
    if (!f.gene) missedGene.push(g.gene.text);
    const other = pred.filter((p) => pairMatches(p, g));
    const note = other.length ? `predicted ${[...new Set(other.map((p) => p.cls))].sort().join('+')}` : 'no triple on the pair';
    fnKeys.push(`${g.cls}: ${status}${f.chem && f.gene ? `, ${note}` : ''}`);
    const d = docById.get(g.doc)!;
    const s = sentenceOf(d, g.chemical.start);
    if (f.chem && f.gene && !other.length) {
      // the words between the two arguments: where the missing rule's trigger usually is
      const a = Math.min(g.chemical.end, g.gene.end), b = Math.max(g.chemical.start, g.gene.start);
      const between = a < b ? d.text.slice(a, b) : '';
      const words = between.toLowerCase().match(/[a-z][a-z-]{2,30}/g) ?? [];
      for (const w of new Set(words)) if (!STOP.has(w)) fnCue.push(w);
      if (!words.length) fnCue.push('(adjacent / nested: "CHEM-GENE" or "GENE CHEM" compound)');
    }
    errors.push(['FN', g.doc, g.cls, '', g.chemical.text, `${g.chemical.start}-${g.chemical.end}`, g.gene.text, `${g.gene.start}-${g.gene.end}`,
      `${status}; ${note}`, mc.goldToPred[gi] >= 0 ? 'coarse-tp' : '', '', '', s.text]);
  });

  console.log('\nfalse positives (end-to-end, strict) by predicate and reason:');
  console.log(topCounts(fpKeys, 15).join('\n') || '  none');
  console.log('false positives by rule and trigger:');
  console.log(topCounts(fpRules, 12).join('\n') || '  none');
  console.log('top false positives:');
  for (const e of errors.filter((x) => x[0] === 'FP').slice(0, 12)) console.log(`  ${e[1]} ${e[3]}(${e[4]}, ${e[6]}) [${e[8]}; ${e[10]}] ${e[12].slice(0, 200)}`);
  console.log('\nfalse negatives (end-to-end, strict) by class and whether our tagger found the entities:');
  console.log(topCounts(fnKeys, 25).join('\n') || '  none');
  console.log('words between the arguments of missed relations whose entities were both found (no triple):');
  console.log(topCounts(fnCue, 25).join('\n') || '  none');
  console.log('gold chemicals of missed relations not tagged as drugs:');
  console.log(topCounts(missedChem, 12).join('\n') || '  none');
  console.log('gold genes of missed relations not tagged as genes:');
  console.log(topCounts(missedGene, 12).join('\n') || '  none');

  mkdirSync(dirname(OUT), { recursive: true });
  const header = ['error', 'doc', 'class', 'predicate', 'chemical', 'chemical_span', 'gene', 'gene_span', 'note', 'coarse', 'rule', 'trigger', 'sentence'];
  writeFileSync(OUT, [header, ...errors].map((e) => e.map((c) => c.replace(/[\t\n\r]/g, ' ')).join('\t')).join('\n') + '\n');
  console.log(`\nerrors: ${errors.length} rows → ${OUT}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
