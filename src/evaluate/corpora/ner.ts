/**
 * Readers for the NER corpora of `npm run eval:ner` (dev/eval only): each turns one corpus file
 * into documents with their text and gold mentions (span, type, identifiers). PubTator files use
 * title + one separator + abstract (the corpus offsets count in that layout); BC2GM counts
 * offsets over non-space characters; OSIRIS is inline XML; MutationFinder gives per-abstract
 * sets of point mutations without spans (`start` = `end` = -1 there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator, pubtatorMentions, pubtatorText } from '../../ingest/pubtator.ts';
import { splitIds } from './biored.ts';

export interface NerMention {
  start: number;
  end: number;
  text: string;
  type: string;
  /** gold identifiers: NCBI Gene ids, tmVar normalized forms, wNm point mutations; empty when none */
  ids: string[];
  /** other spans that count as this mention (BC2GM ALTGENE) */
  alternatives?: { start: number; end: number }[];
}

export interface NerDocument {
  id: string;
  text: string;
  mentions: NerMention[];
}

/** PubTator NER file; the identifier column keeps its first `;`-separated field (tmVar: `p|SUB|V|600|E;Gene:673;...`) */
export function parsePubtatorNer(content: string): NerDocument[] {
  return parsePubtator(content).map((d) => {
    const mentions: NerMention[] = pubtatorMentions(d).map((m) => {
      const cell = m.ids ?? '';
      return { start: m.start, end: m.end, text: m.text, type: m.type, ids: /\|/.test(cell) ? [cell.split(';')[0]] : splitIds(cell) };
    });
    return { id: d.pmid, text: pubtatorText(d), mentions };
  });
}

/** character offset of the n-th non-space character (BC2GM counts offsets without spaces) */
function spaceFreeIndex(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ') at.push(i);
  return at;
}

/** BC2GM: `SENTID text` lines and `SENTID|start end|mention` gold (GENE) and alternatives (ALTGENE) */
export function parseBc2gm(sentences: string, gene: string, altgene: string): NerDocument[] {
  const docs = new Map<string, NerDocument & { at: number[] }>();
  for (const line of sentences.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const text = line.slice(sp + 1);
    docs.set(line.slice(0, sp), { id: line.slice(0, sp), text, mentions: [], at: spaceFreeIndex(text) });
  }
  const spans = (content: string) => {
    const out: { doc: NerDocument & { at: number[] }; start: number; end: number }[] = [];
    for (const line of content.split('\n')) {
      const m = /^(\S+)\|(\d+) (\d+)\|/.exec(line);
      const doc = m && docs.get(m[1]);
      if (!m || !doc) continue;
      out.push({ doc, start: doc.at[Number(m[2])], end: doc.at[Number(m[3])] + 1 });
    }
    return out;
  };
  for (const g of spans(gene)) g.doc.mentions.push({ start: g.start, end: g.end, text: g.doc.text.slice(g.start, g.end), type: 'GENE', ids: [], alternatives: [] });
  for (const a of spans(altgene)) {
    const g = a.doc.mentions.find((m) => m.start < a.end && a.start < m.end);
    if (g) g.alternatives!.push({ start: a.start, end: a.end });
  }
  return [...docs.values()].map(({ at: _at, ...d }) => d);
}

export const loadBc2gm = (dir: string): NerDocument[] =>
  parseBc2gm(readFileSync(join(dir, 'test.in'), 'utf8'), readFileSync(join(dir, 'GENE.eval'), 'utf8'), readFileSync(join(dir, 'ALTGENE.eval'), 'utf8'));

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescape = (s: string) => s.replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]);

/**
 * OSIRIS v1.2 corpus.xml: inline `<gene>`/`<variant>` tags over title and abstract. Two
 * serialization artefacts of the XML are read back to the text the annotators saw:
 * - nested annotations are written one after the other with the shared text twice: the inner one
 *   first ("<gene>melanocortin-4 receptor</gene><gene>melanocortin-4 receptor gene</gene>"), or the
 *   outer one first and then its tail again, with the annotations inside it
 *   ("<variant>Ile/Val at CYP1A1 codon 462</variant><gene>CYP1A1</gene> codon 462 were",
 *   "<variant>… gene (TNFRII 196R)</variant> gene (<gene>TNFRII</gene> <variant>196R</variant>) has");
 *   the text is written once and every mention keeps its place in it;
 * - two annotations that touch lost the space between them ("<variant>C242T</variant><gene>CYBA</gene>",
 *   "<gene>Toll-like receptor 2</gene><variant>Arg677Trp</variant>" in titles): a space is put
 *   back when both sides are letters or digits and neither annotation holds the other.
 */
