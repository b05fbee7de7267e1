/**
 * PubTator reader: many `PMID|t|title` / `PMID|a|abstract` documents per file, blank-line
 * separated. The document text is title + one separator + abstract, the convention PubTator
 * offsets follow, so offsets we write line up with other tools' annotations of the same file.
 * Ids are any run of characters without whitespace or `|`, with %XX escapes decoded: the
 * project's own writer (emit/pubtator.ts) escapes ids that hold `%`, `|` or whitespace.
 */
import { givenEntity, type GivenEntity } from '../tag/given-entities.js';

export interface PubtatorDocument {
  pmid: string;
  title: string;
  abstract: string;
  /** annotation lines kept raw (mentions and relations); gold readers parse them */
  annotations: string[][];
  /** 1-based line of the document's first title or abstract line */
  line: number;
  /** set when the id is not a valid PubTator id (the reader keeps the document so the caller can report it) */
  idProblem?: string;
}

export const PUBTATOR_SEPARATOR = ' ';
export const MAX_PUBTATOR_ID = 200;

export const pubtatorText = (d: Pick<PubtatorDocument, 'title' | 'abstract'>): string =>
  d.title + PUBTATOR_SEPARATOR + d.abstract;

/** The id a raw id field stands for, or a reason it is not one. */
export function decodePubtatorId(raw: string): { id: string } | { problem: string } {
  if (!raw) return { problem: 'empty document id' };
  if (raw.length > MAX_PUBTATOR_ID) return { problem: `document id longer than ${MAX_PUBTATOR_ID} characters` };
  if (!/^(?:[^\s%|]|%[0-9A-Fa-f]{2})+$/.test(raw)) return { problem: `document id "${raw.slice(0, 60)}" holds whitespace or a malformed % escape` };
  try {
    return { id: decodeURIComponent(raw) };
  } catch {
    return { problem: `document id "${raw.slice(0, 60)}" holds a % escape that is not UTF-8` };
  }
}

/** Escapes what a PubTator id field cannot hold (`%`, `|`, whitespace, control characters) as %XX. */
export const encodePubtatorId = (id: string): string =>
  id.replace(/[%|\s\x00-\x1f\x7f-\x9f]/gu, (c) => encodeURIComponent(c));

export function parsePubtator(content: string): PubtatorDocument[] {
  const docs: Array<PubtatorDocument & { raw: string }> = [];
  let current: (PubtatorDocument & { raw: string }) | undefined;
  const lines = content.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line.trim()) { current = undefined; continue; }
    const head = /^([^|\t]{0,1000})\|([ta])\|/.exec(line);
    if (head) {
      const [, raw, part] = head;
      if (!current || current.raw !== raw) {
        const id = decodePubtatorId(raw);
        current = { pmid: 'id' in id ? id.id : raw, title: '', abstract: '', annotations: [], line: n + 1, raw };
        if ('problem' in id) current.idProblem = id.problem;
        docs.push(current);
      }
      const body = line.slice(head[0].length);
      if (part === 't') current.title = body;
      else current.abstract = body;
      continue;
    }
    const cols = line.split('\t');
    if (current && cols[0] === current.raw) current.annotations.push(cols);
  }
  return docs.map(({ raw: _raw, ...d }) => d);
}

export const looksLikePubtator = (content: string): boolean => /^\s*[\w.:%/-]{1,200}\|t\|/.test(content);

/**
 * The mention lines of a PubTator document (`PMID start end text type ids`) as given entities,
 * for `--entities given|both`. A line whose offsets do not point at its text, or whose type is
 * not one relations use (diseases, species, cell lines), is left out.
 */
export function pubtatorEntities(d: PubtatorDocument, text: string): GivenEntity[] {
  const out: GivenEntity[] = [];
  for (const m of pubtatorMentions(d)) {
    const e = givenEntity(text, m.start, m.end, m.text, m.type, m.ids ?? '', 'pubtator');
    if (e) out.push(e);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A mention line (`PMID start end text type [ids]`) read as is; relation lines are not mentions. */
export interface PubtatorMention { start: number; end: number; text: string; type: string; ids?: string }

/** the mention lines of a document, in file order (the one place that reads their columns) */
export function pubtatorMentions(d: PubtatorDocument): PubtatorMention[] {
  const out: PubtatorMention[] = [];
  for (const cols of d.annotations) {
    if (cols.length < 5 || !/^\d+$/.test(cols[1]) || !/^\d+$/.test(cols[2])) continue;
    out.push({ start: Number(cols[1]), end: Number(cols[2]), text: cols[3], type: cols[4], ...(cols[5] !== undefined && { ids: cols[5] }) });
  }
  return out;
}
