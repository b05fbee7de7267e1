/**
 * Renders a RunDiff as text (terminal), Markdown (a PR comment) or JSON: a one-screen summary
 * first (inputs that changed, counts per record kind, predicate and entity type, causes, top
 * changes), then every change grouped by document and predicate, each triple with its evidence
 * sentence and the two arguments marked.
 */
import type { Entity, Statement, Triple } from '../model/schemas.js';
import { CAUSES, type Cause } from './causes.js';
import { CHANGE_KINDS, type Change, type ChangeKind, type RunDiff, type TripleChange } from './diff.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

interface Style {
  h1: (s: string) => string;
  h2: (s: string) => string;
  h3: (s: string) => string;
  item: (s: string) => string;
  quote: (s: string) => string;
  subject: (s: string) => string;
  object: (s: string) => string;
  code: (s: string) => string;
  esc: (s: string) => string;
  table: (head: string[], rows: string[][]) => string;
}

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

const TEXT: Style = {
  h1: (s) => `${s}\n${'='.repeat(Math.min(s.length, 100))}`,
  h2: (s) => `\n== ${s} ==`,
  h3: (s) => `  ${s}`,
  item: (s) => `    ${s}`,
  quote: (s) => `        "${s}"`,
  subject: (s) => `[[${s}]]`,
  object: (s) => `{{${s}}}`,
  code: (s) => s,
  esc: (s) => s.replace(/\s+/g, ' '),
  table: (head, rows) => {
    const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
    return [pad(head, widths), ...rows.map((r) => pad(r, widths))].map((l) => `  ${l}`).join('\n');
  },
};

const mdEscape = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]{}<>#|~])/g, '\\$1');
const MARKDOWN: Style = {
  h1: (s) => `# ${s}`,
  h2: (s) => `\n## ${s}`,
  h3: (s) => `\n### ${s}`,
  item: (s) => `- ${s.replace(/^([-+~]) /, '`$1` ')}`, // a bare leading sign would nest a list
  quote: (s) => `  > ${s}`,
  subject: (s) => `**${s}**`,
  object: (s) => `_${s}_`,
  code: (s) => `\`${s}\``,
  esc: mdEscape,
  table: (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
};

const WINDOW = 110;

/** The evidence sentence with subject and object marked; a long sentence is cut around them. */
export function markedEvidence(t: Triple, st: Pick<Style, 'subject' | 'object' | 'esc'>): string {
  const ev = t.evidence;
  const spans = [
    { start: t.subject.start - ev.start, end: t.subject.end - ev.start, mark: st.subject },
    { start: t.object.start - ev.start, end: t.object.end - ev.start, mark: st.object },
  ].sort((a, b) => a.start - b.start);
  if (spans[1].start < spans[0].end) spans.pop(); // overlapping arguments: mark the first only
  const from = Math.max(0, spans[0].start - WINDOW);
  const to = Math.min(ev.text.length, spans[spans.length - 1].end + WINDOW);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const s of spans) {
    out += st.esc(ev.text.slice(at, s.start)) + s.mark(st.esc(ev.text.slice(s.start, s.end)));
    at = s.end;
  }
  return out + st.esc(ev.text.slice(at, to)) + (to < ev.text.length ? '…' : '');
}

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };
const causeList = (c: Cause[]) => `[${c.join(', ')}]`;

function fieldChange(field: string, o: unknown, n: unknown): string {
  const show = (x: unknown) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x));
  return `${field} ${show(o)} → ${show(n)}`;
}

function tripleFieldChanges(c: TripleChange): string {
  const o = c.old!, n = c.new!;
  return c.fields.map((f) => {
    if (f === 'subject' || f === 'object') return fieldChange(f, `${o[f].text} ${o[f].norm}`, `${n[f].text} ${n[f].norm}`);
    if (f === 'evidence') return 'evidence sentence edited';
    if (f === 'curation') return `curation ${curationLabel(o.curation)} → ${curationLabel(n.curation)}`;
    return fieldChange(f, (o as Record<string, unknown>)[f] ?? 'none', (n as Record<string, unknown>)[f] ?? 'none');
  }).join('; ');
}

const curationLabel = (c: Triple['curation']) => (c ? `${c.verdict} by ${c.curator}` : 'none');
const claim = (t: Triple) => `${t.subject.text} → ${t.object.text}`;
const flags = (t: Triple) => [t.negated ? 'negated' : '', t.hedged ? 'hedged' : ''].filter(Boolean).join(', ');

