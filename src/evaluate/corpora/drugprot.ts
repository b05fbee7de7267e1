/**
 * DrugProt corpus (BioCreative VII track 1, BioC XML) reader and relation matcher. Dev/eval use
 * only; `loadDrugprot` is the single place that reads a file.
 *
 * The parser is dependency-free string scanning: `<document>` blocks, their `<passage>`s
 * (`<offset>` + `<text>`; when a passage carries no text of its own, its `<sentence>` texts at
 * their offsets), `<annotation>`s (type CHEMICAL / GENE-Y / GENE-N, one or more `<location>`s in
 * document coordinates) and `<relation>`s (a type and two `<node refid role>`: head/tail or
 * Arg1/Arg2), wherever they sit (document, passage or sentence level). Each document's text puts
 * every passage at its offset and fills gaps with spaces, so annotation offsets index it directly.
 * A trailing document without `</document>` (truncated file) is skipped and counted.
 *
 * The matcher compares our drug–gene triples, mapped to DrugProt classes by predicate and trigger
 * (`drugprotClass` in src/relate/predicates.ts), with the gold relations: same document,
 * overlapping chemical span, overlapping gene span, equal class; one-to-one. `coarseClass` folds
 * AGONIST* / ANTAGONIST into ACTIVATOR / INHIBITOR (apply it to both sides for the coarse view).
 */
import { readFileSync } from 'node:fs';

export interface Span { start: number; end: number }

export interface BiocAnnotation {
  id: string;
  type: string; // CHEMICAL | GENE-Y | GENE-N
  identifier: string;
  /** locations in document coordinates (usually one) */
  spans: Span[];
  /** overall extent: first start, last end */
  start: number;
  end: number;
  text: string;
}

export interface BiocRelation {
  type: string;
  /** [role, refid] in document order */
  nodes: { refid: string; role: string }[];
}

export interface BiocSentence { start: number; end: number; text: string }

export interface DrugprotRelation {
  type: string;
  chemical: BiocAnnotation;
  gene: BiocAnnotation;
}

export interface DrugprotDocument {
  id: string;
  text: string;
  sentences: BiocSentence[];
  annotations: BiocAnnotation[];
  relations: DrugprotRelation[];
  /** relations whose nodes could not be resolved to one CHEMICAL and one GENE annotation */
  unresolved: number;
}

export interface DrugprotCorpus {
  documents: DrugprotDocument[];
  /** documents cut off by the end of the file (no closing tag) */
  truncated: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** All `<tag ...>inner</tag>` blocks of `xml` (not nested in themselves), with their open-tag attributes. */
function blocks(xml: string, tag: string): { attrs: string; inner: string; closed: boolean }[] {
  const out: { attrs: string; inner: string; closed: boolean }[] = [];
  const open = `<${tag}`, close = `</${tag}>`;
  let i = 0;
  for (;;) {
    let s = xml.indexOf(open, i);
    // the next character must end the tag name
    while (s >= 0 && !/[\s>/]/.test(xml[s + open.length] ?? '')) s = xml.indexOf(open, s + 1);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (gt < 0) { out.push({ attrs: xml.slice(s + open.length), inner: '', closed: false }); break; }
    const attrs = xml.slice(s + open.length, gt);
    if (attrs.endsWith('/')) { out.push({ attrs: attrs.slice(0, -1), inner: '', closed: true }); i = gt + 1; continue; }
    const e = xml.indexOf(close, gt + 1);
    if (e < 0) { out.push({ attrs, inner: xml.slice(gt + 1), closed: false }); break; }
    out.push({ attrs, inner: xml.slice(gt + 1, e), closed: true });
    i = e + close.length;
  }
  return out;
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s{0,4}=\\s{0,4}(?:"([^"]{0,2000})"|'([^']{0,2000})')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
};

/** inner text of the first `<tag>` element (decoded) */
function child(xml: string, tag: string): string | undefined {
  const b = blocks(xml, tag)[0];
  return b && b.closed ? decodeXml(b.inner) : undefined;
}

function infons(xml: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of blocks(xml, 'infon')) {
    const k = attr(b.attrs, 'key');
    if (k !== undefined && !m.has(k)) m.set(k, decodeXml(b.inner));
  }
  return m;
}

