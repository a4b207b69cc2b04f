import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServeHandle, startServe } from '../support/server';

// Issue: a report of 1,000,000 characters with ~20,000 findings must first-paint ≤ 1 s, `j` to the
// next finding ≤ 16 ms, no long task > 50 ms while scrolling. This spec MEASURES and PRINTS the
// figures; it never fails on time (it fails only when the synthetic report gives the detectors
// fewer than 20,000 findings, i.e. when the setup no longer measures what it says).

const TARGET_CHARS = 1_000_000;
const TARGET_FINDINGS = 20_000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A synthetic report: paragraphs of the sample reports drawn at random, ≥ 1,000,000 code points.
 * The draw favours paragraphs dense in figures (weight ∝ (digit runs per 100 characters)^0.3),
 * so the real detectors find ≥ 20,000 findings in it, as in a long statistical report.
 */
function syntheticReport(): string {
  const dir = resolve(import.meta.dirname, '..', '..', 'resources', 'samples');
  const paras = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of paras) {
    const runs = p.match(/[0-9０-９]+(?:\.[0-9]+)?|[一二三四五六七八九十百千万亿两]+(?=[个次项件人元年月日%％])/gu)?.length ?? 0;
    sum += ((runs / [...p].length) * 100 + 0.05) ** 0.3;
    cumulative.push(sum);
  }
  const rnd = seeded(42);
  const out: string[] = [];
  let n = 0;
  while (n < TARGET_CHARS) {
    const r = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    out.push(paras[lo]);
    n += [...paras[lo]].length + 1;
  }
  return out.join('\n');
}

/** Findings the detectors stored for the report (read from the workspace store on disk). */
function storedFindings(workspace: string): number {
  const docs = join(workspace, '.report-annotator', 'cache'); // store v2: the detector findings are in the cache file
  const file = readdirSync(docs).find((f) => f.endsWith('.json'));
  if (!file) return -1;
  return (JSON.parse(readFileSync(join(docs, file), 'utf8')) as { findings: unknown[] }).findings.length;
}

test('perf: a 1,000,000-character report with ~20,000 findings', async ({ page }) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'ra-perf-'));
  const text = syntheticReport();
  writeFileSync(join(dir, 'synthetic-1m.txt'), text);
  let serve: ServeHandle | null = null;
  const log = (...a: unknown[]): void => console.log('[perf]', ...a);
  try {
    const t0 = Date.now();
    serve = await startServe({ workspace: dir });
    log(`report: ${[...text].length} code points, ${text.split('\n').length} paragraphs`);

    await page.goto(serve.url);
    const item = page.getByTestId('doc-item').filter({ hasText: 'synthetic-1m' });
    await item.waitFor({ timeout: 540_000 });
    log(`server start + import + analysis: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // the setup: every finding comes from the detectors (read from the store file, before measuring)
    const detectorFindings = storedFindings(dir);
    log(`findings from the detectors (nothing added): ${detectorFindings}`);
    expect(detectorFindings, 'the synthetic report should give the detectors ≥ 20,000 findings').toBeGreaterThanOrEqual(TARGET_FINDINGS);

    // first paint: click → first paragraph on screen (after the next frame)
    const firstPaint = await page.evaluate(async () => {
      const btn = [...document.querySelectorAll<HTMLElement>('[data-testid="doc-item"]')].find((b) => b.textContent?.includes('synthetic-1m'))!;
      const t = performance.now();
      btn.click();
      return new Promise<number>((ok) => {
        const check = (): void => {
          if (document.querySelector('[data-testid="report-view"] p[data-pi]')) requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t), 0));
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    const net = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documentView')).at(-1) as PerformanceResourceTiming | undefined;
      return e ? { ms: e.responseEnd - e.startTime, bytes: e.transferSize || e.encodedBodySize } : null;
    });
    const findings = await page.getByTestId('report-counts').textContent();
    log(`toolbar: ${findings} (names and boilerplate are not counted there)`);
    log(`FIRST PAINT: ${firstPaint.toFixed(0)} ms (of which documentView over HTTP: ${net ? `${net.ms.toFixed(0)} ms, ${(net.bytes / 1e6).toFixed(1)} MB` : 'n/a'}) — budget 1000 ms`);
    const rendered = await page.locator('[data-testid="report-view"] p[data-pi]').count();
    const total = await page.getByTestId('report-view').getAttribute('data-paragraphs');
    log(`paragraphs in the DOM: ${rendered} of ${total}`);

    // j latency: real key presses; time from keydown to the end of React's commit (a task queued
    // after the handler), and Event Timing (keydown → next paint) for presses ≥ 16 ms.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.evaluate(() => {
      const w = window as unknown as { __j: number[]; __ev: number[] };
      w.__j = [];
      w.__ev = [];
      // capture (first) → start; bubble on window (last) → React's render was queued as a
      // microtask by then, so a microtask queued here runs after its commit and layout effects
      let t = 0;
      window.addEventListener('keydown', (e) => {
        if (e.key === 'j') t = performance.now();
      }, { capture: true });
      window.addEventListener('keydown', (e) => {
        if (e.key !== 'j') return;
        queueMicrotask(() => queueMicrotask(() => w.__j.push(performance.now() - t)));
      });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'keydown') w.__ev.push(e.duration);
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    });
    const presses = 60;
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('j');
      await page.waitForTimeout(30);
    }
    const { j, ev } = await page.evaluate(() => {
      const w = window as unknown as { __j: number[]; __ev: number[] };
      return { j: w.__j, ev: w.__ev };
    });
    const sorted = [...j].sort((a, b) => a - b);
    const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    log(`J LATENCY (keydown → React commit incl. scroll, ${j.length} presses): median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms — budget 16 ms`);
    log(`j presses whose keydown → next paint was ≥ 16 ms (Event Timing): ${ev.length} of ${presses}${ev.length ? ` (max ${Math.max(...ev).toFixed(0)} ms)` : ''}`);

    // long tasks while scrolling: 4 s of wheel-like scrolling plus two long jumps
    await page.evaluate(() => {
      const w = window as unknown as { __lt: number[] };
      w.__lt = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lt.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const scrollStats = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('[data-testid="report-scroller"]')!;
      const frames: number[] = [];
      let last = performance.now();
      const frame = (): Promise<void> => new Promise((ok) => requestAnimationFrame(() => ok()));
      for (let i = 0; i < 240; i++) {
        el.scrollTop += 120;
        await frame();
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      el.scrollTop = el.scrollHeight / 2;
      await frame();
      await frame();
      el.scrollTop = el.scrollHeight - el.clientHeight;
      await frame();
      await frame();
      frames.sort((a, b) => a - b);
      return { frames: frames.length, p95: frames[Math.floor(frames.length * 0.95)], max: frames.at(-1)! };
    });
    await page.waitForTimeout(300);
    const lt = await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt);
    log(`SCROLLING: ${scrollStats.frames} frames, frame time p95 ${scrollStats.p95.toFixed(1)} ms, max ${scrollStats.max.toFixed(1)} ms; long tasks: ${lt.length}${lt.length ? ` (max ${Math.max(...lt).toFixed(0)} ms)` : ''} — budget: none > 50 ms`);
    const domAfter = await page.locator('[data-testid="report-view"] p[data-pi]').count();
    log(`paragraphs in the DOM after scrolling to the end: ${domAfter}`);
  } finally {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
