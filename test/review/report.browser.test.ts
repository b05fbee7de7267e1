// The report in a real browser (Debian's chromium through playwright-core): opened from file://,
// highlights, triple → evidence scrolling, filters, accept / reject / correct, the verdict export
// (a download), and that exported file applied by curate changing the next extract.
// Slow suite: BIOTRIPLES_SLOW=1 (.ci/run installs chromium when missing).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyVerdictFile } from '../../src/curate/ledger.js';
import type { Manifest, Triple } from '../../src/model/schemas.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildReport } from '../../src/review/report/build.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve('test-artifacts');
const SEED = 'her2-activating-mutations-senescence';
const readJsonl = <T>(f: string): T[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe.skipIf(!process.env.BIOTRIPLES_SLOW || !existsSync(CHROMIUM))('report in Chromium (slow)', () => {
  let browser: Browser;
  let page: Page;
  let run: string;
  const offline: string[] = [];
  const reportFile = path.join(ARTIFACTS, 'report.html');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    run = mkdtempSync(path.join(os.tmpdir(), 'biotriples-report-'));
    await runPipeline({ input: `corpus/${SEED}.md`, out: run });
    writeFileSync(reportFile, await buildReport({ run }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) offline.push(r.url()); });
    await page.goto(`${pathToFileURL(reportFile).href}#doc/${SEED}`);
  }, 120_000);

  afterAll(async () => { await browser?.close(); });

  const doc = () => page.locator(`section.page[data-doc="${SEED}"]`);

  it('opens from file:// on the document page with mentions highlighted by type, and needs no network', async () => {
    await doc().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(doc().isVisible()).resolves.toBe(true);
    await expect(page.locator('#corpus').isVisible()).resolves.toBe(false);
    const marks = doc().locator('mark.m');
    expect(await marks.count()).toBeGreaterThan(20);
    for (const type of ['gene', 'drug', 'mutation']) expect(await doc().locator(`mark.m-${type}`).count(), type).toBeGreaterThan(0);
    expect(await marks.first().getAttribute('title')).toMatch(new RegExp(`^${SEED}#\\w+:\\d+-\\d+\\n.+\\nsource: `));
    expect(offline).toEqual([]);
  });

  it('a triple link scrolls to its evidence sentence and highlights it with both arguments', async () => {
    const last = doc().locator('li.triple').last();
    const evId = (await last.getAttribute('data-ev'))!;
    const inView = () => page.evaluate((id) => { const r = document.getElementById(id)!.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }, evId);
    expect(await inView()).toBe(false);
    await last.locator('a.go').click();
    // scrolling may be smooth: poll until the evidence is in view
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    expect(await page.locator(`#${evId}`).getAttribute('class')).toMatch(/\bhl\b/);
    expect(await page.locator(`#${evId} mark.arg`).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-seed-document.png') });
  });

  it('filters by predicate and confidence', async () => {
    const total = await doc().locator('li.triple').count();
    await doc().locator('.f-predicate').selectOption('variant_of');
    const shown = await doc().locator('li.triple:not([hidden])').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await doc().locator('.f-predicate').selectOption('');
    await doc().locator('.f-confidence').fill('1');
    expect(await doc().locator('li.triple:not([hidden])').count()).toBe(0);
    await doc().locator('.f-confidence').fill('0');
    expect(await doc().locator('li.triple:not([hidden])').count()).toBe(total);
  });

  it('accept, reject with a reason and correct; Export verdicts downloads them; curate + extract apply them', async () => {
    const items = doc().locator('li.triple');
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    const [acceptId, rejectId] = ids;
    // a third triple (drug → gene) whose predicate may be corrected to targets
    const k = await items.evaluateAll((els) => els.findIndex((e, i) => i > 1 && !!e.querySelector('select.correct option[value="targets"]')));
    expect(k).toBeGreaterThan(1);
    const correctLi = items.nth(k);
    const correctId = (await correctLi.getAttribute('data-id'))!;
    await page.locator('#curator').fill('browser-test');
    await items.nth(0).locator('button.accept').click();
    await expect(items.nth(0).getAttribute('class')).resolves.toMatch(/\baccepted\b/);
    await items.nth(1).locator('button.reject').click();
    await items.nth(1).locator('input.reason').fill('the sentence reports an assay, not this relation');
    await items.nth(1).locator('button.confirm-reject').click();
    await expect(items.nth(1).locator('.verdict').textContent()).resolves.toMatch(/rejected: the sentence reports/);
    await correctLi.locator('select.correct').selectOption('targets');
    await expect(correctLi.getAttribute('class')).resolves.toMatch(/\bcorrected\b/);
    await expect(page.locator('#verdict-count').textContent()).resolves.toBe('3 verdicts');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const file = path.join(ARTIFACTS, 'verdicts.json');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^verdicts-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'biotriples-verdicts', version: 1, curator: 'browser-test' });
    expect(exported.verdicts.map((v: { triple: string; verdict: string }) => `${v.triple} ${v.verdict}`).sort()).toEqual([`${acceptId} accept`, `${rejectId} reject`, `${correctId} correct`].sort());

    // the loop closes: apply the downloaded file, extract again
    const ledger = path.join(mkdtempSync(path.join(os.tmpdir(), 'biotriples-ledger-')), 'ledger.jsonl');
    expect(await applyVerdictFile(file, ledger)).toMatchObject({ added: 3, accepted: 1, rejected: 1, corrected: 1 });
    const out = mkdtempSync(path.join(os.tmpdir(), 'biotriples-curated-'));
    await runPipeline({ input: `corpus/${SEED}.md`, out, ledger });
    const triples = new Map(readJsonl<Triple>(path.join(out, 'triples.jsonl')).map((t) => [t.id, t]));
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(triples.has(rejectId)).toBe(false);
    expect(manifest.curation!.rejected.map((r) => r.id)).toEqual([rejectId]);
    expect(triples.get(acceptId)!.curation).toMatchObject({ verdict: 'accepted', curator: 'browser-test' });
    expect(triples.get(correctId)).toMatchObject({ predicate: 'targets', curation: { verdict: 'corrected', curator: 'browser-test' } });
  }, 120_000);

  it('the corpus page shows the counts and links every document', async () => {
    await page.goto(`${pathToFileURL(reportFile).href}#corpus`);
    await page.locator('#corpus').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('#corpus').isVisible()).resolves.toBe(true);
    expect(await page.locator('#corpus table caption').allTextContents()).toEqual(expect.arrayContaining(['entities per type', 'triples per predicate', 'documents']));
    await page.locator(`#corpus a[href="#doc/${SEED}"]`).click();
    await doc().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(doc().isVisible()).resolves.toBe(true);
  });
});
