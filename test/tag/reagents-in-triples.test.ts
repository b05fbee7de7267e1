/**
 * Issue 15: no laboratory reagent or organism is a drug in a triple — on the committed seed
 * output, and (slow suite) on the shared research PDF run end to end. A reagent's surface is
 * checked against the reagent table (`always` anywhere, `methods` in a Methods section) and the
 * organism pattern (reagents.ts).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run-pipeline.js';
import { METHODS_SECTION, ORGANISM, REAGENTS } from '../../src/tag/reagents.js';
import { termKey } from '../../src/tag/tokens.js';

interface Arg { text: string; type: string }
interface Triple { subject: Arg; object: Arg; evidence: { section?: string } }

const SLOW = process.env.BIOTRIPLES_SLOW === '1';
const SHARED_PDF = '../shared/formats/pdf';

/** the drug arguments of the triples that are a reagent or an organism */
function reagentDrugs(triplesFile: string): string[] {
  const bad: string[] = [];
  for (const line of readFileSync(triplesFile, 'utf8').split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as Triple;
    for (const a of [t.subject, t.object]) {
      if (a.type !== 'drug') continue;
      const kind = REAGENTS.get(termKey(a.text));
      if (kind === 'always' || (kind === 'methods' && METHODS_SECTION.test(t.evidence.section ?? '')) || ORGANISM.test(a.text)) bad.push(`${a.text} (${t.evidence.section ?? ''})`);
    }
  }
  return bad;
}

describe('no reagent or organism is a drug in a triple', () => {
  it('on the committed seed output', () => {
    expect(reagentDrugs('output/triples.jsonl')).toEqual([]);
  });

  it('finds one when a triple has one (the check can fail)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-reagent-'));
    const file = path.join(dir, 'triples.jsonl');
    const arg = (text: string, type: string) => ({ text, type });
    const rows = [
      { subject: arg('DMSO', 'drug'), object: arg('HER2', 'gene'), evidence: { section: 'results' } },
      { subject: arg('ampicillin', 'drug'), object: arg('bla', 'gene'), evidence: { section: 'Materials and methods' } },
      { subject: arg('ampicillin', 'drug'), object: arg('bla', 'gene'), evidence: { section: 'results' } },
      { subject: arg('E. coli', 'drug'), object: arg('HER2', 'gene'), evidence: {} },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(reagentDrugs(file)).toEqual(['DMSO (results)', 'ampicillin (Materials and methods)', 'E. coli ()']);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!SLOW || !existsSync(SHARED_PDF))('on the shared research PDF, end to end', async () => {
    expect(readdirSync(SHARED_PDF).some((f) => f.endsWith('.pdf'))).toBe(true);
    const out = mkdtempSync(path.join(os.tmpdir(), 'biotriples-reagent-pdf-'));
    try {
      await runPipeline({ input: SHARED_PDF, out: path.join(out, 'run') });
      const triples = path.join(out, 'run', 'triples.jsonl');
      expect(readFileSync(triples, 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
      expect(reagentDrugs(triples)).toEqual([]);
    } finally { rmSync(out, { recursive: true, force: true }); }
  }, 300_000);
});
