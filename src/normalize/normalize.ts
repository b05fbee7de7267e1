/**
 * normalize: original text → normalized text for matching, with an OffsetMap back to the
 * original. Repairs run in table order; each sees the output of the previous one.
 */
import { OffsetMap, type Edit } from './offset-map.js';
import { REPAIRS, type Repair } from './repairs.js';

export interface NormalizedText {
  /** the text the matchers see */
  text: string;
  map: OffsetMap;
  /** how many times each repair fired, for the manifest */
  repairs: Record<string, number>;
}

export function applyRepair(map: OffsetMap, repair: Repair): { map: OffsetMap; count: number } {
  // most texts hold none of most repairs' trigger characters: skip the regex pass and the map copy
  if (!repair.trigger.test(map.text)) return { map, count: 0 };
  const edits: Edit[] = [];
  const re = new RegExp(repair.pattern.source, repair.pattern.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(map.text))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const edit = repair.replace(m, map.text);
    if (edit) edits.push(edit);
  }
  return { map: edits.length ? map.apply(edits) : map, count: edits.length };
}

export function normalizeText(original: string, repairs: Repair[] = REPAIRS): NormalizedText {
  let map = OffsetMap.identity(original);
  const counts: Record<string, number> = {};
  for (const repair of repairs) {
    const result = applyRepair(map, repair);
    map = result.map;
    if (result.count) counts[repair.id] = result.count;
  }
  return { text: map.text, map, repairs: counts };
}