function tripleLine(c: TripleChange, st: Style): string[] {
  const t = (c.new ?? c.old)!;
  const head = c.kind === 'changed'
    ? `${SIGN[c.kind]} changed  ${claim(t)}: ${tripleFieldChanges(c)}`
    : `${SIGN[c.kind]} ${c.kind}  ${claim(t)}  (conf ${t.confidence}, ${t.rule}${flags(t) ? `, ${flags(t)}` : ''})`;
  const lines = [st.item(`${st.esc(head)}  ${causeList(c.causes)}  ${st.code(t.id)}`)];
  if (c.kind === 'changed' && c.fields.includes('evidence')) lines.push(st.quote(`was: ${markedEvidence(c.old!, st)}`));
  lines.push(st.quote(markedEvidence(t, st)));
  return lines;
}

function entityLine(c: Change<Entity>, st: Style): string {
  const e = (c.new ?? c.old)!;
  const body = c.kind === 'changed'
    ? `${e.type} "${e.text}" @${e.start}: ${c.fields.map((f) => fieldChange(f, (c.old as Record<string, unknown>)[f], (c.new as Record<string, unknown>)[f])).join('; ')}`
    : `${e.type} "${e.text}" ${e.norm} (${e.name}) @${e.start}-${e.end}`;
  return st.item(`${st.esc(`${SIGN[c.kind]} ${body}`)}  ${causeList(c.causes)}`);
}

function statementLine(c: Change<Statement>, st: Style): string {
  const s = (c.new ?? c.old)!;
  const what = `${s.subject.name} ${s.negated ? 'NOT ' : ''}${s.predicate} ${s.object.name}`;
  const body = c.kind === 'changed'
    ? `${what}: ${c.fields.map((f) => (f === 'evidence' ? `evidence triples changed (${c.old!.evidence.length} → ${c.new!.evidence.length})` : fieldChange(f, (c.old as Record<string, unknown>)[f], (c.new as Record<string, unknown>)[f]))).join('; ')}`
    : `${what} (conf ${s.confidence}, ${s.evidence.length} evidence)`;
  return st.item(`${st.esc(`${SIGN[c.kind]} ${body}`)}  ${causeList(c.causes)}`);
}

