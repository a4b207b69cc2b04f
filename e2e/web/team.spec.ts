import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { startServe } from '../support/server';
import { AppPage } from './pages/app';

// Issue 14, the team in the UI (browser mode, no Syncthing): a workspace where a teammate's
// work file sits beside the analyst's — written as the store writes them
// (.report-annotator/work/<analystId>/<documentId>.json) — shows the teammate's decisions in the
// inspector (filter, my work only, live when the file changes), the agreement matrix with the
// figures worked out by hand below, and an adjudication made with the keyboard that writes the
// adjudicated layer (read back by an export of that layer). Both languages.

const REPORT = '\n\n一年来，召开常委会会议9次，制定地方性法规3件，听取专项工作报告12项，办理代表建议456件。\n';
const ME = { id: 'wang', name: '王芳' };
const LI = { id: 'li', name: '李明' };

type Status = 'accepted' | 'rejected' | 'corrected';
interface Fig {
  id: string;
  text: string;
  start: number;
  end: number;
}

function review(f: Fig, status: Status, annotator: string, fields: Record<string, unknown> = {}, at = '2026-12-01T08:00:00.000Z') {
  return { findingId: f.id, status, fields, tags: [], note: '', updatedAt: at, annotator, anchor: { start: f.start, end: f.end, quote: f.text, prefix: '', suffix: '' } };
}

function writeWork(dir: string, analyst: { id: string; name: string }, docId: string, sha256: string, reviews: ReturnType<typeof review>[], findings: unknown[] = []): void {
  const folder = join(dir, '.report-annotator', 'work', analyst.id);
  mkdirSync(folder, { recursive: true });
  const file = { schemaVersion: 2, documentId: docId, analyst, sha256, findings, reviews: Object.fromEntries(reviews.map((r) => [r.findingId, r])), orphans: [], history: { undo: [], redo: [] } };
  // as the store writes: a temp file renamed over the target
  const tmp = join(folder, `.${docId}.json.e2e.tmp`);
  writeFileSync(tmp, JSON.stringify(file));
  writeFileSync(join(folder, `${docId}.json`), readFileSync(tmp));
  rmSync(tmp);
}

