/**
 * One document's page: its original text with mentions highlighted by type (hover: id, name,
 * norm, source) and evidence sentences anchored, and beside it the triples, each linked to its
 * evidence, with negation, hedging and curation marked and the curator's controls.
 */
import type { Entity, Triple } from '../../model/schemas.js';
import { PREDICATES, allowedArguments } from '../../relate/predicates.js';
import { esc } from './escape.js';

interface Span { start: number; end: number }

/** Non-overlapping spans in text order (the first of an overlapping pair wins). */
function disjoint<T extends Span>(spans: T[]): T[] {
  const out: T[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

export const evidenceAnchor = (docIndex: number, t: Triple) => `ev-${docIndex}-${t.evidence.start}`;

function mark(text: string, e: Entity): string {
  const tip = `${e.id}\n${e.name} (${e.norm})\nsource: ${e.source}`;
  return `<mark class="m m-${esc(e.type)}" data-start="${e.start}" data-end="${e.end}" title="${esc(tip)}">${esc(text.slice(e.start, e.end))}</mark>`;
}

/** The text with mentions and evidence sentences; a mention that crosses a sentence edge stays unmarked. */
export function renderText(text: string, entities: Entity[], triples: Triple[], docIndex: number): string {
  const evidence = disjoint(triples.map((t) => ({ start: t.evidence.start, end: t.evidence.end, id: evidenceAnchor(docIndex, t), section: t.evidence.section })));
  const mentions = disjoint(entities.filter((e) => e.end <= text.length && text.slice(e.start, e.end) === e.text));
  let mi = 0;
  const plain = (from: number, to: number): string => {
    let out = '';
    let at = from;
    while (mi < mentions.length && mentions[mi].start < to) {
      const m = mentions[mi++];
      if (m.start < at || m.end > to) continue; // crosses an evidence edge
      out += esc(text.slice(at, m.start)) + mark(text, m);
      at = m.end;
    }
    return out + esc(text.slice(at, to));
  };
  let html = '';
  let pos = 0;
  for (const ev of evidence) {
    html += plain(pos, ev.start);
    html += `<span class="ev" id="${esc(ev.id)}">${plain(ev.start, ev.end)}</span>`;
    pos = ev.end;
  }
  return html + plain(pos, text.length);
}

const flag = (cls: string, label: string) => `<span class="flag ${cls}">${label}</span>`;

export function renderTriple(t: Triple, docIndex: number): string {
  const alternatives = PREDICATES.filter((p) => p.id !== t.predicate && allowedArguments(p.id, t.subject.type, t.object.type)).map((p) => p.id);
  const curated = t.curation
    ? flag('cur', t.curation.verdict === 'corrected' ? `corrected from ${esc(t.curation.extracted ?? '?')} by ${esc(t.curation.curator)}` : `accepted by ${esc(t.curation.curator)}`)
    : '';
  return `<li class="triple${t.negated ? ' negated' : ''}${t.hedged ? ' hedged' : ''}" data-id="${esc(t.id)}" data-predicate="${esc(t.predicate)}" data-confidence="${t.confidence}" data-section="${esc(t.evidence.section)}" data-ev="${esc(evidenceAnchor(docIndex, t))}" data-subject="${t.subject.start}" data-object="${t.object.start}">
<a href="#" class="go" title="show the evidence sentence"><span class="arg s m-${esc(t.subject.type)}">${esc(t.subject.text)}</span> <span class="pred">${t.negated ? 'NOT ' : ''}${esc(t.predicate)}</span> <span class="arg o m-${esc(t.object.type)}">${esc(t.object.text)}</span></a>
<div class="meta">${esc(t.subject.name)} → ${esc(t.object.name)} · conf ${t.confidence} · ${esc(t.rule)}${t.trigger ? ` (“${esc(t.trigger)}”)` : ''} ${t.negated ? flag('neg', 'negated') : ''}${t.hedged ? flag('hedge', 'hedged') : ''}${curated}</div>
<div class="curate"><button class="accept" type="button">Accept</button> <button class="reject" type="button">Reject…</button> <select class="correct" aria-label="correct the predicate"><option value="">Correct predicate…</option>${alternatives.map((p) => `<option value="${esc(p)}">${esc(p)}</option>`).join('')}</select>
<span class="reason-box" hidden><input class="reason" type="text" placeholder="reason for rejecting" aria-label="reason"> <button class="confirm-reject" type="button">Reject</button></span> <span class="verdict"></span></div>
</li>`;
}

export interface DocPage { id: string; index: number; text?: string; problem?: string; entities: Entity[]; triples: Triple[] }

export function renderDocument(d: DocPage): string {
  const predicates = [...new Set(d.triples.map((t) => t.predicate))].sort();
  const sections = [...new Set(d.triples.map((t) => t.evidence.section))];
  const types = new Map<string, number>();
  for (const e of d.entities) types.set(e.type, (types.get(e.type) ?? 0) + 1);
  const body = d.text === undefined
    ? `<p class="problem">Text unavailable: ${esc(d.problem ?? 'unknown')}</p>`
    : `${d.problem ? `<p class="problem">${esc(d.problem)}</p>` : ''}<div class="text">${renderText(d.text, d.entities, d.triples, d.index)}</div>`;
  return `<section class="page doc" id="doc-${d.index}" data-doc="${esc(d.id)}" hidden>
<h2>${esc(d.id)}</h2>
<p class="counts">${[...types].map(([t, n]) => `<span class="m m-${esc(t)}">${esc(t)}</span> ${n}`).join(' · ')} · ${d.triples.length} triples</p>
<div class="cols"><article>${body}</article>
<aside><div class="filters">
<label>predicate <select class="f-predicate"><option value="">all</option>${predicates.map((p) => `<option>${esc(p)}</option>`).join('')}</select></label>
<label>confidence ≥ <input class="f-confidence" type="range" min="0" max="1" step="0.05" value="0"><output>0</output></label>
<label>section <select class="f-section"><option value="">all</option>${sections.map((s) => `<option value="${esc(s)}">${esc(s.length > 60 ? `${s.slice(0, 57)}…` : s)}</option>`).join('')}</select></label>
<span class="shown"></span></div>
<ol class="triples">${d.triples.map((t) => renderTriple(t, d.index)).join('\n')}</ol></aside></div>
</section>`;
}
