/**
 * The report: one self-contained HTML file (inline CSS and JS, no network, opens from file://).
 * A corpus page (counts per type and predicate, documents, score against gold when `npm run score`
 * left <run>/score/summary.json, curation ledger figures, the diff when given an older run) and a
 * page per document (document-html.ts). Hash navigation: #corpus, #doc/<id>.
 */
import { readFileSync } from 'node:fs';
import type { Entity, Triple } from '../../model/schemas.js';
import { renderDocument } from './document-html.js';
import { esc, scriptJson } from './escape.js';
import type { DocText } from './texts.js';
import { groupByDoc } from '../../emit/dataset.js';

const asset = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

export interface ReportInput {
  label: string;
  documents: { id: string; status: string; error?: string }[];
  entities: Entity[];
  triples: Triple[];
  texts: Map<string, DocText>;
  rejected: number;
  /** preformatted blocks for the corpus page: score table, acceptance per rule, diff */
  score?: string;
  acceptance?: string;
  diff?: string;
}


function countTable(title: string, counts: Map<string, number>, cls?: (k: string) => string): string {
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `<tr><td>${cls ? `<span class="${cls(k)}">${esc(k)}</span>` : esc(k)}</td><td class="n">${n}</td></tr>`);
  return `<table><caption>${esc(title)}</caption>${rows.join('')}<tr class="total"><td>all</td><td class="n">${[...counts.values()].reduce((a, b) => a + b, 0)}</td></tr></table>`;
}

const countBy = <T>(rows: T[], key: (r: T) => string) => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
};

function corpusPage(r: ReportInput, docIndex: Map<string, number>): string {
  const ents = countBy(r.entities, (e) => e.doc);
  const trips = countBy(r.triples, (t) => t.doc);
  const docRows = r.documents.map((d) => {
    const i = docIndex.get(d.id);
    const name = i === undefined ? esc(d.id) : `<a href="#doc/${encodeURIComponent(d.id)}">${esc(d.id)}</a>`;
    return `<tr><td>${name}</td><td>${esc(d.status)}${d.error ? `: ${esc(d.error)}` : ''}</td><td class="n">${ents.get(d.id) ?? 0}</td><td class="n">${trips.get(d.id) ?? 0}</td></tr>`;
  });
  const pre = (title: string, body?: string) => (body ? `<h3>${esc(title)}</h3><pre>${esc(body)}</pre>` : '');
  return `<section class="page" id="corpus">
<h2>Corpus</h2>
<div class="tables">${countTable('entities per type', countBy(r.entities, (e) => e.type), (k) => `m m-${k}`)}${countTable('triples per predicate', countBy(r.triples, (t) => t.predicate))}</div>
<table class="docs"><caption>documents</caption><tr><th>document</th><th>status</th><th>entities</th><th>triples</th></tr>${docRows.join('')}</table>
${r.rejected ? `<p>${r.rejected} triple(s) left out by curation verdicts (listed in manifest.json).</p>` : ''}
${pre('Score against the gold set (npm run score)', r.score)}${r.score ? '' : '<p class="note">No score: run <code>npm run score -- --pred &lt;run&gt;</code> first to add the table.</p>'}
${pre('Curation: acceptance per rule', r.acceptance)}
${pre('Diff against the older run', r.diff)}
</section>`;
}

export function renderReport(r: ReportInput): string {
  const docs = r.documents.filter((d) => d.status === 'ok');
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const entitiesOf = groupByDoc(r.entities);
  const triplesOf = groupByDoc(r.triples);
  const pages = docs.map((d, index) => {
    const t = r.texts.get(d.id) ?? {};
    return renderDocument({ id: d.id, index, text: t.text, problem: t.problem, entities: entitiesOf.get(d.id) ?? [], triples: triplesOf.get(d.id) ?? [] });
  });
  // what the verdict export needs to describe each triple to the ledger
  const triples = Object.fromEntries(r.triples.map((t) => [t.id, { doc: t.doc, rule: t.rule, predicate: t.predicate, subject: { text: t.subject.text, type: t.subject.type }, object: { text: t.object.text, type: t.object.type } }]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:">
<title>biotriples report: ${esc(r.label)}</title><style>${asset('style.css')}</style></head>
<body><header><h1>biotriples report <small>${esc(r.label)}</small></h1>
<nav><a href="#corpus">Corpus</a> <select id="doc-nav" aria-label="document"><option value="">document…</option>${docs.map((d) => `<option value="${esc(d.id)}">${esc(d.id)}</option>`).join('')}</select></nav>
<div class="curator"><label>curator <input id="curator" type="text" placeholder="your name"></label> <span id="verdict-count">0 verdicts</span> <button id="export" type="button">Export verdicts</button></div>
<div class="legend">${['gene', 'mutation', 'drug', 'chemical', 'drug_class', 'pathway'].map((t) => `<span class="m m-${t}">${t}</span>`).join(' ')}</div></header>
<main>${corpusPage(r, docIndex)}
${pages.join('\n')}</main>
<script id="report-data" type="application/json">${scriptJson({ run: r.label, triples })}</script>
<script>${asset('client.js')}</script>
</body></html>
`;
}