/** the part of a passage/sentence before its first nested element of the given kinds */
function head(xml: string, tags: string[]): string {
  let cut = xml.length;
  for (const t of tags) {
    const re = new RegExp(`<${t}[\\s>/]`);
    const m = re.exec(xml);
    if (m && m.index < cut) cut = m.index;
  }
  return xml.slice(0, cut);
}

const isGene = (type: string) => type.startsWith('GENE');
const isChemical = (type: string) => type === 'CHEMICAL';

function parseDocument(xml: string): DrugprotDocument {
  const id = child(head(xml, ['passage', 'annotation', 'relation']), 'id') ?? '';
  // text: passages at their offsets; a passage without text contributes its sentences
  const pieces: { offset: number; text: string }[] = [];
  const sentences: BiocSentence[] = [];
  for (const p of blocks(xml, 'passage')) {
    const own = head(p.inner, ['sentence', 'annotation', 'relation']);
    const offset = Number(child(own, 'offset') ?? '0');
    const text = child(own, 'text');
    const sents = blocks(p.inner, 'sentence').map((s) => {
      const h = head(s.inner, ['annotation', 'relation']);
      const so = Number(child(h, 'offset') ?? String(offset));
      const st = child(h, 'text') ?? '';
      return { start: so, end: so + st.length, text: st };
    });
    sentences.push(...sents);
    if (text !== undefined) pieces.push({ offset, text });
    else for (const s of sents) pieces.push({ offset: s.start, text: s.text });
  }
  pieces.sort((a, b) => a.offset - b.offset);
  let text = '';
  for (const p of pieces) {
    if (p.offset > text.length) text += ' '.repeat(p.offset - text.length);
    // overlapping pieces (should not happen): keep the earlier text, append the rest
    text = p.offset < text.length ? text + p.text.slice(text.length - p.offset) : text + p.text;
  }
  const annotations: BiocAnnotation[] = blocks(xml, 'annotation').filter((a) => a.closed).map((a) => {
    const inf = infons(a.inner);
    const spans = blocks(a.inner, 'location')
      .map((l) => ({ start: Number(attr(l.attrs, 'offset')), len: Number(attr(l.attrs, 'length')) }))
      .filter((l) => Number.isInteger(l.start) && Number.isInteger(l.len))
      .map((l) => ({ start: l.start, end: l.start + l.len }))
      .sort((x, y) => x.start - y.start);
    return {
      id: attr(a.attrs, 'id') ?? '',
      type: inf.get('type') ?? '',
      identifier: inf.get('identifier') ?? '',
      spans,
      start: spans.length ? spans[0].start : 0,
      end: spans.length ? Math.max(...spans.map((s) => s.end)) : 0,
      text: child(a.inner, 'text') ?? '',
    };
  }).filter((a) => a.spans.length > 0);
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const relations: DrugprotRelation[] = [];
  let unresolved = 0;
  for (const r of blocks(xml, 'relation')) {
    if (!r.closed) continue;
    const type = infons(r.inner).get('type') ?? '';
    const nodes = blocks(r.inner, 'node').map((n) => ({ refid: attr(n.attrs, 'refid') ?? '', role: attr(n.attrs, 'role') ?? '' }));
    const args = nodes.map((n) => byId.get(n.refid)).filter((a): a is BiocAnnotation => !!a);
    const chemical = args.find((a) => isChemical(a.type));
    const gene = args.find((a) => isGene(a.type));
    if (!type || !chemical || !gene || args.length !== 2) { unresolved++; continue; }
    relations.push({ type, chemical, gene });
  }
  relations.sort((a, b) => a.chemical.start - b.chemical.start || a.gene.start - b.gene.start || a.type.localeCompare(b.type));
  sentences.sort((a, b) => a.start - b.start);
  return { id, text, sentences, annotations, relations, unresolved };
}

export function parseDrugprot(content: string): DrugprotCorpus {
  const documents: DrugprotDocument[] = [];
  let truncated = 0;
  for (const d of blocks(content, 'document')) {
    if (!d.closed) { truncated++; continue; }
    documents.push(parseDocument(d.inner));
  }
  return { documents, truncated };
}

