/**
 * What scripts/tag-speed.ts and scripts/tag-profile.ts run the tag stage on: a checkout's own tag
 * functions and lexicon, and the bench's 3 MB base set of held-out abstracts, normalized and
 * segmented as the pipeline does (written to `work`, which the caller removes).
 */
import path from 'node:path';

export interface TagDoc { text: string; sentences: { start: number; end: number; skip?: boolean }[] }

export async function tagInputs(root: string, shared: string, work: string) {
  const src = (f: string) => import(path.join(root, 'src', f));
  const { loadBenchText, readSetTexts, writeAbstractSet } = await src('bench/abstracts.ts');
  const { DICTIONARY_DIR, buildLexicon } = await src('tag/dictionary.ts');
  const { normalizeText } = await src('normalize/normalize.ts');
  const { segmentText } = await src('segment/segment.ts');
  const { tagEntities } = await src('tag/tag-entities.ts');
  const { tagDrugClasses } = await src('tag/drug-classes.ts');
  const text = loadBenchText(path.resolve(shared));
  const base = writeAbstractSet(path.join(work, 'base'), text.abstracts, 3e6);
  const texts: string[] = readSetTexts(base.dir);
  const lexicon = buildLexicon(DICTIONARY_DIR);
  const docs: TagDoc[] = texts.map((t) => { const n = normalizeText(t); return { text: n.text as string, sentences: segmentText(n.text) }; });
  const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  /** the tag stage over every document: tagEntities, then drug classes */
  const tagAll = () => { for (const d of docs) tagDrugClasses(d.text, d.sentences, tagEntities(d.text, d.sentences, lexicon), lexicon); };
  return { src, lexicon, docs, mb, tagAll };
}