type Counts = Record<ChangeKind, number>;
function countBy<T extends { kind: ChangeKind }>(changes: T[], key: (c: T) => string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const c of changes) {
    const k = key(c);
    const row = out.get(k) ?? { added: 0, removed: 0, changed: 0 };
    row[c.kind]++;
    out.set(k, row);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const countRow = (name: string, c: Counts) => [name, ...CHANGE_KINDS.map((k) => String(c[k]))];
const total = (changes: { kind: ChangeKind }[]): Counts => ({ added: 0, removed: 0, changed: 0, ...Object.fromEntries([...countBy(changes, () => 'all').values()].flatMap((c) => Object.entries(c))) });

/** The changes that matter most: flipped polarity or predicate first, then by confidence at stake. */
export function topChanges(triples: TripleChange[], n = 8): TripleChange[] {
  const weight = (c: TripleChange) => {
    if (c.kind !== 'changed') return 1 + (c.new ?? c.old)!.confidence;
    if (c.fields.some((f) => f === 'predicate' || f === 'negated' || f === 'subject' || f === 'object')) return 3;
    return Math.abs(c.new!.confidence - c.old!.confidence);
  };
  return [...triples].sort((a, b) => weight(b) - weight(a)).slice(0, n);
}

function inputLines(d: RunDiff, st: Style): string[] {
  const docs = d.inputs.documents;
  const lines: string[] = [];
  const list = (xs: string[]) => (xs.length > 6 ? `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more` : xs.join(', '));
  if (docs.textChanged.length) lines.push(`text changed (sha256): ${list(docs.textChanged)}`);
  if (docs.added.length) lines.push(`documents added: ${list(docs.added)}`);
  if (docs.removed.length) lines.push(`documents removed: ${list(docs.removed)}`);
  for (const f of d.inputs.dictionaries) lines.push(`dictionary ${f.file}: ${f.old ? f.old.slice(0, 12) : 'absent'} → ${f.new ? f.new.slice(0, 12) : 'absent'}`);
  for (const f of d.inputs.models) lines.push(`model ${f.file}: ${f.old ? f.old.slice(0, 12) : 'absent'} → ${f.new ? f.new.slice(0, 12) : 'absent'}`);
  const ledger = d.inputs.curation;
  if (ledger) lines.push(`curation ledger: ${ledger.old ? ledger.old.slice(0, 12) : 'none'} → ${ledger.new ? ledger.new.slice(0, 12) : 'none'}`);
  if (d.inputs.tool.old !== d.inputs.tool.new) lines.push(`tool version ${d.inputs.tool.old ?? '?'} → ${d.inputs.tool.new ?? '?'}`);
  if (!lines.length) lines.push('same documents, dictionaries and models: changes come from the code (rules, tagger)');
  return lines.map((l) => st.item(st.esc(l)));
}

export function renderSummary(d: RunDiff, st: Style): string[] {
  const out = [st.h1(`diff ${d.old} → ${d.new}`), '', 'Inputs:', ...inputLines(d, st), ''];
  out.push(st.table(['', 'added', 'removed', 'changed'], [
    countRow('triples', total(d.triples)), countRow('statements', total(d.statements)), countRow('entities', total(d.entities)),
  ]), '');
  const byPredicate = countBy(d.triples, (c) => (c.new ?? c.old)!.predicate);
  if (byPredicate.size) out.push('Triples per predicate:', st.table(['predicate', 'added', 'removed', 'changed'], [...byPredicate].map(([k, c]) => countRow(k, c))), '');
  const byType = countBy(d.entities, (c) => (c.new ?? c.old)!.type);
  if (byType.size) out.push('Entities per type:', st.table(['type', 'added', 'removed', 'changed'], [...byType].map(([k, c]) => countRow(k, c))), '');
  const causeRows = CAUSES.map((cause) => [cause, ...[d.triples, d.statements, d.entities].map((cs) => String(cs.filter((c) => c.causes.includes(cause)).length))]).filter((r) => r.slice(1).some((x) => x !== '0'));
  if (causeRows.length) out.push('Causes (a change may have several):', st.table(['cause', 'triples', 'statements', 'entities'], causeRows), '');
  const top = topChanges(d.triples);
  if (top.length) {
    out.push('Top changes:');
    for (const c of top) {
      const t = (c.new ?? c.old)!;
      const what = c.kind === 'changed' ? tripleFieldChanges(c) : `conf ${t.confidence}`;
      out.push(st.item(st.esc(`${SIGN[c.kind]} ${t.predicate}: ${claim(t)} (${what}) in ${t.doc} `) + causeList(c.causes)));
    }
  }
  return out;
}

function renderDetails(d: RunDiff, st: Style): string[] {
  const docs = [...new Set([...d.triples, ...d.statements, ...d.entities].map((c) => c.doc))].sort();
  const out: string[] = [];
  for (const doc of docs) {
    out.push(st.h2(st.esc(doc)));
    const triples = d.triples.filter((c) => c.doc === doc);
    for (const predicate of [...new Set(triples.map((c) => (c.new ?? c.old)!.predicate))]) {
      out.push(st.h3(st.esc(predicate)));
      for (const c of triples.filter((x) => (x.new ?? x.old)!.predicate === predicate)) out.push(...tripleLine(c, st));
    }
    const statements = d.statements.filter((c) => c.doc === doc);
    if (statements.length) out.push(st.h3('statements'), ...statements.map((c) => statementLine(c, st)));
    const entities = d.entities.filter((c) => c.doc === doc);
    if (entities.length) out.push(st.h3('entities'), ...entities.map((c) => entityLine(c, st)));
  }
  return out;
}

export function renderDiff(d: RunDiff, format: DiffFormat): string {
  if (format === 'json') {
    const { triples, statements, entities } = d;
    return JSON.stringify({ ...d, summary: { triples: total(triples), statements: total(statements), entities: total(entities) } }, null, 2) + '\n';
  }
  const st = format === 'markdown' ? MARKDOWN : TEXT;
  const legend = format === 'markdown' ? 'subject in **bold**, object in _italics_' : 'subject in [[ ]], object in {{ }}';
  const empty = !d.triples.length && !d.statements.length && !d.entities.length;
  return [...renderSummary(d, st), '', empty ? 'No differences.' : `Details (${legend}; + added, - removed, ~ changed; causes in brackets):`, ...(empty ? [] : renderDetails(d, st))].join('\n') + '\n';
}

/** Counts of each kind over all record types, for --fail-on. */
export function kindTotals(d: RunDiff): Counts {
  const all = [...d.triples, ...d.statements, ...d.entities];
  return total(all);
}
