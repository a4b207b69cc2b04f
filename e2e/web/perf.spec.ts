import { test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServeHandle, startServe } from '../support/server';

// Issue: a report of 1,000,000 characters with ~20,000 findings must first-paint ≤ 1 s, `j` to the
// next finding ≤ 16 ms, no long task > 50 ms while scrolling. This spec MEASURES and PRINTS the
// figures; it never fails on time.

const TARGET_CHARS = 1_000_000;
const TARGET_FINDINGS = 20_000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A synthetic report: shuffled paragraphs of the sample reports, ≥ 1,000,000 code points. */
function syntheticReport(): string {
  const dir = resolve(import.meta.dirname, '..', '..', 'resources', 'samples');
  const paras = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const rnd = seeded(42);
  const out: string[] = [];
  let n = 0;
  while (n < TARGET_CHARS) {
    const p = paras[Math.floor(rnd() * paras.length)];
    out.push(p);
    n += [...p].length + 1;
  }
  return out.join('\n');
}

interface FindingLike {
  type: string;
  id: string;
  origin: string;
  data: Record<string, unknown>;
}

/** Tops the detectors' findings up to TARGET_FINDINGS with figures on digit runs (code point offsets). */
function topUp(text: string, findings: FindingLike[]): number {
  if (findings.length >= TARGET_FINDINGS) return 0;
  const taken = new Set(findings.map((f) => f.id));
  const cps = [...text];
  let added = 0;
  const re = /[0-9０-９]+(?:\.[0-9]+)?[万亿]?[个次项件人元年月日%]?/gu;
  let cp = 0;
  let u = 0;
  for (const m of text.matchAll(re)) {
    while (u < m.index!) {
      u += text.codePointAt(u)! > 0xffff ? 2 : 1;
      cp++;
    }
    const len = [...m[0]].length;
    const id = `fig:${cp}-${cp + len}:count`;
    if (!taken.has(id)) {
      findings.push({ type: 'figure', id, origin: 'detector', data: { text: m[0], start: cp, end: cp + len, kind: 'count', value: 1, value_to: null, unit: null, approx: null, metric: null } });
      added++;
      if (findings.length >= TARGET_FINDINGS) break;
    }
  }
  // still short: two-character spans at regular steps
  for (let s = 7; findings.length < TARGET_FINDINGS && s + 2 < cps.length; s += 37) {
    findings.push({ type: 'figure', id: `fig:${s}-${s + 2}:name`, origin: 'detector', data: { text: cps.slice(s, s + 2).join(''), start: s, end: s + 2, kind: 'name', value: null, value_to: null, unit: null, approx: null, metric: null } });
    added++;
  }
  return added;
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

    let detectorFindings = -1;
    let toppedUp = 0;
    await page.route('**/api/documentGet', async (route) => {
      const resp = await route.fetch();
      const json = (await resp.json()) as { ok: boolean; value?: { text: string; findings: FindingLike[] } };
      if (json.ok && json.value) {
        detectorFindings = json.value.findings.length;
        toppedUp = topUp(json.value.text, json.value.findings);
      }
      await route.fulfill({ response: resp, json });
    });

    await page.goto(serve.url);
    const item = page.getByTestId('doc-item').filter({ hasText: 'synthetic-1m' });
    await item.waitFor({ timeout: 540_000 });
    log(`server start + import + analysis: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

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
      const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documentGet')).at(-1) as PerformanceResourceTiming | undefined;
      return e ? { ms: e.responseEnd - e.startTime, bytes: e.transferSize || e.encodedBodySize } : null;
    });
    const findings = await page.getByTestId('report-counts').textContent();
    log(`findings from the detectors: ${detectorFindings}; synthetic figures added to reach ${TARGET_FINDINGS}: ${toppedUp}; toolbar: ${findings}`);
    log(`FIRST PAINT: ${firstPaint.toFixed(0)} ms (of which documentGet over HTTP: ${net ? `${net.ms.toFixed(0)} ms, ${(net.bytes / 1e6).toFixed(1)} MB` : 'n/a'}) — budget 1000 ms`);
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
