/**
 * PubTator reader: many `PMID|t|title` / `PMID|a|abstract` documents per file, blank-line
 * separated. The document text is title + one separator + abstract, the convention PubTator
 * offsets follow, so offsets we write line up with other tools' annotations of the same file.
 */
export interface PubtatorDocument {
  pmid: string;
  title: string;
  abstract: string;
  /** annotation lines kept raw (mentions and relations); gold readers parse them */
  annotations: string[][];
}

export const PUBTATOR_SEPARATOR = ' ';

export const pubtatorText = (d: Pick<PubtatorDocument, 'title' | 'abstract'>): string =>
  d.title + PUBTATOR_SEPARATOR + d.abstract;

export function parsePubtator(content: string): PubtatorDocument[] {
  const docs: PubtatorDocument[] = [];
  let current: PubtatorDocument | undefined;
  for (const line of content.split(/\r?\n/)) {
    if (!line.trim()) { current = undefined; continue; }
    const head = /^(\w{1,40})\|([ta])\|/.exec(line);
    if (head) {
      const [, pmid, part] = head;
      if (!current || current.pmid !== pmid) {
        current = { pmid, title: '', abstract: '', annotations: [] };
        docs.push(current);
      }
      const body = line.slice(head[0].length);
      if (part === 't') current.title = body;
      else current.abstract = body;
      continue;
    }
    const cols = line.split('\t');
    if (current && cols[0] === current.pmid) current.annotations.push(cols);
  }
  return docs;
}

export const looksLikePubtator = (content: string): boolean => /^\s*\w{1,40}\|t\|/.test(content);