export function parseOsiris(xml: string): NerDocument[] {
  const docs: NerDocument[] = [];
  for (const art of xml.matchAll(/<Article>([\s\S]*?)<\/Article>/g)) {
    const pmid = /<Pmid>(\d+)<\/Pmid>/.exec(art[1])?.[1] ?? String(docs.length);
    const title = /<Title>([\s\S]*?)<\/Title>/.exec(art[1])?.[1] ?? '';
    const abstract = /<Abstract>([\s\S]*?)<\/Abstract>/.exec(art[1])?.[1] ?? '';
    let text = '';
    const mentions: NerMention[] = [];
    const add = (marked: string) => {
      const parts = [...marked.matchAll(/<(gene|variant)\b([^>]*)>([\s\S]*?)<\/\1>|([^<]+)/g)];
      const plainOf = (m: RegExpMatchArray) => unescape(m[4] ?? m[3].replace(/<[^>]+>/g, ''));
      // the previous part when it was an annotation: where its text starts, and the text itself
      let prev: { at: number; inner: string } | undefined;
      // inside the repeated tail of an outer annotation: where the repeat stands in the text, and how much is left
      let echo: { at: number; left: number } | undefined;
      for (let i = 0; i < parts.length; i++) {
        const m = parts[i];
        if (m[4] !== undefined) {
          let plain = plainOf(m);
          if (echo) {
            const n = Math.min(echo.left, plain.length);
            echo = echo.left > n ? { at: echo.at + n, left: echo.left - n } : undefined;
            plain = plain.slice(n);
          }
          text += plain;
          if (plain) prev = undefined;
          continue;
        }
        const inner = plainOf(m);
        let at: number;
        if (echo && inner.length <= echo.left) {
          at = echo.at;
          echo = echo.left > inner.length ? { at: echo.at + inner.length, left: echo.left - inner.length } : undefined;
        } else if (prev && inner.startsWith(prev.inner) && inner.length > prev.inner.length) {
          // the inner annotation came first: the outer one starts where it does
          text = text.slice(0, prev.at) + inner;
          at = prev.at;
        } else {
          echo = undefined;
          if (prev && /[A-Za-z0-9]$/.test(prev.inner) && /^[A-Za-z0-9]/.test(inner)) text += ' ';
          at = text.length;
          text += inner;
          echo = repeatedTail(inner, at, parts, i + 1, plainOf);
        }
        const norm = /v_norm="([^"]*)"/.exec(m[2])?.[1];
        // some spans carry a space at an edge ("C1431T "): the mention is the text without it
        const lead = inner.length - inner.trimStart().length, core = inner.trim();
        if (core) mentions.push({ start: at + lead, end: at + lead + core.length, text: core, type: m[1], ids: norm && norm !== 'null' ? [unescape(norm)] : [] });
        prev = { at, inner };
      }
    };
    add(title);
    text += ' ';
    add(abstract);
    docs.push({ id: pmid, text, mentions });
  }
  return docs;
}

/**
 * The tail of annotation `inner` (written at `at`) that the parts after it repeat, as the place the
 * repeat maps to and its length: right after it, another annotation must start the repeat
 * (`<variant>C1431T </variant><variant>1431T</variant>`); after plain text the repeat must be
 * longer than 6 characters and start at a word edge, so chance echoes ("… T" then " T") are not
 * taken for one.
 */
function repeatedTail(inner: string, at: number, parts: RegExpMatchArray[], from: number, plainOf: (m: RegExpMatchArray) => string): { at: number; left: number } | undefined {
  if (from >= parts.length) return undefined;
  const adjacent = parts[from][4] === undefined;
  let follow = '';
  for (let j = from; j < parts.length && follow.length < inner.length; j++) follow += plainOf(parts[j]);
  const word = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);
  for (let k = 1; k < inner.length; k++) {
    const tail = inner.slice(k);
    if (!follow.startsWith(tail)) continue;
    if (adjacent ? follow.startsWith(plainOf(parts[from])) && plainOf(parts[from]).length <= tail.length : tail.length > 6 && (!word(inner[k - 1]) || !word(inner[k]))) return { at: at + k, left: tail.length };
  }
  return undefined;
}

/** MutationFinder: `PMID\ttitle\tabstract` lines and `PMID\twNm\t…` gold lines (point mutations, no spans) */
export function parseMutationFinder(textFile: string, goldFile: string): NerDocument[] {
  const gold = new Map<string, string[]>();
  for (const line of goldFile.split('\n')) {
    const [pmid, ...muts] = line.trim().split('\t');
    if (pmid) gold.set(pmid, [...new Set(muts.filter(Boolean))]);
  }
  const docs: NerDocument[] = [];
  for (const line of textFile.split('\n')) {
    const [pmid, title, abstract] = line.split('\t');
    if (!pmid || title === undefined) continue;
    docs.push({ id: pmid, text: `${title} ${abstract ?? ''}`, mentions: (gold.get(pmid) ?? []).map((m) => ({ start: -1, end: -1, text: m, type: 'PointMutation', ids: [m] })) });
  }
  return docs;
}
