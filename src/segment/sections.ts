/**
 * Paragraphs and the section each belongs to. Reference lists, front matter (affiliations,
 * editors, correspondence) and licence boilerplate are kept as text but marked out of scope,
 * so nothing in them becomes an entity or a triple.
 */
export interface Paragraph {
  start: number;
  end: number;
  /** nearest heading above, lower-case ('' before the first heading) */
  section: string;
  heading: boolean;
  table: boolean;
  /** why the paragraph is out of scope, or null when in scope */
  skip: string | null;
}

const SKIP_SECTION = /^(references?|bibliography|literature cited|acknowledge?ments?|funding|conflicts? of interest|competing interests?|author contributions?|publisher'?s note|copyright|abbreviations|supplementary (material|data)|data availability|edited by|reviewed by|correspondence|\*?correspondence|specialty section|citation|open access|ethics statement|footnotes?|received|accepted|published)\b/;
/** why a section is out of scope (references, acknowledgements, ...), or null */
export const sectionSkip = (section: string): string | null => (SKIP_SECTION.test(section) ? `section "${section}"` : null);

const BOILERPLATE = /(©|\bcopyright\b|creative commons|\blicen[cs]e[ds]?\b|all rights reserved|doi\.org|^\s*doi:|https?:\/\/)/i;
const AFFILIATION = /(@|\b(department|university|institute|school of|hospital|faculty|laborator(y|ies)|centre|center|college)\b)/i;
const MAIN_SECTION = /^(abstract|introduction|background|results?|discussion|conclusions?|methods|materials and methods|summary|review|viewpoint|articles?)\b/;
const HEADING_LINE = /^[ \t]{0,3}(#{1,6})[ \t]{1,8}(.{1,200})$/;

/** 'affiliation' or 'boilerplate' (licence, copyright, links) for a short paragraph that is one, else null. */
export function boilerplateReason(body: string): string | null {
  if (body.length < 400 && AFFILIATION.test(body) && !/\b(is|are|was|were|has|have)\b/.test(body)) return 'affiliation';
  if (body.length < 600 && BOILERPLATE.test(body)) return 'boilerplate';
  return null;
}

function headingText(line: string): string | undefined {
  const md = HEADING_LINE.exec(line);
  if (md) return md[2];
  const t = line.trim();
  // a short line standing alone, without sentence punctuation: "Background", "2. Results"
  if (t.length > 0 && t.length <= 60 && !/[.,;:]$/.test(t) && !/[@;]/.test(t) && !/[.!?] /.test(t) && /^[\dA-Z]/.test(t) && t.split(/\s+/).length <= 8)
    return t;
  return undefined;
}

const sectionKey = (h: string) => h.replace(/[*_#\\]/g, '').replace(/^[\s\d.]+/, '').trim().toLowerCase();

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let section = '';
  let skipSection: string | null = null;
  const re = /[^\n]+(?:\n[ \t]{0,8}[^\s][^\n]*)*/g; // runs of non-blank lines
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const block = m[0];
    const start = m.index + (block.length - block.trimStart().length);
    const end = m.index + block.trimEnd().length;
    if (end <= start) continue;
    const lines = block.split('\n');
    const head = lines.length === 1 ? headingText(block) : undefined;
    const table = lines.every((l) => l.trim().startsWith('|'));
    // inside references and front matter only a Markdown heading or a known section name ends the skip
    const endsSkip = !skipSection || HEADING_LINE.test(block) || (head !== undefined && MAIN_SECTION.test(sectionKey(head)));
    if (head !== undefined && !table && endsSkip) {
      section = sectionKey(head);
      skipSection = SKIP_SECTION.test(section) ? `section "${section}"` : null;
      // a new main section after a skipped one resets scope
      // headings and titles carry entities (and statements such as "X confers resistance to Y")
      out.push({ start, end, section, heading: true, table: false, skip: skipSection ? `section "${section}"` : null });
      continue;
    }
    // table bodies are cell labels, not sentences (captions are separate paragraphs)
    let skip = skipSection ?? (table ? 'table' : null);
    skip ??= boilerplateReason(block.trim());
    out.push({ start, end, section, heading: false, table, skip });
  }
  return out;
}
