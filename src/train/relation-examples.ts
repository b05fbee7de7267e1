/**
 * Labelled candidate pairs from a corpus with gold entities and relations (DrugProt): each
 * document runs through the pipeline's own normalize → segment stages, the gold entities become
 * the mentions (`givenMentions`, as `--entities given` does), the rules run, and every candidate
 * pair the model covers gets the features inference computes and the gold class (or `none`).
 * Training and inference share every step but the label.
 */
import type { DrugprotDocument } from '../evaluate/corpora/drugprot.js';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { givenMentions, type GivenEntity } from '../tag/given-entities.js';
import type { Mention } from '../tag/mention.js';
import { ruleRelations } from '../relate/relate.js';
import { viewSentence } from '../relate/sentence-view.js';
import { candidatePairs, type Candidate, type RelationModelFile } from '../relate/classifier/relation-model.js';

export interface Example {
  doc: string;
  label: string;
  features: string[];
  /** the rules' votes, for measuring each rule against the model */
  votes: Candidate['votes'];
}

/** DrugProt classes too rare to learn fold into their nearest class */
export const FOLD: Record<string, string> = { 'AGONIST-ACTIVATOR': 'AGONIST', 'AGONIST-INHIBITOR': 'AGONIST', 'SUBSTRATE_PRODUCT-OF': 'SUBSTRATE' };

/** gold entities of a DrugProt document as given entities, each norm unique to its annotation */
export function drugprotEntities(d: DrugprotDocument): GivenEntity[] {
  return d.annotations.map((a) => ({
    start: a.start, end: a.end, type: a.type === 'CHEMICAL' ? 'chemical' as const : 'gene' as const,
    norm: `${d.id}:${a.id}`, name: a.text, source: `gold:${a.type}`,
  }));
}

export interface DocumentExamples { examples: Example[]; goldPairs: number; lostPairs: number }

export function documentExamples(d: DrugprotDocument, covers: RelationModelFile['covers']): DocumentExamples {
  const normalized = normalizeText(d.text);
  const sentences = segmentText(normalized.text);
  const { mentions } = givenMentions(normalized.map, sentences, drugprotEntities(d));
  const gold = new Map<string, string>();
  for (const r of d.relations) {
    const key = `${d.id}:${r.chemical.id}|${d.id}:${r.gene.id}`;
    const cls = FOLD[r.type] ?? r.type;
    // a pair with two classes keeps the first in class order (one label per pair)
    if (!gold.has(key) || cls < gold.get(key)!) gold.set(key, cls);
  }
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) { const l = bySentence.get(m.sentence) ?? []; l.push(m); bySentence.set(m.sentence, l); }
  const examples: Example[] = [];
  const found = new Set<string>();
  for (const s of sentences) {
    const ms = bySentence.get(s.index);
    if (!ms || ms.length < 2) continue;
    const view = viewSentence(normalized.text, s.start, s.end, ms);
    const findings = s.skip ? [] : ruleRelations(normalized.text, s, view);
    for (const c of candidatePairs(view, covers, findings)) {
      const key = `${c.x.mention.norm}|${c.y.mention.norm}`;
      const label = gold.get(key) ?? 'none';
      if (label !== 'none') found.add(key);
      examples.push({ doc: d.id, label, features: c.features, votes: c.votes });
    }
  }
  return { examples, goldPairs: gold.size, lostPairs: [...gold.keys()].filter((k) => !found.has(k)).length };
}
