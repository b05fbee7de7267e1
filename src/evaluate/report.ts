/**
 * Reading a prediction run and rendering/writing score reports: the console table, errors.tsv
 * and summary.json, and the agreement tables.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EntityType } from '../model/schemas.js';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { contextWindow } from './score.js';
import type { DocFigures, Metrics, Outcome, PredEntity, PredTriple, Prediction, ScoreResult, Summary, Table } from './score.js';

// ---------------------------------------------------------------------------------------------
// reading a run

/** Only the fields the scorer uses; the full contract is src/model/schemas.ts. */
const EntityRow = z.object({
  doc: z.string().min(1),
  type: EntityType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  norm: z.string().nullable().optional(),
  source: z.string().optional(),
});
const ArgumentRow = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: EntityType,
  norm: z.string().nullable().optional(),
});
const TripleRow = z.object({
  doc: z.string().min(1),
  subject: ArgumentRow,
  predicate: z.string().min(1),
  object: ArgumentRow,
  evidence: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string().optional() }),
  negated: z.boolean(),
  hedged: z.boolean(),
});

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  const rows: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: invalid JSON: ${(e as Error).message}`);
    }
    const r = schema.safeParse(raw);
    if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    rows.push(r.data);
  });
  return rows;
}

/** Reads `<dir>/entities.jsonl` and `<dir>/triples.jsonl` (a missing triples file counts as empty). */
export async function loadPrediction(dir: string): Promise<Prediction> {
  const entitiesFile = path.join(dir, 'entities.jsonl');
  const triplesFile = path.join(dir, 'triples.jsonl');
  let entities: PredEntity[];
  try {
    entities = (await readJsonl(entitiesFile, EntityRow)).map((e) => ({ ...e, norm: e.norm || null }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no ${entitiesFile}: is ${dir} a run directory?`);
    throw e;
  }
  let triples: PredTriple[] = [];
  try {
    triples = (await readJsonl(triplesFile, TripleRow)).map((t) => ({
      ...t,
      subject: { ...t.subject, norm: t.subject.norm || null },
      object: { ...t.object, norm: t.object.norm || null },
    }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return { entities, triples };
}

// ---------------------------------------------------------------------------------------------
// formatting helpers

const pct = (x: number) => (x * 100).toFixed(1);

function pad(rows: string[][], rightAlignFrom = 1): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

function metricCells(m: Metrics): string[] {
  if (m.tp + m.fp + m.fn === 0) return ['—', '—', '—', '0', '0', '0'];
  return [pct(m.precision), pct(m.recall), pct(m.f1), String(m.tp), String(m.fp), String(m.fn)];
}

function tableRows(label: string, t: Table): string[][] {
  const rows: string[][] = [];
  for (const [cls, m] of Object.entries(t.byClass)) rows.push([`${label} ${cls}`, ...metricCells(m)]);
  rows.push([`${label} micro`, ...metricCells(t.micro)]);
  rows.push([`${label} macro`, pct(t.macro.precision), pct(t.macro.recall), pct(t.macro.f1), '', '', '']);
  return rows;
}

/** The compact console table of a score summary (P/R/F1 in percent). */
export function renderSummary(summary: Summary, title = 'score'): string {
  const header = ['', 'P', 'R', 'F1', 'TP', 'FP', 'FN'];
  const sections: [string, Table][] = [
    ['entity strict', summary.entities.strict],
    ['entity span', summary.entities.spanOnly],
    ['entity lenient', summary.entities.lenient],
    ['triple norm', summary.triples.normBased],
    ['triple evid', summary.triples.withEvidence],
  ];
  const rows: string[][] = [header];
  for (const [label, t] of sections) {
    if (label.startsWith('triple') || label === 'entity strict') rows.push(...tableRows(label, t));
    else rows.push([`${label} micro`, ...metricCells(t.micro)], [`${label} macro`, pct(t.macro.precision), pct(t.macro.recall), pct(t.macro.f1), '', '', '']);
  }
  const neg = summary.triples.negated;
  rows.push(['negated triple norm micro', ...metricCells(neg.normBased.micro)]);
  rows.push(['negated triple evid micro', ...metricCells(neg.withEvidence.micro)]);
  const d = summary.documents;
  const s = summary.triples.skipped;
  const notes = [
    `${title}: ${d.scored.length} gold document(s)` +
      (d.missingFromPredictions.length ? `; missing from predictions (all FN): ${d.missingFromPredictions.join(', ')}` : '') +
      (d.ignoredPredictionDocs.length ? `; ignored prediction docs without gold: ${d.ignoredPredictionDocs.length}` : ''),
    'entity strict = span+type+norm (gold norm null matches any); span = span+type; lenient = overlap+type',
    `triples: non-negated only (negated scored separately); skipped for null norm: gold ${s.goldNullNorm} (+${s.goldNullNormNegated} negated), predicted ${s.predNullNorm}; predicted with a drug-class argument (unannotated in the gold) ${s.predUnannotatedType}`,
  ];
  return [...notes, '', pad(rows)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// files

const tsvCell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** FP and FN rows, sorted by view, doc, offset. Columns: view, kind, doc, class, item, start, end, sentence, note. */
export function renderErrorsTsv(outcomes: Outcome[]): string {
  const viewOrder = ['entity-strict', 'entity-span', 'entity-lenient', 'triple-norm', 'triple-evidence', 'triple-norm-negated', 'triple-evidence-negated'];
  const rows = outcomes
    .filter((o) => o.kind !== 'TP')
    .sort(
      (a, b) =>
        viewOrder.indexOf(a.view) - viewOrder.indexOf(b.view) ||
        a.doc.localeCompare(b.doc) ||
        a.start - b.start ||
        a.end - b.end ||
        a.kind.localeCompare(b.kind) ||
        a.cls.localeCompare(b.cls) ||
        a.item.localeCompare(b.item),
    );
  const lines = [['view', 'kind', 'doc', 'type_or_predicate', 'text_or_triple', 'start', 'end', 'sentence', 'note'].join('\t')];
  for (const o of rows) {
    lines.push([o.view, o.kind, o.doc, o.cls, o.item, String(o.start), String(o.end), o.sentence, o.note].map(tsvCell).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Writes errors.tsv and summary.json into dir (created if needed). */
export async function writeReport(dir: string, result: ScoreResult, meta: Record<string, string> = {}): Promise<{ errors: string; summary: string }> {
  await mkdir(dir, { recursive: true });
  const errors = path.join(dir, 'errors.tsv');
  const summary = path.join(dir, 'summary.json');
  await writeFile(errors, renderErrorsTsv(result.outcomes));
  await writeFile(summary, JSON.stringify({ ...meta, ...result.summary }, null, 2) + '\n');
  return { errors, summary };
}

// ---------------------------------------------------------------------------------------------
// agreement

const f1 = (m: Metrics) => (m.tp + m.fp + m.fn === 0 ? '—' : m.f1.toFixed(3));
const f1n = (m: Metrics) => (m.tp + m.fp + m.fn === 0 ? '—' : `${m.f1.toFixed(3)} (${m.tp}/${m.tp + m.fp}/${m.tp + m.fn})`);

function agreementRows(o: Summary): { perDoc: string[][]; perType: string[][]; perPredicate: string[][] } {
  const docHeader = ['document', 'ent strict', 'ent lenient', 'ent span', 'triples norm', 'triples evid'];
  const docRow = (name: string, d: DocFigures) => [name, f1n(d.entities.strict), f1n(d.entities.lenient), f1n(d.entities.spanOnly), f1n(d.triples.normBased), f1n(d.triples.withEvidence)];
  const perDoc = [docHeader];
  for (const [doc, d] of Object.entries(o.perDocument)) perDoc.push(docRow(doc, d));
  perDoc.push(
    docRow('overall (micro)', {
      entities: { strict: o.entities.strict.micro, lenient: o.entities.lenient.micro, spanOnly: o.entities.spanOnly.micro },
      triples: { normBased: o.triples.normBased.micro, withEvidence: o.triples.withEvidence.micro },
    }),
  );
  const perType = [['entity type', 'strict F1', 'lenient F1', 'span F1', 'A mentions', 'B mentions']];
  for (const type of Object.keys(o.entities.lenient.byClass)) {
    const s = o.entities.strict.byClass[type];
    const l = o.entities.lenient.byClass[type];
    const sp = o.entities.spanOnly.byClass[type];
    perType.push([type, s ? f1(s) : '—', l ? f1(l) : '—', sp ? f1(sp) : '—', String(l.tp + l.fn), String(l.tp + l.fp)]);
  }
  perType.push(['macro', o.entities.strict.macro.f1.toFixed(3), o.entities.lenient.macro.f1.toFixed(3), o.entities.spanOnly.macro.f1.toFixed(3), '', '']);
  const perPredicate = [['predicate', 'norm F1', 'evidence F1', 'A (norm)', 'B (norm)']];
  for (const [p, m] of Object.entries(o.triples.normBased.byClass)) {
    const e = o.triples.withEvidence.byClass[p];
    perPredicate.push([p, f1(m), e ? f1(e) : '—', String(m.tp + m.fn), String(m.tp + m.fp)]);
  }
  perPredicate.push(['macro', o.triples.normBased.macro.f1.toFixed(3), o.triples.withEvidence.macro.f1.toFixed(3), '', '']);
  return { perDoc, perType, perPredicate };
}

/** Plain-text agreement tables for the console. */
export function renderAgreement(a: Summary): string {
  const r = agreementRows(a);
  const s = a.triples.skipped;
  const neg = a.triples.negated.normBased.micro;
  return [
    'Inter-annotator agreement: annotator B scored against annotator A (F1; cells "F1 (agreed/B/A)").',
    '',
    pad(r.perDoc),
    '',
    pad(r.perType),
    '',
    pad(r.perPredicate),
    '',
    `negated triples (norm): F1 ${f1n(neg)}; triples skipped for a null norm: A ${s.goldNullNorm + s.goldNullNormNegated}, B ${s.predNullNorm}`,
  ].join('\n');
}

function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [head, align, ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Markdown agreement tables for corpus/gold/README.md. */
export function renderAgreementMarkdown(a: Summary): string {
  const r = agreementRows(a);
  const s = a.triples.skipped;
  const neg = a.triples.negated.normBased.micro;
  return [
    '### Inter-annotator agreement (B scored against A)',
    '',
    'F1, with (agreed / B / A) counts. Entity strict = same span, type and identifier (a null',
    'identifier on the A side matches any); lenient = overlapping span and same type; span = same',
    'span and type. Triples are compared per document as sets of (subject identifier, predicate, object identifier)',
    '("norm"), or additionally requiring overlapping evidence sentences ("evid"); symmetric',
    'predicates ignore order; negated triples are excluded and scored separately. Produced by',
    '`npm run agreement -- --markdown`; "—" = neither annotator marked any.',
    '',
    markdownTable(r.perDoc),
    '',
    markdownTable(r.perType),
    '',
    markdownTable(r.perPredicate),
    '',
    `Negated triples (norm): F1 ${f1n(neg)}. Triples left out for a null identifier: A ${s.goldNullNorm + s.goldNullNormNegated}, B ${s.predNullNorm}.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// sentences for error rows

/**
 * A sentenceOf function for score(): the sentence around a span of the original text, with the
 * tool's own boundaries (normalize → segment, mapped back to original offsets); a window of the
 * text when the span crosses sentences or segmentation fails.
 */
export function sentenceFinder(texts: Record<string, string>): (doc: string, start: number, end: number) => string {
  const cache = new Map<string, { start: number; end: number }[]>();
  const sentencesOf = (doc: string, text: string) => {
    let sentences = cache.get(doc);
    if (!sentences) {
      try {
        const normalized = normalizeText(text);
        sentences = segmentText(normalized.text).map((s) => normalized.map.toOriginal(s.start, s.end));
      } catch {
        sentences = [];
      }
      cache.set(doc, sentences);
    }
    return sentences;
  };
  return (doc, start, end) => {
    const text = texts[doc];
    if (text === undefined) return '';
    const sentences = sentencesOf(doc, text);
    // binary search for the last sentence starting at or before `start`
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const s = found >= 0 ? sentences[found] : undefined;
    if (s && end <= s.end) return text.slice(s.start, s.end);
    return contextWindow(text, start, end);
  };
}
