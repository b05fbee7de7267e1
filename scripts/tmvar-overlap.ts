/**
 * `npx tsx scripts/tmvar-overlap.ts [eval-root]`: how the old tmVar training file relates to tmVar3's
 * train and test parts (dev only; skips cleanly when ../shared/eval is absent). For each tmVar3 part:
 * the abstracts it shares with the old file by PMID, how many have the same text, and the variant
 * mentions (exact spans) only one of the two annotates on those texts. It shows what the gap between
 * the in-sample `tmVar train` row and the `tmVar3` rows of `npm run eval:ner` is made of.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePubtatorNer, type NerDocument } from '../src/evaluate/corpora/ner.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.argv[2] ?? resolve(ROOT, '../shared/eval'));
const TYPES = new Set(['ProteinMutation', 'DNAMutation', 'SNP', 'AcidChange', 'OtherMutation']);
const files = { old: 'tmvar/train.PubTator.txt', train: 'ner/tmVar3_Train.PubTator', test: 'ner/tmVar3_Test.PubTator' };
const missing = Object.values(files).find((f) => !existsSync(resolve(root, f)));
if (missing) {
  console.log(`tmvar-overlap: ${resolve(root, missing)} not found (skipped)`);
} else {
  const load = (f: string) => new Map(parsePubtatorNer(readFileSync(resolve(root, f), 'utf8')).map((d) => [d.id, d] as const));
  const spans = (d: NerDocument) => new Set(d.mentions.filter((m) => TYPES.has(m.type)).map((m) => `${m.start}-${m.end}`));
  const old = load(files.old);
  console.log(`tmVar train (old guideline): ${old.size} abstracts`);
  for (const part of ['train', 'test'] as const) {
    const docs = load(files[part]);
    let shared = 0, same = 0, onlyOld = 0, onlyNew = 0, mentions = 0;
    for (const [id, d] of docs) {
      const o = old.get(id);
      if (!o) continue;
      shared++;
      if (o.text !== d.text) continue;
      same++;
      const a = spans(o), b = spans(d);
      mentions += b.size;
      for (const s of a) if (!b.has(s)) onlyOld++;
      for (const s of b) if (!a.has(s)) onlyNew++;
    }
    console.log(`tmVar3 ${part}: ${docs.size} abstracts, ${shared} in tmVar train, ${same} with the same text; on those, ${mentions} tmVar3 mentions, ${onlyNew} only in tmVar3, ${onlyOld} only in tmVar train`);
  }
}
