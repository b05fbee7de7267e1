/**
 * Section names for structured documents: a heading title, a JATS sec-type or a BioC
 * section_type becomes one of a few canonical names, which segment's out-of-scope list
 * (src/segment/sections.ts) recognises where it should (references, acknowledgements, ...).
 * Titles that match nothing stay as their lower-case text, as Markdown headings do.
 */
const BY_TITLE: [RegExp, string][] = [
  [/\b(references?|bibliography|literature cited)\b/, 'references'],
  [/\backnowledge?ments?\b/, 'acknowledgements'],
  [/\bfunding\b/, 'funding'],
  [/\b(competing|conflicts? of) interests?\b/, 'competing interests'],
  [/\bauthor('?s)? contributions?\b/, 'author contributions'],
  [/\bsupplementary|supporting information\b/, 'supplementary material'],
  [/\babbreviations\b/, 'abbreviations'],
  [/\b(intro(duction)?|background)\b/, 'introduction'],
  [/\b(methods?|materials|methodology|experimental procedures?|study design)\b/, 'methods'],
  [/\bresults?\b/, 'results'],
  [/\bdiscussion\b/, 'discussion'],
  [/\bconclusions?\b/, 'conclusion'],
];

/** Canonical name of a section from its title or JATS sec-type ('materials|methods'). */
export function sectionName(title: string, secType = ''): string {
  const key = `${secType.replace(/[|_]/g, ' ')} ${title}`.toLowerCase().replace(/^[\s\d.ivx]+(?=[a-z])/, '').trim();
  for (const [re, name] of BY_TITLE) if (re.test(key)) return name;
  return title.toLowerCase().replace(/^[\s\d.]+/, '').replace(/\s+/g, ' ').trim();
}

/** BioC `section_type` infons (PMC BioC) → canonical names; unknown types go through sectionName. */
const BIOC_SECTION: Record<string, string> = {
  TITLE: 'title', ABSTRACT: 'abstract', INTRO: 'introduction', METHODS: 'methods', RESULTS: 'results',
  DISCUSS: 'discussion', CONCL: 'conclusion', FIG: 'figure', TABLE: 'table', REF: 'references',
  ACK_FUND: 'acknowledgements', AUTH_CONT: 'author contributions', COMP_INT: 'competing interests',
  SUPPL: 'supplementary material', ABBR: 'abbreviations', APPENDIX: 'appendix', CASE: 'case report',
  REVIEW_INFO: 'review info', KEYWORD: 'keywords',
};

export function biocSectionName(sectionType: string | undefined, type: string | undefined): string {
  if (sectionType) return BIOC_SECTION[sectionType.toUpperCase()] ?? sectionName(sectionType);
  const t = (type ?? '').toLowerCase();
  if (t === 'title' || t === 'front') return 'title';
  if (t.startsWith('abstract')) return 'abstract';
  if (t.startsWith('fig')) return 'figure';
  if (t.startsWith('table')) return 'table';
  if (t === 'ref') return 'references';
  return sectionName(t);
}
