/**
 * The curation ledger: an append-only JSONL file in the repo (default curation/ledger.jsonl),
 * one verdict per line, keyed by triple id, with who (curator), when (timestamp) and why (reason).
 * A later verdict on the same id supersedes an earlier one; nothing is deleted, so the file is the
 * history. Verdict files exported from the report are merged in by `npm run curate -- --apply`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../emit/atomic-write.js';
import { z } from 'zod';
import { PREDICATE_BY_ID, allowedArguments } from '../relate/predicates.js';
import { EntityType } from '../model/schemas.js';

export const DEFAULT_LEDGER = 'curation/ledger.jsonl';

const Timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'timestamp must be an ISO 8601 date-time');

/** One verdict as the report exports it; doc, rule and the argument texts are context for humans and for acceptance rates. */
export const Verdict = z.object({
  triple: z.string().min(1).describe('triple id'),
  verdict: z.enum(['accept', 'reject', 'correct']),
  reason: z.string().optional(),
  predicate: z.string().optional().describe('the corrected predicate (verdict correct)'),
  curator: z.string().min(1).optional(),
  timestamp: Timestamp,
  doc: z.string().optional(),
  rule: z.string().optional(),
  extracted: z.string().optional().describe('the predicate the extractor gave'),
  subject: z.object({ text: z.string(), type: EntityType }).optional(),
  object: z.object({ text: z.string(), type: EntityType }).optional(),
}).superRefine((v, ctx) => {
  if (v.verdict === 'reject' && !v.reason?.trim()) ctx.addIssue({ code: 'custom', message: 'a rejection needs a reason', path: ['reason'] });
  if (v.verdict === 'correct') {
    if (!v.predicate || !PREDICATE_BY_ID.has(v.predicate)) ctx.addIssue({ code: 'custom', message: `a correction needs a known predicate, got "${v.predicate ?? ''}"`, path: ['predicate'] });
    else if (v.subject && v.object && !allowedArguments(v.predicate, v.subject.type, v.object.type))
      ctx.addIssue({ code: 'custom', message: `${v.predicate} does not take ${v.subject.type} → ${v.object.type}`, path: ['predicate'] });
  }
});
export type Verdict = z.infer<typeof Verdict>;

/** A ledger line: a verdict whose curator is known. */
export type LedgerEntry = Verdict & { curator: string };

export const VerdictFile = z.union([
  z.object({ format: z.literal('biotriples-verdicts'), version: z.literal(1), run: z.string().optional(), curator: z.string().optional(), exported: z.string().optional(), verdicts: z.array(z.unknown()) }),
  z.array(z.unknown()).transform((verdicts) => ({ verdicts, curator: undefined as string | undefined })),
]);

export class CurationError extends Error {}

const issues = (e: z.ZodError) => e.issues.map((x) => `${x.path.join('.') || 'verdict'}: ${x.message}`).join('; ');

/** Reads the ledger (absent file: empty). A bad line is an error naming the file and line. */
export function readLedger(file: string): { entries: LedgerEntry[]; sha256: string } | undefined {
  if (!existsSync(file)) return undefined;
  const content = readFileSync(file, 'utf8');
  const entries: LedgerEntry[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new CurationError(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`);
    }
    const v = Verdict.safeParse(raw);
    if (!v.success) throw new CurationError(`${file}:${i + 1}: ${issues(v.error)}`);
    if (!v.data.curator) throw new CurationError(`${file}:${i + 1}: curator: a ledger entry needs a curator`);
    entries.push(v.data as LedgerEntry);
  });
  return { entries, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Reads an exported verdict file; every bad verdict is reported with its index, none is applied then. */
export function readVerdictFile(file: string, curator?: string): LedgerEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CurationError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `invalid JSON (${(e as Error).message})`}`);
  }
  const f = VerdictFile.safeParse(raw);
  if (!f.success) throw new CurationError(`${file}: not a verdict file (expected {"format":"biotriples-verdicts","version":1,"verdicts":[...]})`);
  const problems: string[] = [];
  const out: LedgerEntry[] = [];
  f.data.verdicts.forEach((item, i) => {
    const v = Verdict.safeParse(item);
    if (!v.success) return void problems.push(`verdicts[${i}]: ${issues(v.error)}`);
    const who = v.data.curator ?? f.data.curator ?? curator;
    if (!who) return void problems.push(`verdicts[${i}]: no curator (give --curator <name>)`);
    out.push({ ...v.data, curator: who });
  });
  if (problems.length) throw new CurationError(`${file}: ${problems.length} bad verdict(s):\n  ${problems.join('\n  ')}`);
  return out;
}

const entryKey = (e: LedgerEntry) => JSON.stringify([e.triple, e.verdict, e.reason ?? '', e.predicate ?? '', e.curator, Date.parse(e.timestamp)]);
const byTime = (a: LedgerEntry, b: LedgerEntry) => Date.parse(a.timestamp) - Date.parse(b.timestamp);

/**
 * Merges verdicts into the ledger: ones already there (same triple, verdict, reason, predicate,
 * curator and time) are skipped, so applying a file twice changes nothing; the rest are appended
 * in time order. Returns the new ledger content and what happened.
 */
export function mergeVerdicts(ledger: LedgerEntry[], incoming: LedgerEntry[]) {
  const known = new Set(ledger.map(entryKey));
  const before = currentVerdicts(ledger);
  const added = incoming.filter((e) => {
    const k = entryKey(e);
    if (known.has(k)) return false;
    known.add(k);
    return true;
  }).sort(byTime);
  const superseding = added.filter((e) => before.has(e.triple)).length;
  const entries = [...ledger, ...added];
  const content = entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
  return { entries, content, added: added.length, skipped: incoming.length - added.length, superseding };
}

/** The verdict in force for each triple id: the latest by timestamp (a tie goes to the later line). */
export function currentVerdicts(entries: LedgerEntry[]): Map<string, LedgerEntry> {
  const out = new Map<string, LedgerEntry>();
  for (const e of entries) {
    const prev = out.get(e.triple);
    if (!prev || Date.parse(e.timestamp) >= Date.parse(prev.timestamp)) out.set(e.triple, e);
  }
  return out;
}

/** `npm run curate -- --apply`: merges a verdict file into the ledger file (written only when something is new). */
export async function applyVerdictFile(file: string, ledgerFile: string, curator?: string) {
  const ledger = readLedger(ledgerFile)?.entries ?? [];
  const incoming = readVerdictFile(file, curator);
  const merged = mergeVerdicts(ledger, incoming);
  if (merged.added) await writeFileAtomic(ledgerFile, merged.content);
  const inForce = [...currentVerdicts(merged.entries).values()];
  const count = (k: Verdict['verdict']) => inForce.filter((v) => v.verdict === k).length;
  return { incoming: incoming.length, added: merged.added, skipped: merged.skipped, superseding: merged.superseding, entries: merged.entries.length, accepted: count('accept'), rejected: count('reject'), corrected: count('correct') };
}
