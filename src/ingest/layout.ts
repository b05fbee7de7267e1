/**
 * The text layout of structured documents (PubMed XML, BioC, JATS): one block per line
 * (title, abstract section, heading, paragraph, caption, reference), blocks joined by one
 * newline. The outline records each block's range in that text, its section and whether it
 * is a heading, so segment uses the document's own structure instead of guessing headings.
 */
import type { GivenEntity } from '../tag/given-entities.js';

export interface OutlineBlock {
  /** offsets into the document text (end exclusive) */
  start: number;
  end: number;
  /** section the block belongs to: title, abstract, introduction, methods, results, ... */
  section: string;
  /** a title or heading: one sentence, never split */
  heading: boolean;
}

export class LayoutBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly outline: OutlineBlock[] = [];

  /** Appends one block (whitespace collapsed, empty blocks dropped); returns its range or undefined. */
  add(text: string, section: string, heading = false): OutlineBlock | undefined {
    const line = text.replace(/\s+/g, ' ').trim();
    if (!line) return undefined;
    if (this.parts.length) { this.parts.push('\n'); this.length += 1; }
    const block = { start: this.length, end: this.length + line.length, section, heading };
    this.parts.push(line);
    this.length += line.length;
    this.outline.push(block);
    return block;
  }

  /** Places a block at a given offset (BioC passages keep their offsets); gaps become newlines. */
  addAt(offset: number, text: string, section: string, heading = false): OutlineBlock | undefined {
    if (!text.trim()) return undefined;
    if (offset < this.length + (this.parts.length ? 1 : 0)) return undefined;
    if (offset > this.length) { this.parts.push('\n'.repeat(offset - this.length)); this.length = offset; }
    // leading/trailing spaces belong to the passage; the block range covers the trimmed text
    const lead = text.length - text.trimStart().length;
    const block = { start: offset + lead, end: offset + text.trimEnd().length, section, heading };
    this.parts.push(text);
    this.length += text.length;
    this.outline.push(block);
    return block;
  }

  get text(): string { return this.parts.join(''); }
}

/** What a structured reader (PubMed XML, BioC, JATS) returns for one record. */
export interface StructuredRecord {
  id: string;
  pmid?: string;
  pmcid?: string;
  text: string;
  outline: OutlineBlock[];
  /** entity annotations the file carries (BioC), in text coordinates */
  entities?: GivenEntity[];
}

/** A file may repeat an id (PubMed update files revise a record): later ones get -2, -3. */
export function uniqueIds<T extends { id: string }>(docs: T[]): T[] {
  const seen = new Map<string, number>();
  return docs.map((d) => {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    return n === 1 ? d : { ...d, id: `${d.id}-${n}` };
  });
}
