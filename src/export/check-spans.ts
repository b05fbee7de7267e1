/**
 * The provenance check on a finished run: every entity, argument and evidence span equals the
 * slice of the document's original text it points into, and arguments lie inside their
 * evidence. Same rule as ../shared/tools/check-dataset.mjs, which reads originals only from
 * the input path; this one also reads <run>/texts/ (PDF, PubMed XML, BioC, JATS) and PubTator.
 */
import { groupByDoc, originalText, type Run } from './run.js';

export interface SpanCheck {
  documents: number;
  readable: number;
  spans: number;
  problems: string[];
}

export function checkSpans(run: Run): SpanCheck {
  const result: SpanCheck = { documents: 0, readable: 0, spans: 0, problems: [] };
  const entities = groupByDoc(run.entities);
  const triples = groupByDoc(run.triples);
  for (const doc of run.documents.filter((d) => d.status === 'ok')) {
    result.documents++;
    const text = originalText(run, doc);
    if (text === undefined) { result.problems.push(`${doc.id}: original text not found (${doc.textFile ?? doc.source})`); continue; }
    result.readable++;
    const check = (x: { start: number; end: number; text: string }, what: string) => {
      result.spans++;
      if (text.slice(x.start, x.end) !== x.text) result.problems.push(`${what} in ${doc.id} [${x.start},${x.end}) says "${x.text}" but the text has "${text.slice(x.start, x.end)}"`);
    };
    for (const e of entities.get(doc.id) ?? []) check(e, 'entity');
    for (const t of triples.get(doc.id) ?? []) {
      check(t.subject, 'subject'); check(t.object, 'object'); check(t.evidence, 'evidence');
      for (const a of [t.subject, t.object])
        if (a.start < t.evidence.start || a.end > t.evidence.end) result.problems.push(`triple ${t.id}: "${a.text}" lies outside its evidence sentence`);
    }
  }
  return result;
}