/** The report's id, source hash and four count figures, from the cache the import wrote. */
function readCache(dir: string): { docId: string; sha256: string; figs: Record<string, Fig> } {
  const cacheDir = join(dir, '.report-annotator', 'cache');
  type Cache = { id: string; sha256: string; text: string; findings: { type: string; id: string; data: { start: number; end: number; text: string } }[] };
  const caches = readdirSync(cacheDir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .map((n) => JSON.parse(readFileSync(join(cacheDir, n), 'utf8')) as Cache);
  const cache = caches.find((c) => c.text.includes('常委会会议9次'))!;
  const cps = [...cache.text];
  const figs: Record<string, Fig> = {};
  for (const f of cache.findings) {
    if (f.type !== 'figure') continue;
    const text = f.data.text || cps.slice(f.data.start, f.data.end).join('');
    figs[text] = { id: f.id, text, start: f.data.start, end: f.data.end };
  }
  for (const t of ['9次', '3件', '12项', '456件']) if (!figs[t]) throw new Error(`no figure ${t} in ${Object.keys(figs).join(', ')}`);
  return { docId: cache.id, sha256: cache.sha256, figs };
}

function identity(userData: string, who: { id: string; name: string }): void {
  mkdirSync(userData, { recursive: true });
  for (const f of ['identity.json', 'identity.backup.json']) writeFileSync(join(userData, f), JSON.stringify({ ...who, confirmed: true }));
}

async function openTeam(page: Page, tab: 'sync' | 'assign' | 'agreement' | 'adjudicate'): Promise<void> {
  await page.getByTestId('view-team').click();
  await page.getByTestId(`team-tab-${tab}`).click();
}

test('team: teammate layers in the inspector, agreement matrix, keyboard adjudication writes the adjudicated layer (zh, en)', async ({ page, shot }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const root = mkdtempSync(join(tmpdir(), 'ra-team-'));
  const dir = join(root, 'ws');
  const userData = join(root, 'user');
  mkdirSync(dir);
  writeFileSync(join(dir, '人大工作报告.txt'), REPORT);
  // a second report nobody has reviewed yet: for the assignment (and left out of the agreement)
  writeFileSync(join(dir, '政府工作报告.txt'), '\n\n全年新建学校8所，新增就业岗位1.2万个。\n');
  identity(userData, ME);
  // first run: the import writes the cache (derived findings with their ids)
  let serve = await startServe({ workspace: dir, userDataDir: userData });
  try {
    await app.goto(serve.url);
    await serve.stop();
    const { docId, sha256, figs } = readCache(dir);
    const [f9, f3, f12, f456] = [figs['9次']!, figs['3件']!, figs['12项']!, figs['456件']!];
    // 王芳 (me): 9次 ✓, 3件 ✓, 12项 ✓, 456件 ✕ — 李明: 9次 ✓, 3件 corrected to 30, 12项 ✕, 456件 ✓
    writeWork(dir, ME, docId, sha256, [review(f9, 'accepted', ME.name), review(f3, 'accepted', ME.name), review(f12, 'accepted', ME.name), review(f456, 'rejected', ME.name)]);
    writeWork(dir, LI, docId, sha256, [review(f9, 'accepted', LI.name), review(f3, 'corrected', LI.name, { value: 30 }), review(f12, 'rejected', LI.name), review(f456, 'accepted', LI.name)]);

    serve = await startServe({ workspace: dir, userDataDir: userData });
    await app.goto(serve.url);
    await app.setLanguage('zh');

    // ---- layers in the inspector ----
    await app.openDocument('人大工作报告');
    await page.locator(`[data-fid="${f3.id}"]`).first().click();
    await expect(app.inspector).toHaveAttribute('data-finding-id', f3.id);
    const layers = page.getByTestId('team-layers');
    await expect(layers).toBeVisible();
    const li = layers.locator('[data-testid="layer-decision"][data-analyst="li"]');
    await expect(li).toHaveAttribute('data-status', 'corrected');
    await expect(li).toContainText('李明');
    await expect(li.getByTestId('layer-values')).toContainText('30');
    await expect(li.getByTestId('layer-differs')).toBeVisible(); // I accepted 3, 李明 says 30
    await shot('team-layers-zh');
    // filter: my work only hides the teammates; the analyst filter keeps one
    await page.getByTestId('layer-mine-only').check();
    await expect(layers.getByTestId('layer-decision')).toHaveCount(0);
    await page.getByTestId('layer-mine-only').uncheck();
    await expect(layers.getByTestId('layer-decision')).toHaveCount(1);
    await page.getByTestId('layer-filter').selectOption('li');
    await expect(layers.getByTestId('layer-decision')).toHaveCount(1);

    // ---- a teammate's new review arrives while the report is open: shown, the selection kept ----
    await page.locator(`[data-fid="${f9.id}"]`).first().click();
    await expect(app.inspector).toHaveAttribute('data-finding-id', f9.id);
    await expect(layers.locator('[data-analyst="li"]')).toHaveAttribute('data-status', 'accepted');
    // 李明 also adds a figure by hand (一年, a duration): listed for me under "added by teammates"
    const manual = { type: 'figure', id: 'man:li-yinian', origin: 'manual', data: { text: '一年', start: 2, end: 4, kind: 'duration', value: 1, value_to: null, unit: '年', approx: null, metric: null } };
    const manualReview = { ...review({ id: manual.id, text: '一年', start: 2, end: 4 }, 'accepted', LI.name), updatedAt: '2026-12-01T09:00:00.000Z' };
    const t0 = Date.now();
    writeWork(dir, LI, docId, sha256, [review(f9, 'rejected', LI.name, {}, '2026-12-01T09:00:00.000Z'), review(f3, 'corrected', LI.name, { value: 30 }), review(f12, 'rejected', LI.name), review(f456, 'accepted', LI.name), manualReview], [manual]);
    await expect(layers.locator('[data-analyst="li"]')).toHaveAttribute('data-status', 'rejected', { timeout: 15_000 });
    // a figure, not a check (the machine is shared): file written → shown in the open inspector
    console.log(`team e2e: a teammate's work file reached the open inspector in ${Date.now() - t0} ms (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    await expect(app.inspector).toHaveAttribute('data-finding-id', f9.id);
    await app.key('Escape');
    await expect(app.inspector).not.toHaveAttribute('data-finding-id', /./);
    await page.getByTestId('team-added').locator('summary').click();
    await expect(page.getByTestId('team-added-item')).toHaveCount(1);
    await expect(page.getByTestId('team-added-item')).toContainText('李明');
    await expect(page.getByTestId('team-added-item')).toContainText('一年');
    await shot('team-added-zh');
    await page.locator(`[data-fid="${f9.id}"]`).first().click();
    // back as it was, for the figures below
    writeWork(dir, LI, docId, sha256, [review(f9, 'accepted', LI.name, {}, '2026-12-01T10:00:00.000Z'), review(f3, 'corrected', LI.name, { value: 30 }), review(f12, 'rejected', LI.name), review(f456, 'accepted', LI.name)]);
    await expect(layers.locator('[data-analyst="li"]')).toHaveAttribute('data-status', 'accepted', { timeout: 15_000 });

    // ---- agreement: figures worked out by hand ----
    // F1 over asserted findings: mine {9次, 3件, 12项}, 李明's {9次, 3件, 456件}; matched 2 → 2·2/(3+3) = 0.67.
    // α status over the 4 matched decisions (✓✓, ✓c, ✓✕, ✕✓): n = 8 values (5 ✓, 1 c, 2 ✕), Do = 6/8,
    // De = (64 − 25 − 1 − 4)/(8·7) = 34/56 → α = 1 − 0.75/(34/56) = −0.24.
    await openTeam(page, 'agreement');
    const matrixCell = page.locator('[data-testid="agree-matrix"] [data-testid="agree-cell"][data-row="wang"][data-col="li"]');
    await expect(matrixCell).toHaveText('0.67');
    await expect(page.locator('[data-testid="agree-matrix"] [data-testid="agree-cell"][data-row="li"][data-col="wang"]')).toHaveText('0.67');
    await page.getByTestId('agree-measure-status').click();
    await expect(matrixCell).toHaveText('-0.24');
    // α unit over the asserted matched pairs (9次: 次/次, 3件: 件/件): no disagreement, and the units vary → 1
    await page.getByTestId('agree-measure-unit').click();
    await expect(matrixCell).toHaveText('1.00');
    // α kind: every matched pair is count/count — no variation at all, so α is undefined: a dash, not 0 or 1
    await page.getByTestId('agree-measure-kind').click();
    await expect(matrixCell).toHaveText('—');
    await page.getByTestId('agree-measure-f1').click();
    await page.getByTestId('agree-doc').first().click();
    await expect(page.locator('[data-testid="agree-doc-matrix"] [data-testid="agree-cell"][data-row="wang"][data-col="li"]')).toHaveText('0.67');
    // one kind (count): α value (interval) over the matched values (9, 9) and (3, 30): n = 4,
    // Do = 2·27²/4 = 364.5, De = 2·(0 + 36 + 441 + 36 + 441 + 729)/(4·3) = 280.5 → α = 1 − 364.5/280.5 = −0.30
    await page.getByTestId('agree-kind').selectOption('count');
    await page.getByTestId('agree-measure-value').click();
    await expect(matrixCell).toHaveText('-0.30');
    await expect(page.locator('[data-testid="agree-doc-matrix"] [data-testid="agree-cell"][data-row="wang"][data-col="li"]')).toHaveText('-0.30');
    await shot('team-agreement-zh');
    await page.getByTestId('agree-kind').selectOption('all');
    await page.getByTestId('agree-measure-f1').click();

    // ---- adjudication by keyboard ----
    await openTeam(page, 'adjudicate');
    await page.getByTestId('adj-doc').first().click();
    const items = page.getByTestId('adj-item');
    // disagreements first, in reading order (3件, 12项, 456件), then the agreed 9次
    await expect(items).toHaveCount(4);
    await expect(items.nth(0)).toHaveAttribute('data-item', f3.id);
    await expect(items.nth(3)).toHaveAttribute('data-class', 'agree');
    const current = page.locator('[data-testid="adj-item"][aria-current="true"]');
    await expect(current).toHaveAttribute('data-item', f3.id);
    // the side of 李明 on 3件: its number key
    const sides = current.getByTestId('adj-side');
    const liKey = String((await sides.evaluateAll((els) => els.map((e) => e.getAttribute('data-analyst')))).indexOf('li') + 1);
    await shot('team-adjudication-zh');
    await app.key(liKey);
    await expect(items.nth(0)).toHaveAttribute('data-resolution', 'li');
    await expect(current).toHaveAttribute('data-item', f12.id);
    await app.key('x'); // 12项 is not a finding
    await expect(items.nth(1)).toHaveAttribute('data-resolution', 'rejected');
    await expect(current).toHaveAttribute('data-item', f456.id);
    // 456件: take a side and correct its value to 500 (e, type, Enter)
    await app.key('e');
    const value = page.getByTestId('adj-edit-value');
    await expect(value).toBeFocused();
    await value.fill('500');
    await value.press('Enter');
    await expect(items.nth(2)).not.toHaveAttribute('data-resolution', '');
    await app.key('a'); // every agreed item as it is
    await expect(page.getByTestId('adj-counts')).toHaveAttribute('data-open', '0');
    await expect(page.getByTestId('adj-counts')).toHaveAttribute('data-resolved', '4');
    await shot('team-adjudicated-zh');

    // the adjudicated layer is on disk, in my adjudicator folder
    const adjDir = join(dir, '.report-annotator', 'team', 'adjudicated', ME.id);
    await expect.poll(() => existsSync(join(adjDir, `${docId}.json`)), { timeout: 10_000 }).toBe(true);

    // ---- export of the adjudicated layer reads back what was decided ----
    await app.key('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('export-format').selectOption('jsonl');
    await page.getByTestId('export-layer').selectOption('adjudicated');
    const out = join(root, 'adjudicated.jsonl');
    await page.getByTestId('export-out').fill(out);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    const exported = readFileSync(out, 'utf8');
    const values = new Map<string, unknown>();
    for (const line of exported.trim().split('\n')) {
      const rec = JSON.parse(line) as { record: string; findings?: { type: string; quote: string; status: string; data: { value?: number | null } }[] };
      if (rec.record !== 'document') continue;
      for (const f of rec.findings ?? []) if (f.type === 'figure') values.set(f.quote, f.data.value);
    }
    expect(values.get('3件')).toBe(30); // 李明's correction, taken
    expect(values.has('12项')).toBe(false); // not a finding
    expect(values.get('456件')).toBe(500); // edited in the queue
    expect(values.get('9次')).toBe(9); // all agreed
    await page.keyboard.press('Escape');

    // ---- assignment: an even split, no overlap, then one report given to me by hand; my queue in the report list ----
    await openTeam(page, 'assign');
    await expect(page.getByTestId('assign-analyst')).toHaveCount(2);
    await page.getByTestId('assign-overlap').fill('0');
    await page.getByTestId('assign-save').click();
    const rows = page.getByTestId('assign-row');
    await expect(rows).toHaveCount(2);
    // each report has one analyst, and each analyst one report
    await expect(page.locator('[data-testid="assign-cell"]:checked')).toHaveCount(2);
    await expect(page.locator('[data-testid="assign-cell"][data-analyst="wang"]:checked')).toHaveCount(1);
    const mine = await page.locator('[data-testid="assign-row"]:has([data-testid="assign-cell"][data-analyst="wang"]:checked)').getAttribute('data-doc-id');
    const theirs = await page.locator('[data-testid="assign-row"]:has([data-testid="assign-cell"][data-analyst="li"]:checked)').getAttribute('data-doc-id');
    expect(mine).not.toBe(theirs);
    await shot('team-assignment-zh');
    await page.getByTestId('view-review').click();
    await page.getByTestId('my-queue-toggle').check();
    await expect(app.docList.getByTestId('doc-item')).toHaveCount(1);
    await expect(app.docList.getByTestId('doc-item')).toHaveAttribute('data-doc-id', mine!);
    // by hand: the other report too
    await openTeam(page, 'assign');
    await page.locator(`[data-testid="assign-row"][data-doc-id="${theirs}"] [data-testid="assign-cell"][data-analyst="wang"]`).check();
    await page.getByTestId('assign-save').click();
    await expect(page.locator(`[data-testid="assign-row"][data-doc-id="${theirs}"] [data-testid="assign-cell"]:checked`)).toHaveCount(2);
    await page.getByTestId('view-review').click();
    await expect(app.docList.getByTestId('doc-item')).toHaveCount(2);
    await page.getByTestId('my-queue-toggle').uncheck();

    // ---- English ----
    await app.setLanguage('en');
    await openTeam(page, 'agreement');
    await expect(page.getByTestId('agree-measure-f1')).toHaveText('Span F1');
    await expect(matrixCell).toHaveText('0.67');
    await shot('team-agreement-en');
    await openTeam(page, 'adjudicate');
    await page.getByTestId('adj-doc').first().click();
    await expect(page.getByTestId('adj-group-disagree')).toContainText('The analysts disagree');
    await shot('team-adjudication-en');
    // the narrow end of the desktop range: the queue and its sides keep their lines (no squeeze)
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('adj-item').first().click();
    const side = page.locator('[data-testid="adj-item"][aria-current="true"] [data-testid="adj-side"]').first();
    expect((await side.boundingBox())!.height).toBeLessThan(40);
    await shot('team-adjudication-en-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    // team-s6: the queue's keys are on the ? sheet
    await app.key('?');
    await expect(page.getByTestId('cheat-adjudication')).toContainText('Adjudication');
    await expect(page.getByTestId('cheat-adjudication')).toContainText('Take every item all analysts agree on');
    await shot('team-cheat-sheet-en');
    await app.key('Escape');
    await expect(page.getByTestId('cheat-sheet')).toBeHidden();
    await page.getByTestId('view-review').click();
    await page.locator(`[data-fid="${f3.id}"]`).first().click();
    await expect(page.getByTestId('team-layers')).toContainText('Teammates');
    await shot('team-layers-en');
    await openTeam(page, 'sync');
    await expect(page.getByTestId('sync-panel')).toBeVisible();
    // with or without a local Syncthing, the page settles on an answer (never a spinner forever)
    await expect(page.locator('[data-testid="sync-running"], [data-testid="sync-not-running"], [data-testid="sync-status-error"]')).toBeVisible({ timeout: 15_000 });
    await shot('team-sync-en');
  } finally {
    await serve.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('team: a computer without my work (settings lost) continues as the analyst whose work is in the folder', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const root = mkdtempSync(join(tmpdir(), 'ra-team-adopt-'));
  const dir = join(root, 'ws');
  mkdirSync(dir);
  writeFileSync(join(dir, '人大工作报告.txt'), REPORT);
  const first = join(root, 'user-first');
  identity(first, ME);
  let serve = await startServe({ workspace: dir, userDataDir: first });
  try {
    await app.goto(serve.url);
    await serve.stop();
    const { docId, sha256, figs } = readCache(dir);
    writeWork(dir, ME, docId, sha256, [review(figs['9次']!, 'accepted', ME.name), review(figs['3件']!, 'rejected', ME.name)]);
    // the same person on a new install: a new analyst id, no work here
    const fresh = join(root, 'user-fresh');
    identity(fresh, { id: 'fresh-install', name: '王芳' });
    serve = await startServe({ workspace: dir, userDataDir: fresh });
    await app.goto(serve.url);
    await app.setLanguage('zh');
    await app.openDocument('人大工作报告');
    await page.locator(`[data-fid="${figs['9次']!.id}"]`).first().click();
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
    await openTeam(page, 'sync');
    const offer = page.locator('[data-testid="adopt-analyst"][data-analyst="wang"]');
    await expect(offer).toBeVisible();
    await shot('team-adopt-zh');
    page.once('dialog', (d) => void d.accept());
    await offer.click();
    await expect(page.getByTestId('adopt')).toBeHidden({ timeout: 15_000 });
    await page.getByTestId('view-review').click();
    await page.locator(`[data-fid="${figs['9次']!.id}"]`).first().click();
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted', { timeout: 15_000 });
    await page.locator(`[data-fid="${figs['3件']!.id}"]`).first().click();
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'rejected');
    // the identity of this app is that analyst's from now on
    expect(JSON.parse(readFileSync(join(fresh, 'identity.json'), 'utf8')).id).toBe('wang');
  } finally {
    await serve.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
