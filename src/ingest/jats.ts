/**
 * JATS (PMC .nxml full text). The document text, one block per line (src/ingest/layout.ts):
 *   article title
 *   abstract paragraphs (a structured abstract's section titles on their own lines)
 *   body: each section title, then its paragraphs; figure and table captions where they occur
 *   ("Figure 1. caption"), list items one per line
 *   back: acknowledgements, appendices, footnotes, then one line per reference
 * Table bodies, formulas and TeX sources are left out (they are not sentences). The id is the
 * PMCID when the article has one, else its PMID.
 */
import { LayoutBuilder, type StructuredRecord } from './layout.js';
import { sectionName } from './section-names.js';
import { at, childElements, descendants, isElement, textContent, type XmlElement } from './xml.js';

/** inside a paragraph these are separate blocks (floats) or not text at all */
const NOT_INLINE = new Set(['fig', 'table-wrap', 'disp-formula', 'tex-math', 'list', 'boxed-text', 'supplementary-material', 'table', 'alternatives', 'disp-quote', 'mml:annotation']);
const FLOATS = new Set(['fig', 'table-wrap', 'list', 'boxed-text', 'supplementary-material', 'disp-quote']);

export const isJats = (root: XmlElement) => root.name === 'article';

class JatsWalker {
  readonly layout = new LayoutBuilder();

  paragraph(p: XmlElement, section: string): void {
    this.layout.add(textContent(p, NOT_INLINE), section);
    // floats nested in the paragraph follow it
    for (const c of p.children) if (isElement(c) && FLOATS.has(c.name)) this.block(c, section);
  }

  caption(el: XmlElement, section: string): void {
    const label = textContent(at(el, 'label')).trim();
    const caption = at(el, 'caption');
    const title = textContent(at(caption, 'title'), NOT_INLINE).trim();
    const head = [label, title].filter(Boolean).join('. ');
    const paragraphs = caption ? childElements(caption, 'p') : [];
    if (head) this.layout.add(head, section, !paragraphs.length);
    for (const p of paragraphs) this.paragraph(p, section);
  }

  /** one element of a section body */
  block(el: XmlElement, section: string): void {
    switch (el.name) {
      case 'title': case 'label': this.layout.add(textContent(el, NOT_INLINE), section, true); break;
      case 'p': this.paragraph(el, section); break;
      case 'sec': this.section(el, section); break;
      case 'fig': case 'fig-group': this.caption(el, 'figure'); for (const f of childElements(el, 'fig')) this.caption(f, 'figure'); break;
      case 'table-wrap': case 'table-wrap-group': this.caption(el, 'table'); break;
      case 'supplementary-material': this.caption(el, 'supplementary material'); break;
      case 'list': for (const item of childElements(el, 'list-item')) for (const c of childElements(item)) this.block(c, section); break;
      case 'boxed-text': case 'disp-quote': case 'statement': for (const c of childElements(el)) this.block(c, section); break;
      case 'disp-formula': case 'table': case 'alternatives': case 'tex-math': case 'graphic': case 'media': case 'object-id': break;
      default: this.layout.add(textContent(el, NOT_INLINE), section);
    }
  }

  /** a <sec>: top-level sections name the section; subsections inherit it */
  section(sec: XmlElement, parent?: string): void {
    const title = textContent(at(sec, 'title'), NOT_INLINE);
    const section = parent ?? sectionName(title, sec.attrs['sec-type'] ?? '');
    for (const c of childElements(sec)) this.block(c, section);
  }

  abstract(abs: XmlElement): void {
    for (const c of childElements(abs)) {
      if (c.name === 'title') continue; // "Abstract"
      if (c.name === 'sec') for (const s of childElements(c)) this.block(s, 'abstract');
      else this.block(c, 'abstract');
    }
  }

  back(back: XmlElement): void {
    for (const c of childElements(back)) {
      if (c.name === 'ref-list') this.references(c);
      else if (c.name === 'ack') this.section(c, 'acknowledgements');
      else if (c.name === 'fn-group') for (const fn of childElements(c)) this.block(fn, 'footnotes');
      else if (c.name === 'app-group') for (const app of childElements(c)) this.section(app, 'appendix');
      else if (c.name === 'glossary') this.section(c, 'abbreviations');
      else if (c.name === 'sec') this.section(c);
      else if (c.name !== 'title' && c.name !== 'label') this.block(c, sectionName(c.name));
    }
  }

  references(list: XmlElement): void {
    for (const c of childElements(list)) {
      if (c.name === 'title') this.layout.add(textContent(c), 'references', true);
      else if (c.name === 'ref') this.layout.add(referenceText(c), 'references');
      else if (c.name === 'ref-list') this.references(c);
    }
  }
}

/** element-citation has no spaces between its parts; mixed-citation does */
function referenceText(ref: XmlElement): string {
  const parts: string[] = [];
  const walk = (n: XmlElement | string) => {
    if (!isElement(n)) parts.push(n);
    else { for (const c of n.children) walk(c); parts.push(' '); }
  };
  walk(ref);
  return parts.join('').replace(/\s+([.,;:])/g, '$1');
}

export function readJats(root: XmlElement): StructuredRecord[] {
  const meta = at(root, 'front', 'article-meta');
  const walker = new JatsWalker();
  walker.layout.add(textContent(at(meta, 'title-group', 'article-title'), NOT_INLINE), 'title', true);
  for (const abs of meta ? childElements(meta, 'abstract') : []) walker.abstract(abs);
  const body = at(root, 'body');
  if (body) for (const c of childElements(body)) c.name === 'sec' ? walker.section(c) : walker.block(c, 'body');
  const floats = at(root, 'floats-group') ?? at(root, 'floats-wrap');
  if (floats) for (const c of childElements(floats)) walker.block(c, 'body');
  const back = at(root, 'back');
  if (back) walker.back(back);
  const ids = new Map(descendants(meta ?? root, 'article-id').map((a) => [a.attrs['pub-id-type'], textContent(a).trim()]));
  const pmcNumber = (ids.get('pmc') ?? ids.get('pmcid'))?.replace(/^PMC/i, '');
  const pmcid = pmcNumber ? `PMC${pmcNumber}` : undefined;
  const pmid = ids.get('pmid') || undefined;
  const { text, outline } = walker.layout;
  return outline.length ? [{ id: pmcid ?? pmid ?? '', pmid, pmcid, text, outline }] : [];
}
