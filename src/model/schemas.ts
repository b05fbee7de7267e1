/**
 * The data contract. Downstream databases load these rows; `npm run schemas` exports them as
 * JSON Schema. Every offset is into the ORIGINAL document text (never a cleaned copy).
 */
import { z } from 'zod';

/** drug: a medicine (DrugBank); chemical: any other chemical entity; drug_class: a class of agents ("HER2 inhibitors") */
export const EntityType = z.enum(['gene', 'mutation', 'drug', 'chemical', 'drug_class', 'pathway']);
export type EntityType = z.infer<typeof EntityType>;

const Span = {
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
};

export const Entity = z
  .object({
    doc: z.string().min(1),
    id: z.string().min(1).describe('stable within the document: <doc>#<type>:<start>-<end>'),
    type: EntityType,
    ...Span,
    norm: z.string().min(1).describe('CURIE (NCBIGene:2064, DrugBank:DB00072, KEGG:hsa04151) or GENE:HGVS for variants'),
    name: z.string().min(1).describe('preferred name'),
    sentence: z.number().int().nonnegative().describe('index of the sentence in the document'),
    section: z.string().describe("section of the sentence: a PDF's section name (results, methods, figure legend...) or the nearest heading"),
    source: z.string().describe('how it was found: dictionary source tag, mutation pattern, abbreviation'),
    targets: z.array(z.string()).optional().describe('drug_class only: norms of the genes the class acts on ("HER2 inhibitors" → NCBIGene:2064); empty when the phrase names none'),
    species: z.string().regex(/^NCBITaxon:\d+$/).optional().describe('organism the text speaks of (genes): NCBITaxon:9606 human, NCBITaxon:10090 mouse, ...; absent when the text gives no cue'),
  })
  .refine((e) => e.end > e.start, 'end must be greater than start');
export type Entity = z.infer<typeof Entity>;

export const Argument = z.object({ ...Span, type: EntityType, norm: z.string(), name: z.string() });
export type Argument = z.infer<typeof Argument>;

export const Evidence = z.object({ ...Span, sentence: z.number().int().nonnegative(), section: z.string() });
export type Evidence = z.infer<typeof Evidence>;

/** A curator's verdict carried onto the triple (`npm run curate`); rejected triples are left out. */
export const TripleCuration = z.object({
  verdict: z.enum(['accepted', 'corrected']),
  curator: z.string(),
  timestamp: z.string(),
  reason: z.string().optional(),
  extracted: z.string().optional().describe('the predicate the extractor gave, when a curator corrected it'),
});
export type TripleCuration = z.infer<typeof TripleCuration>;

export const Triple = z.object({
  id: z.string().describe('sha1 of doc, predicate, argument norms and texts, evidence sentence text and occurrence index: survives edits elsewhere in the text, rule and dictionary changes'),
  doc: z.string(),
  subject: Argument,
  predicate: z.string(),
  object: Argument,
  evidence: Evidence,
  negated: z.boolean(),
  hedged: z.boolean(),
  confidence: z.number().min(0).max(1),
  rule: z.string().describe('id of the rule that produced the triple'),
  trigger: z.string().describe('the cue word(s) in the sentence'),
  curation: TripleCuration.optional().describe('present when the curation ledger holds a verdict for this id'),
});
export type Triple = z.infer<typeof Triple>;

export const Statement = z.object({
  id: z.string(),
  doc: z.string(),
  subject: z.object({ norm: z.string(), name: z.string(), type: EntityType }),
  predicate: z.string(),
  object: z.object({ norm: z.string(), name: z.string(), type: EntityType }),
  evidence: z.array(z.string()).min(1).describe('triple ids'),
  negated: z.boolean(),
  hedged: z.boolean(),
  confidence: z.number().min(0).max(1),
});
export type Statement = z.infer<typeof Statement>;

export const DocumentStatus = z.enum(['ok', 'error']);

/** How the input bytes became the original text (src/ingest/encoding.ts); `pdf`: text extracted by the PDF parser */
export const Encoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'pdf']);
export type Encoding = z.infer<typeof Encoding>;

export const DocumentRecord = z.object({
  id: z.string(),
  source: z.string().describe('path of the input file, relative to the working directory'),
  format: z.enum(['text', 'markdown', 'pdf', 'pubtator', 'pubmed-xml', 'bioc-xml', 'bioc-json', 'jats']),
  pmid: z.string().optional().describe('PubMed id, when the input names it (PubMed XML, BioC, JATS)'),
  pmcid: z.string().optional().describe('PubMed Central id (PMC…), when the input names it'),
  textFile: z.string().optional().describe('where the original text the offsets index is saved, relative to the run folder (texts/<id>.txt), when it is not the input file itself (PDF, XML, BioC JSON)'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chars: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  encoding: Encoding.optional().describe('how the file was decoded (absent on error rows)'),
  status: DocumentStatus,
  error: z.string().optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** Where in an input file a problem lies (1-based), when known. */
export const Position = z.object({ line: z.number().int().positive(), column: z.number().int().positive().optional() });
export type Position = z.infer<typeof Position>;

export const Diagnostic = z.object({
  file: z.string(),
  doc: z.string().optional().describe('document id, when the problem concerns one document (e.g. one PMID of a PubTator file)'),
  code: z.string(),
  position: Position.optional(),
  reason: z.string(),
  fatal: z.boolean(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const ModelInfo = z.object({ name: z.string(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ModelInfo = z.infer<typeof ModelInfo>;

export const Manifest = z.object({
  tool: z.object({ name: z.literal('biotriples'), version: z.string() }),
  dictionaries: z.array(z.object({ file: z.string(), rows: z.number().int(), sha256: z.string() })),
  models: z.array(ModelInfo).describe('learned models the run used (relation classifier), with checksums'),
  documents: z.object({ ok: z.number().int(), error: z.number().int() }),
  entities: z.record(z.string(), z.number().int()),
  triples: z.record(z.string(), z.number().int()),
  statements: z.number().int(),
  errors: z.array(Diagnostic),
  curation: z.object({
    ledger: z.string().describe('path of the curation ledger read'),
    sha256: z.string(),
    accepted: z.number().int(),
    corrected: z.number().int(),
    rejected: z.array(z.object({ id: z.string(), doc: z.string(), predicate: z.string(), subject: z.string(), object: z.string(), reason: z.string(), curator: z.string(), timestamp: z.string() })).describe('triples left out of the dataset by a verdict'),
    ignored: z.array(z.object({ id: z.string(), reason: z.string() })).describe('verdicts that could not be applied'),
    unmatched: z.number().int().describe('verdicts for triple ids this run did not produce'),
  }).optional(),
});
export type Manifest = z.infer<typeof Manifest>;
