/**
 * A span grounded to a gene family that is written as one member's official symbol: `CD8alpha` (learned tagger,
 * isoform letter dropped → FPLX:CD8) is CD8A, `IL-1a` is IL1A, `Tnfr-sf13c` (a learned span over the family
 * mention `Tnfr-sf`) is TNFRSF13C, `IL-15R alpha` is IL15RA. The family name plus a member's letter or number
 * names that member, not the family; the guidelines keep FamPlex ids for family mentions only. The spelling is
 * compacted (a Greek letter's name to its Latin letter, hyphens and spaces out, capitals) and must then be an
 * official symbol (`source` `symbol`), so `ERK1/2`, `p38` or `NF-kB` stay families. Runs before species
 * assignment, so a mouse passage's `CD8alpha` becomes mouse Cd8a through the ortholog map.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lexicon } from './dictionary.js';
import type { Mention } from './mention.js';
import { wholeTerm } from './learned/ground.js';
import { termKey } from './tokens.js';
import { GREEK_CHAR, GREEK_NAME } from './greek.js';

const FAMILY_NORM = /^(?:FPLX|HGNC\.FAMILY|IUPHAR\.FAMILY):/;

/** the spelling as an official symbol would be written (`IL-15R alpha` → IL15RA), or undefined when it has other characters */
export function compactSymbol(surface: string): string | undefined {
  const s = surface.replace(/(alpha|beta|gamma|delta|kappa)(?![a-z])/gi, (g) => GREEK_NAME[g.toLowerCase()]).replace(/[αβγδκ]/g, (g) => GREEK_CHAR[g]).replace(/[-\s]/g, '').toUpperCase();
  return /^[A-Z][A-Z0-9]+$/.test(s) ? s : undefined;
}

/** Regrounds family-normed gene mentions written as a member's official symbol (mutates and returns `mentions`). */
export function groundFamilyMemberSymbols(text: string, mentions: Mention[], lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'gene' || !FAMILY_NORM.test(m.norm)) continue;
    const compact = compactSymbol(text.slice(m.start, m.end));
    if (!compact) continue;
    const e = wholeTerm(compact, lexicon);
    if (!e || e === 'not-gene' || e.source !== 'symbol' || !e.norm.startsWith('NCBIGene:')) continue;
    m.source = `${m.source}|family:${m.norm}|member-symbol`;
    m.norm = e.norm; m.name = e.name;
  }
  return mentions;
}

export interface FamilyMembers {
  /** FamPlex family → its human member genes' NCBI ids */
  members: Map<string, Set<string>>;
  /** `<family>\t<termKey of a member's symbol, alias or previous symbol>` → the members of that name */
  byName: Map<string, string[]>;
}

const memberCache = new Map<string, FamilyMembers>();
/** dictionaries/family-members.tsv (family, id, symbol, names), read on first use; empty when the file is absent */
export function familyMembers(file: string): FamilyMembers {
  let out = memberCache.get(file);
  if (out) return out;
  out = { members: new Map(), byName: new Map() };
  memberCache.set(file, out);
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('family\t')) continue;
    const [family, id, , names] = line.split('\t');
    let ids = out.members.get(family);
    if (!ids) out.members.set(family, (ids = new Set()));
    ids.add(id);
    for (const k of new Set(names.split('|').map(termKey))) {
      const key = `${family}\t${k}`;
      out.byName.set(key, [...(out.byName.get(key) ?? []), id]);
    }
  }
  return out;
}

/**
 * The one human member of `family` that `surface` names (`NF-kB` is an alias of NFKB1, a member of FPLX:NFkappaB;
 * `ERK` of MAPK1 in FPLX:ERK; `TGF-beta` compacted is TGFB, an alias of TGFB1); undefined when no member or several
 * do (`PI3K`: four catalytic subunits).
 */
export function memberNamed(fm: FamilyMembers, family: string, surface: string): string | undefined {
  let ids = fm.byName.get(`${family}\t${termKey(surface)}`);
  // written the way the member's name is written once compacted (`TGF-beta`, `TGF-β` → TGFB, an alias of TGFB1)
  const compact = compactSymbol(surface);
  if (!ids && compact) ids = fm.byName.get(`${family}\t${termKey(compact)}`);
  return ids?.length === 1 ? ids[0] : undefined;
}

/** a phosphorylated form's prefix (`pERK`, `p-ERK1/2`, `phospho-Akt`): the protein named is the one after it */
const PHOSPHO = /^(?:phospho-?|p-?(?=[A-Z]))/;
/** two members written as one name and two indices (`ERK1/2`, `MEK 1/2`, `Smad2/3`) */
const PAIR = /^(.*?[A-Za-z])[\s-]?(\d+)\/(\d+)$/;

/**
 * The human member a family mention names in a rodent passage (species.ts): its own name (memberNamed), the name
 * after a phospho prefix (`pERK` is ERK: MAPK1), or, for two members written as a pair (`ERK1/2`: MAPK3 and MAPK1),
 * the first of the two, when both indices name members of the family (one id per mention; the pair's gold lists both).
 * Chosen on NLM-Gene, BioRED and GNormPlus Train.
 */
export function memberWritten(fm: FamilyMembers, family: string, surface: string): string | undefined {
  const bare = surface.replace(PHOSPHO, '');
  const named = memberNamed(fm, family, surface) ?? (bare !== surface ? memberNamed(fm, family, bare) : undefined);
  if (named) return named;
  const pair = PAIR.exec(bare);
  if (!pair) return undefined;
  const first = memberNamed(fm, family, pair[1] + pair[2]);
  return first && memberNamed(fm, family, pair[1] + pair[3]) ? first : undefined;
}

/** whether the human gene is a member of the family; true for families the file does not list (HGNC and GtoPdb groups) */
export function mayBeMember(fm: FamilyMembers, family: string, humanId: string | undefined): boolean {
  const ids = fm.members.get(family);
  return !ids || (!!humanId && ids.has(humanId));
}

/**
 * The member of `family` a passage names as a gene of its own: a family mention no name grounds ("melatonin receptors"
 * beside `MTNR1A` in a mouse passage, "protein kinase A" beside `Prkaca`) means the first gene mention (in text order, not itself a regrounded family)
 * whose human gene, by `humanOf`, is a member of the family; undefined when no such mention. The corpora give such a
 * mention the member's id (the pair's gold lists both members when two are named, so the first fits). Chosen on
 * NLM-Gene, BioRED and GNormPlus Train (the first of several members: NLM-Gene +14 right ids over one member only).
 */
export function memberNamedInDocument(fm: FamilyMembers, family: string, mentions: Mention[], humanOf: (m: Mention) => string | undefined): Mention | undefined {
  const ids = fm.members.get(family);
  if (!ids) return undefined;
  for (const x of mentions) {
    if (x.type !== 'gene' || !x.norm.startsWith('NCBIGene:') || x.source.includes('|family:')) continue;
    const human = humanOf(x);
    if (human && ids.has(human)) return x;
  }
  return undefined;
}
