/**
 * PubMed XML (the baseline/update files and efetch output): one PubmedArticleSet of many
 * PubmedArticle (or PubmedBookArticle) records. Each record becomes a document whose id is
 * its PMID and whose text is laid out as
 *   title
 *   LABEL: abstract section text      (one line per AbstractText; unlabelled ones without prefix)
 * one block per line (src/ingest/layout.ts). The first newline ends the title, so the
 * PubTator export splits title and abstract exactly where PubMed does.
 */
import { LayoutBuilder, uniqueIds, type StructuredRecord } from './layout.js';
import { at, childElements, descendants, textContent, type XmlElement } from './xml.js';


export const isPubmedXml = (root: XmlElement) => root.name === 'PubmedArticleSet' || PUBMED_RECORDS.has(root.name);

export const PUBMED_RECORDS: ReadonlySet<string> = new Set(['PubmedArticle', 'PubmedBookArticle']);

export function readPubmedRecord(record: XmlElement): StructuredRecord | undefined {
  const citation = at(record, 'MedlineCitation') ?? at(record, 'BookDocument');
  const pmid = textContent(at(citation, 'PMID')).trim();
  if (!pmid) return undefined;
  const article = at(citation, 'Article') ?? citation;
  const layout = new LayoutBuilder();
  // an empty ArticleTitle (non-English articles) leaves the vernacular title
  const title = ['ArticleTitle', 'BookTitle', 'VernacularTitle'].map((n) => textContent(at(article, n))).find((t) => t.trim());
  layout.add(title ?? '', 'title', true);
  const abstract = at(article, 'Abstract') ?? at(citation, 'Abstract');
  for (const part of abstract ? childElements(abstract, 'AbstractText') : []) {
    const label = (part.attrs.Label ?? '').trim();
    const body = textContent(part);
    layout.add(label && body.trim() ? `${label}: ${body}` : body, 'abstract');
  }
  if (!layout.outline.length) return undefined;
  const pmc = descendants(record, 'ArticleId').find((a) => a.attrs.IdType === 'pmc');
  const pmcid = pmc ? textContent(pmc).trim() : undefined;
  return { id: pmid, pmid, pmcid: pmcid || undefined, text: layout.text, outline: layout.outline };
}

/**
 * All records with a PMID and some text (those read while parsing first, see parseXml), ids
 * made unique within the file (PMID-2, PMID-3).
 */
export function readPubmedXml(root: XmlElement, streamed: StructuredRecord[] = []): StructuredRecord[] {
  const records = root.name === 'PubmedArticleSet' ? childElements(root).filter((e) => PUBMED_RECORDS.has(e.name)) : [root];
  return uniqueIds([...streamed, ...records.map(readPubmedRecord).filter((r): r is StructuredRecord => r !== undefined)]);
}
