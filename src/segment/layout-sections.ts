/**
 * Sections of a laid-out document (PDF): the layout blocks ingest found (title, headings,
 * body, legends, figure labels, table rows) become paragraphs whose section is one of a fixed
 * set, read from the headings and their order ('body' for a text without any). References, acknowledgements and declarations,
 * the front matter (authors, affiliations), figure-internal labels and table rows are kept as
 * text but out of scope.
 */
import type { LayoutBlock } from '../ingest/document.js';
import type { OffsetMap } from '../normalize/offset-map.js';
import { boilerplateReason, type Paragraph } from './sections.js';

/** The sections a PDF paragraph can belong to. */
export const SECTIONS = [
  'front matter', 'title', 'abstract', 'introduction', 'results', 'discussion', 'conclusions', 'methods',
  'figure legend', 'table legend', 'references', 'acknowledgements', 'declarations', 'supplementary', 'body',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Sections whose text is no claim of the paper. */
const OUT_OF_SCOPE = new Set<SectionName>(['front matter', 'references', 'acknowledgements', 'declarations']);

/** Heading text → section, first match wins; numbering and case are ignored. */
const HEADING_SECTIONS: [RegExp, SectionName][] = [
  [/^(abstract|summary|highlights|in brief|significance( statement)?|graphical abstract)$/, 'abstract'],
  [/^(introduction|background)$/, 'introduction'],
  [/^results?( and discussions?)?$/, 'results'],
  [/^(discussions?|general discussion)$/, 'discussion'],
  [/^(conclusions?|concluding remarks|summary and conclusions?)$/, 'conclusions'],
  [/^((materials?|patients?|subjects?) and methods?|methods?( and materials?)?|experimental (procedures|section|methods)|(star|online)\W*methods|method details|materials|experimental model and .{0,40}details|quantification and statistical analysis|key resources table)$/, 'methods'],
  [/^(references?( and notes)?|bibliography|literature cited|works cited|cited literature)$/, 'references'],
  [/^(acknowledge?ments?|funding( information)?|financial support)$/, 'acknowledgements'],
  [/^(author contributions?|contributions|competing interests?|conflicts? of interests?( statement)?|declaration of (competing )?interests?|declarations|data (and code )?availability( statement)?|code availability|ethics( approval| statement| declarations)?.*|keywords?|abbreviations|additional information|consent for publication|availability of data and materials|resource availability|lead contact|materials availability)$/, 'declarations'],
  [/^(supplementary|supplemental|supporting) (material|materials|information|data|figures?|tables?)$/, 'supplementary'],
];

export function sectionOfHeading(heading: string): SectionName | undefined {
  const key = heading.toLowerCase().replace(/^(\d{1,2}(\.\d{1,2}){0,3}\.?|[ivx]{1,4}\.)\s+/, '').replace(/[\s:.]+$/, '').replace(/\s+/g, ' ').trim();
  return HEADING_SECTIONS.find(([re]) => re.test(key))?.[1];
}

/** Layout blocks (offsets into the original) → the same blocks in normalized offsets. */
export function layoutInNormalized(blocks: LayoutBlock[], map: OffsetMap): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  for (const b of blocks) {
    const span = map.fromOriginal(b.start, b.end);
    if (span) out.push({ kind: b.kind, ...span });
  }
  return out;
}

/** An abstract without a heading: the first long paragraph of running prose in the front matter. */
const looksLikeAbstract = (body: string) => body.length >= 500 && (body.match(/[a-z)\]]\. [A-Z]/g) ?? []).length >= 2;

/** a cited work: a year and an author written "Surname, A." or "Surname A," */
const REFERENCE_LIKE = /\b(19|20)\d{2}\b/;
const AUTHOR = /\b[A-Z][a-z]+,? ?[A-Z]\.?[A-Z]?\.?[,;]/;

/** Paragraphs with their section and scope, from normalized layout blocks. */
export function layoutParagraphs(text: string, blocks: LayoutBlock[]): Paragraph[] {
  const out: Paragraph[] = [];
  let section: SectionName = 'front matter';
  let seenMain = false;
  // legends placed after the reference list (preprints) run on in blocks of their own
  let legendAfterReferences = false;
  for (const b of blocks) {
    const body = text.slice(b.start, b.end).trim();
    if (!body) continue;
    const para = (sec: SectionName, skip: string | null, extra: Partial<Paragraph> = {}) =>
      out.push({ start: b.start, end: b.end, section: sec, heading: false, table: false, skip, ...extra });
    switch (b.kind) {
      case 'title':
        para('title', null, { heading: true });
        break;
      case 'heading': {
        const named = sectionOfHeading(body) ?? sectionOfHeading(body.split('\n')[0]);
        if (named) { section = named; seenMain ||= named !== 'declarations'; }
        para(section, OUT_OF_SCOPE.has(section) ? `section "${section}"` : null, { heading: true });
        legendAfterReferences = false;
        break;
      }
      case 'caption':
        legendAfterReferences = section === 'references';
        para(/^(supplementary |extended data |supplemental )?table/i.test(body) ? 'table legend' : 'figure legend', null);
        break;
      case 'figure':
        para(section, 'figure text');
        break;
      case 'table':
        para(section, 'table', { table: true });
        break;
      default:
        if (legendAfterReferences && !(REFERENCE_LIKE.test(body) && AUTHOR.test(body))) { para('figure legend', boilerplateReason(body)); break; }
        if (!seenMain && section === 'front matter' && looksLikeAbstract(body)) { section = 'abstract'; seenMain = true; }
        para(section, OUT_OF_SCOPE.has(section) ? `section "${section}"` : boilerplateReason(body));
    }
  }
  // no heading and no abstract anywhere (a letter, a one-page note): the text is the paper's own
  if (!seenMain)
    for (const p of out) if (p.section === 'front matter' && !p.heading) { p.section = 'body'; p.skip = p.skip === 'figure text' || p.table ? p.skip : boilerplateReason(text.slice(p.start, p.end).trim()); }
  return out;
}
