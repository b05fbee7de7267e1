/**
 * Feature names built once and reused: `name1('b:', 'inhibit')` returns the same string object
 * every time it is asked for "b:inhibit". A fresh string has to be copied flat and hashed before
 * the dedupe Set and the model's weight Map can use it, and that was most of the classifier's
 * time; a reused one carries its hash. The parts are themselves reused strings (memoized stems,
 * constant prefixes), so the lookups are cheap. Bounded: past MAX_NAMES, names are built fresh.
 */
const MAX_NAMES = 400_000;
let size = 0;

type Level<T> = Map<string, T>;
const one: Level<Level<string>> = new Map();
const two: Level<Level<Level<Level<string>>>> = new Map();
const three: Level<Level<Level<Level<string>>>> = new Map();

function below<T>(m: Level<Level<T>>, k: string): Level<T> {
  let v = m.get(k);
  if (v === undefined) { v = new Map(); m.set(k, v); }
  return v;
}

function kept(m: Level<string>, k: string, s: string): string {
  if (size < MAX_NAMES) { m.set(k, s); size++; }
  return s;
}

/** prefix + a */
export function name1(prefix: string, a: string): string {
  const m = below(one, prefix);
  return m.get(a) ?? kept(m, a, prefix + a);
}

/** prefix + a + sep + b */
export function name2(prefix: string, a: string, sep: string, b: string): string {
  const m = below(below(below(two, prefix), sep), a);
  return m.get(b) ?? kept(m, b, prefix + a + sep + b);
}

/** prefix + a + '_' + b + '_' + c */
export function name3(prefix: string, a: string, b: string, c: string): string {
  const m = below(below(below(three, prefix), a), b);
  return m.get(c) ?? kept(m, c, `${prefix}${a}_${b}_${c}`);
}
