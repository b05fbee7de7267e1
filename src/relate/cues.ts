/** Negation and hedging cues, as data. Each is searched in a token window around the trigger. */

export interface Cue { id: string; words: string[] }

export const NEGATION_CUES: Cue[] = [
  { id: 'neg-not', words: ['not'] },
  { id: 'neg-no', words: ['no'] },
  { id: 'neg-failed', words: ['failed', 'to'] },
  { id: 'neg-fails', words: ['fails', 'to'] },
  { id: 'neg-unable', words: ['unable', 'to'] },
  { id: 'neg-cannot', words: ['cannot'] },
  { id: 'neg-neither', words: ['neither'] },
  { id: 'neg-without', words: ['without'] },
  { id: 'neg-independent', words: ['independent', 'of'] },
  { id: 'neg-lack', words: ['lack', 'of'] },
  { id: 'neg-absence', words: ['absence', 'of'] },
];

export const HEDGE_CUES: Cue[] = [
  { id: 'hedge-may', words: ['may'] },
  { id: 'hedge-might', words: ['might'] },
  { id: 'hedge-could', words: ['could'] },
  { id: 'hedge-suggest', words: ['suggest'] },
  { id: 'hedge-suggests', words: ['suggests'] },
  { id: 'hedge-suggested', words: ['suggested'] },
  { id: 'hedge-suggesting', words: ['suggesting'] },
  { id: 'hedge-potential', words: ['potential'] },
  { id: 'hedge-potentially', words: ['potentially'] },
  { id: 'hedge-possibly', words: ['possibly'] },
  { id: 'hedge-possible', words: ['possible'] },
  { id: 'hedge-likely', words: ['likely'] },
  { id: 'hedge-thought', words: ['thought', 'to'] },
  { id: 'hedge-believed', words: ['believed', 'to'] },
  { id: 'hedge-unclear', words: ['unclear'] },
  { id: 'hedge-hypothesized', words: ['hypothesized'] },
  { id: 'hedge-appears', words: ['appears', 'to'] },
  { id: 'hedge-putative', words: ['putative'] },
  { id: 'hedge-supposed', words: ['supposed', 'to'] },
];

/** Id of the first cue whose words occur consecutively in `words`, or undefined. */
export function findCue(words: string[], cues: Cue[]): string | undefined {
  const { byFirst } = indexOf(cues);
  // the first cue in table order that occurs, as a scan cue by cue would find it
  let best: Indexed | undefined;
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirst.get(words[i]);
    if (!candidates) continue;
    for (const c of candidates)
      if ((!best || c.order < best.order) && i + c.cue.words.length <= words.length && occursAt(words, i, c.cue.words)) best = c;
  }
  return best?.cue.id;
}

/** the cue's words are words[i...] */
function occursAt(words: string[], i: number, cue: string[]): boolean {
  for (let k = 0; k < cue.length; k++) if (words[i + k] !== cue[k]) return false;
  return true;
}

/**
 * Whether any cue's words occur consecutively in `words` (what the relate stage asks of every
 * sentence). A word is looked up only when its first character and length are those of some cue's
 * first word: most words are not, and a lookup would be the first to hash each fresh token.
 */
export function hasCue(words: string[], cues: Cue[]): boolean {
  const { shapes, byFirst } = indexOf(cues);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.length >= MAX_SHAPE_LENGTH || (shapes[w.charCodeAt(0) & 0x7f] & (1 << w.length)) === 0) continue;
    const candidates = byFirst.get(w);
    if (!candidates) continue;
    for (const c of candidates) if (i + c.cue.words.length <= words.length && occursAt(words, i, c.cue.words)) return true;
  }
  return false;
}

/** first words of up to 31 characters: their lengths as bits per first character (code mod 128) */
const MAX_SHAPE_LENGTH = 31;
interface Indexed { cue: Cue; order: number }
/** cues by first word (a window costs one Map lookup per word, not one pass per cue), and the first words' shapes */
interface CueIndex { shapes: Int32Array; byFirst: Map<string, Indexed[]> }
const cueIndex = new WeakMap<Cue[], CueIndex>();
function indexOf(cues: Cue[]): CueIndex {
  let index = cueIndex.get(cues);
  if (index) return index;
  index = { shapes: new Int32Array(128), byFirst: new Map() };
  cues.forEach((cue, order) => {
    const first = cue.words[0];
    if (first.length === 0 || first.length >= MAX_SHAPE_LENGTH) throw new Error(`cue ${cue.id}: first word of 1 to ${MAX_SHAPE_LENGTH - 1} characters`);
    index!.shapes[first.charCodeAt(0) & 0x7f] |= 1 << first.length;
    index!.byFirst.set(first, [...(index!.byFirst.get(first) ?? []), { cue, order }]);
  });
  cueIndex.set(cues, index);
  return index;
}
