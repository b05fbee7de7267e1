/**
 * Quality floor: the tool's micro F1 (entity strict, entity lenient, triples norm-based) against
 * the adjudicated gold must not fall more than 0.02 below corpus/gold/baseline.json. The test
 * runs the pipeline itself into a temp dir (no dependency on output/). Regenerate the baseline
 * after an intended change: npm run extract into a dir, then
 *   npm run score -- --pred <dir> --write-baseline corpus/gold/baseline.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGoldDir, listGoldFiles } from '../../src/evaluate/gold.js';
import { loadPrediction } from '../../src/evaluate/report.js';
import {
  type Baseline,
  type Prediction,
  checkFloor,
  floorFigures,
  goldToPrediction,
  mergePredictions,
  score,
} from '../../src/evaluate/score.js';
import { runPipeline } from '../../src/pipeline.js';

const TOLERANCE = 0.02;
const BASELINE = 'corpus/gold/baseline.json';
const hasGold = (await listGoldFiles('corpus/gold')).length > 0;

/** Every second entity and triple dropped (deterministic). */
function degrade(p: Prediction): Prediction {
  return { entities: p.entities.filter((_, i) => i % 2 === 0), triples: p.triples.filter((_, i) => i % 2 === 0) };
}

describe('checkFloor on annotator predictions (independent of the adjudicated gold)', () => {
  it('holds for the same prediction and fails on a degraded one', async () => {
    const a = await loadGoldDir('corpus/gold/annotators/A', 'corpus');
    const b = await loadGoldDir('corpus/gold/annotators/B', 'corpus');
    const gold = a.loaded.map((l) => l.gold);
    const prediction = mergePredictions(b.loaded.map((l) => goldToPrediction(l.gold)));
    const summary = score(gold, prediction).summary;
    const baseline: Baseline = { figures: floorFigures(summary) };
    expect(checkFloor(summary, baseline, TOLERANCE)).toEqual([]);
    const degraded = score(gold, degrade(prediction)).summary;
    const violations = checkFloor(degraded, baseline, TOLERANCE);
    expect(violations.map((v) => v.figure).sort()).toEqual(['entityLenientMicroF1', 'entityStrictMicroF1', 'tripleNormMicroF1']);
    for (const v of violations) expect(v.drop).toBeGreaterThan(TOLERANCE);
  });
});

const title = hasGold ? 'quality floor against the adjudicated gold' : 'quality floor: SKIPPED, no adjudicated gold (corpus/gold/*.json) yet';

describe.skipIf(!hasGold)(title, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it(
    'the pipeline stays within 0.02 of corpus/gold/baseline.json, and a degraded run does not',
    async () => {
      expect(existsSync(BASELINE), `${BASELINE} is missing: record it with npm run score -- --pred <run> --write-baseline ${BASELINE}`).toBe(true);
      const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
      const out = await mkdtemp(path.join(tmpdir(), 'biotriples-floor-'));
      dirs.push(out);
      await runPipeline({ input: 'corpus', out });
      const prediction = await loadPrediction(out);
      const { loaded, problems } = await loadGoldDir('corpus/gold', 'corpus');
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const gold = loaded.map((l) => l.gold);
      const summary = score(gold, prediction).summary;
      const violations = checkFloor(summary, baseline, TOLERANCE);
      expect(violations, `quality floor broken: ${JSON.stringify(violations)} (figures now ${JSON.stringify(floorFigures(summary))})`).toEqual([]);

      const degraded = checkFloor(score(gold, degrade(prediction)).summary, baseline, TOLERANCE);
      expect(degraded.length).toBeGreaterThan(0);
    },
    300_000,
  );
});

if (!hasGold) console.warn('quality-floor: corpus/gold/*.json (adjudicated gold) does not exist yet; the floor test is skipped');
