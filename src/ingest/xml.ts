/**
 * A small XML element tree built with saxes (a strict, well-formedness-checking parser), so
 * the PubMed, BioC and JATS readers walk elements instead of handling parser events. Mixed
 * content (text interleaved with <italic>, <sup>, <xref>) stays in document order.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const isElement = (n: XmlNode): n is XmlElement => typeof n !== 'string';

/**
 * Parses a whole XML document; throws an Error with line and column when it is not well formed.
 * `onRecord` sees each child of the root element as it closes; when it returns true the child
 * is not kept in the tree, so a file of 30,000 PubMed records never holds them all as elements.
 */
export function parseXml(text: string, onRecord?: (root: XmlElement, child: XmlElement) => boolean): XmlElement {
  const tree = xmlTree(onRecord);
  tree.parser.write(text);
  return tree.finish();
}

/**
 * The tree builder behind parseXml, for text that arrives in chunks (a gunzip stream): write
 * chunks to `parser` (its `position`, read in the callbacks, is the index just past the tag in
 * the text written so far), then `finish`. `onOpen` sees each element opened, at depth 1 for the root.
 */
export function xmlTree(
  onRecord?: (root: XmlElement, child: XmlElement) => boolean,
  onOpen?: (el: XmlElement, depth: number) => void,
): { parser: SaxesParser; finish: () => XmlElement } {
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (e) => { failure ??= e; });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
    onOpen?.(el, stack.length - 1);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    if (onRecord && stack.length === 2 && !failure && onRecord(stack[1], el)) stack[1].children.pop();
  });
  const onText = (t: string) => { if (stack.length > 1) stack[stack.length - 1].children.push(t); };
  parser.on('text', onText);
  parser.on('cdata', onText);
  const finish = () => {
    parser.close();
    if (failure) throw failure;
    const top = root.children.find(isElement);
    if (!top) throw new Error('no root element');
    return top;
  };
  return { parser, finish };
}

export const childElements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));

export const firstChild = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c): c is XmlElement => isElement(c) && c.name === name);

/** The element at a path of child names (first match at each step). */
export function at(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = firstChild(cur, n);
  return cur;
}

/** Every descendant element with this name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** Text content in document order, skipping the subtrees of elements named in `skip`. */
export function textContent(el: XmlNode | undefined, skip: ReadonlySet<string> = new Set()): string {
  if (el === undefined) return '';
  if (!isElement(el)) return el;
  if (skip.has(el.name)) return '';
  return el.children.map((c) => textContent(c, skip)).join('');
}

/** Runs of whitespace (newlines included) become one space: a block of the layout is one line. */
export const collapseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();