export const loadDrugprot = (path: string): DrugprotCorpus => parseDrugprot(readFileSync(path, 'utf8'));

/** annotations whose offsets do not point at their text (offset convention check) */
export const misaligned = (d: DrugprotDocument): BiocAnnotation[] =>
  d.annotations.filter((a) => a.spans.length === 1 && d.text.slice(a.start, a.end) !== a.text);

// ---------------------------------------------------------------------------------------------
// matching

/** DrugProt gold class → coarse class (agonists activate, antagonists inhibit) */
export function coarseClass(type: string): string {
  if (type === 'AGONIST-INHIBITOR' || type === 'ANTAGONIST') return 'INHIBITOR';
  if (type === 'AGONIST' || type === 'AGONIST-ACTIVATOR') return 'ACTIVATOR';
  return type;
}

export interface PredRelation {
  doc: string;
  cls: string;
  drug: Span & { text: string };
  gene: Span & { text: string };
  predicate: string;
  rule: string;
  trigger: string;
  sentence: string;
}

export interface GoldRelation {
  doc: string;
  cls: string;
  chemical: Span & { text: string; spans?: Span[] };
  gene: Span & { text: string; spans?: Span[] };
}

const overlaps = (a: Span & { spans?: Span[] }, b: Span): boolean =>
  (a.spans && a.spans.length > 1 ? a.spans : [a]).some((s) => s.start < b.end && b.start < s.end);

export const pairMatches = (p: PredRelation, g: GoldRelation): boolean =>
  p.doc === g.doc && overlaps(g.chemical, p.drug) && overlaps(g.gene, p.gene);

export interface Counts { tp: number; fp: number; fn: number }

export interface MatchResult {
  /** index of the matched gold relation per prediction, or -1 */
  predToGold: number[];
  /** index of the matched prediction per gold relation, or -1 */
  goldToPred: number[];
}

/**
 * One-to-one matching by class and overlapping arguments, greedy in input order (predictions
 * prefer the gold relation whose spans overlap most tightly, i.e. the first in text order).
 */
export function matchRelations(pred: PredRelation[], gold: GoldRelation[], classOf: (g: GoldRelation) => string = (g) => g.cls): MatchResult {
  const predToGold = pred.map(() => -1);
  const goldToPred = gold.map(() => -1);
  const byDoc = new Map<string, number[]>();
  gold.forEach((g, i) => { const l = byDoc.get(g.doc) ?? []; l.push(i); byDoc.set(g.doc, l); });
  pred.forEach((p, pi) => {
    for (const gi of byDoc.get(p.doc) ?? []) {
      if (goldToPred[gi] >= 0 || classOf(gold[gi]) !== p.cls || !pairMatches(p, gold[gi])) continue;
      predToGold[pi] = gi;
      goldToPred[gi] = pi;
      break;
    }
  });
  return { predToGold, goldToPred };
}

export function countsOf(m: MatchResult): Counts {
  const tp = m.predToGold.filter((g) => g >= 0).length;
  return { tp, fp: m.predToGold.length - tp, fn: m.goldToPred.filter((p) => p < 0).length };
}

/** per-class counts: predictions by their class, gold by classOf */
export function perClass(pred: PredRelation[], gold: GoldRelation[], m: MatchResult, classOf: (g: GoldRelation) => string = (g) => g.cls): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const get = (c: string) => { let x = out.get(c); if (!x) { x = { tp: 0, fp: 0, fn: 0 }; out.set(c, x); } return x; };
  pred.forEach((p, i) => { if (m.predToGold[i] >= 0) get(p.cls).tp++; else get(p.cls).fp++; });
  gold.forEach((g, i) => { if (m.goldToPred[i] < 0) get(classOf(g)).fn++; });
  return out;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

export const toGold = (d: DrugprotDocument): GoldRelation[] =>
  d.relations.map((r) => ({
    doc: d.id,
    cls: r.type,
    chemical: { start: r.chemical.start, end: r.chemical.end, text: r.chemical.text, spans: r.chemical.spans },
    gene: { start: r.gene.start, end: r.gene.end, text: r.gene.text, spans: r.gene.spans },
  }));
