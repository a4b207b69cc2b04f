import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { type ServeHandle, startServe } from '../support/server';

// Issue 15: a report of 1,000,000 characters with ~20,000 findings must first-paint ≤ 0.6 s with
// no long task > 100 ms while opening; scrolling in 2,000 px steps has no frame over 100 ms; every
// review key's visible effect (a, x, s, e, j, k, undo; 40 presses each) is ≤ 50 ms p95 (undo includes the
// backend's answer: it has no local preview). The load average is printed
// with the figures. This spec MEASURES and PRINTS the figures; it never fails on time (it fails only when the synthetic report gives the detectors
// fewer than 20,000 findings, i.e. when the setup no longer measures what it says).

const TARGET_CHARS = 1_000_000;
const TARGET_FINDINGS = 20_000;

/** The 1-, 5- and 15-minute load averages (the figures are measured on a shared machine). */
function loadavg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * With PERF_PROFILE=<folder>: a CPU profile (CDP Profiler) of each measured phase is written
 * there as <phase>.cpuprofile (open it in Chromium's DevTools), and its functions with the most
 * self time are printed — what is on the critical path. Without it, nothing is recorded.
 */
const PROFILE_DIR = process.env.PERF_PROFILE ?? '';

async function profileStart(cdp: CDPSession | null): Promise<void> {
  if (!cdp) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

async function profileStop(cdp: CDPSession | null, phase: string, log: (...a: unknown[]) => void): Promise<void> {
  if (!cdp) return;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(join(PROFILE_DIR, `${phase}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms) continue;
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').at(-1)}:${f.lineNumber + 1}` : ''}`.trim();
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  const top = [...byName.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 15);
  log(`profile ${phase} (self time, ms): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's work in a Chromium trace (PERF_PROFILE): the time per event type
 * (script, JSON, style, layout, paint, GC…) under the tasks, and the longest tasks with what
 * filled them — the critical path of the opening, where a CPU profile shows only the script.
 */
function traceSummary(buf: Buffer): string {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 'no renderer main thread in the trace';
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const t0 = tasks[0]?.ts ?? 0;
  const inner = ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'v8.run', 'ResourceReceivedData', 'ResourceFinish', 'HitTest', 'UpdateLayer', 'ScrollLayer', 'RunMicrotasks', 'v8.callFunction', 'V8.DeserializeContext', 'ParseAuthorStyleSheet'];
  const total = new Map<string, number>();
  // thread time (tdur): what the work cost, apart from the waits of a loaded machine
  for (const e of onMain) if (inner.includes(e.name)) total.set(e.name, (total.get(e.name) ?? 0) + (e.tdur ?? e.dur!) / 1000);
  const longest = [...tasks].sort((a, b) => b.dur! - a.dur!).slice(0, 8).map((t) => {
    const parts = new Map<string, number>();
    for (const e of onMain) if (e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && inner.includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + (e.tdur ?? e.dur!) / 1000);
    const what = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' ');
    return `+${((t.ts - t0) / 1000).toFixed(0)} ms: ${(t.dur! / 1000).toFixed(0)} ms wall, ${((t.tdur ?? t.dur!) / 1000).toFixed(0)} ms thread [${what}]`;
  });
  return `thread time by event (ms; nested events count in each): ${[...total.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; longest tasks: ${longest.join('; ')}`;
}

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

// Playwright's trace takes a DOM snapshot around every action, in the page's main thread: that
// is the harness's work, not the app's, and on two cores it lands in the figures
test.use({ trace: 'off' });

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

    const cdp = PROFILE_DIR ? await page.context().newCDPSession(page) : null;
    await page.goto(serve.url);
    const item = page.getByTestId('doc-item').filter({ hasText: 'synthetic-1m' });
    await item.waitFor({ timeout: 540_000 });
    log(`server start + import + analysis: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // the setup: every finding comes from the detectors (read from the store file, before measuring)
    const detectorFindings = storedFindings(dir);
    log(`findings from the detectors (nothing added): ${detectorFindings}`);
    // issue 15 (17): the list's reviewed count is grouped like every other count (已审 0/14,737)
    await expect(item).toContainText(/已审 0\/\d{1,3}(,\d{3})+/);
    expect(detectorFindings, 'the synthetic report should give the detectors ≥ 20,000 findings').toBeGreaterThanOrEqual(TARGET_FINDINGS);

    const browser = page.context().browser();
    await profileStart(cdp);
    if (PROFILE_DIR && browser) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'toplevel'] });
    // first paint: click → first paragraph on screen (after the next frame); long tasks are
    // recorded from the click until 2 s after that paint (the work queued after it counts too)
    await page.evaluate(() => {
      const w = window as unknown as { __openLt: number[] };
      w.__openLt = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__openLt.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
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
    await page.waitForTimeout(2000);
    const findingsNet = await page.evaluate(() => {
      const parts = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documentFindings')) as PerformanceResourceTiming[];
      if (parts.length === 0) return '';
      const from = Math.min(...parts.map((e) => e.startTime));
      const to = Math.max(...parts.map((e) => e.responseEnd));
      const bytes = parts.reduce((a, e) => a + (e.transferSize || e.encodedBodySize), 0);
      return `${parts.length} parts, ${(to - from).toFixed(0)} ms from the first asked to the last answered, ${(bytes / 1e6).toFixed(1)} MB`;
    });
    const phases = await page.evaluate(() => {
      // the view is asked for at report:asked (its request may go from a worker, off this page's timeline)
      const click = performance.getEntriesByName('report:asked').at(-1)?.startTime ?? performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documentView')).at(-1)?.startTime ?? 0;
      return performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('report:') && m.name !== 'report:asked')
        .map((m) => `${m.name.slice(7)} +${(m.startTime - click).toFixed(0)} ms`)
        .join(', ');
    });
    log(`opening steps (from the documentView request; HTTP timings are n/a when a worker fetched it): ${phases || 'n/a'}; first paint ${firstPaint.toFixed(0)} ms after the click${findingsNet ? `; the findings apart (documentFindings) over HTTP: ${findingsNet}` : ''}`);
    if (PROFILE_DIR && browser) {
      const buf = await browser.stopTracing();
      writeFileSync(join(PROFILE_DIR, 'open.trace.json'), buf);
      log(`trace of the opening: ${traceSummary(buf)}`);
    }
    await profileStop(cdp, 'open', log);
    const openLt = await page.evaluate(() => (window as unknown as { __openLt: number[] }).__openLt);
    log(`load average at opening: ${loadavg()}`);
    log(`LONG TASKS WHILE OPENING (click → 2 s after first paint): ${openLt.length}${openLt.length ? ` — ${openLt.map((d) => d.toFixed(0)).join(', ')} ms (max ${Math.max(...openLt).toFixed(0)} ms)` : ''} — budget: none > 100 ms`);
    const net = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documentView')).at(-1) as PerformanceResourceTiming | undefined;
      return e ? { ms: e.responseEnd - e.startTime, bytes: e.transferSize || e.encodedBodySize } : null;
    });
    const findings = await page.getByTestId('report-counts').textContent();
    log(`toolbar: ${findings} (names and boilerplate are not counted there)`);
    log(`FIRST PAINT: ${firstPaint.toFixed(0)} ms (of which documentView over HTTP: ${net ? `${net.ms.toFixed(0)} ms, ${(net.bytes / 1e6).toFixed(1)} MB` : 'n/a'}) — budget 600 ms`);
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
    log(`J LATENCY (keydown → React commit incl. scroll, ${j.length} presses): median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms (the commit only; the visible effect of every key is measured below)`);
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

    // scrolling in 2,000 px steps: the time from each step to the frame after it
    await profileStart(cdp);
    const steps = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('[data-testid="report-scroller"]')!;
      el.scrollTop = 0;
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
      const out: number[] = [];
      for (let i = 0; i < 60 && el.scrollTop + el.clientHeight < el.scrollHeight; i++) {
        const t = performance.now();
        el.scrollTop += 2000;
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        out.push(performance.now() - t);
        await new Promise((ok) => setTimeout(ok, 30));
      }
      return out;
    });
    await profileStop(cdp, 'scroll-steps', log);
    const sortedSteps = [...steps].sort((a, b) => a - b);
    log(`SCROLL 2,000 px STEPS: ${steps.length} steps, step → painted frame p95 ${sortedSteps[Math.floor(sortedSteps.length * 0.95)]?.toFixed(1)} ms, max ${sortedSteps.at(-1)?.toFixed(1)} ms, over 100 ms: ${steps.filter((x) => x > 100).length} — budget: none over 100 ms`);

    // every review key: the time from the key to the painted frame after its first change to
    // the page (a DOM mutation), the key dispatched in the page so the clock starts with it
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="report-scroller"]')!;
      el.scrollTop = 0;
      (document.activeElement as HTMLElement | null)?.blur();
    });
    // each press: its time, and what went with it (for the slow ones, printed below): how far the
    // report scrolled, the paragraphs the view added, review answers that arrived and that were applied during it
    interface Press { ms: number; scrolled: number; added: number; answers: number; arrived: number }
    const measureKey = (key: string, mods: { ctrlKey?: boolean } = {}): Promise<Press> =>
      page.evaluate(
        ({ key, mods }) =>
          new Promise<Press>((ok) => {
            let done = false;
            const scroller = document.querySelector<HTMLElement>('[data-testid="report-scroller"]');
            const top0 = scroller?.scrollTop ?? 0;
            const paras0 = new Set(document.querySelectorAll('[data-testid="report-view"] p[data-pi]'));
            const finish = (ms: number): void => {
              const t1 = t0 + Math.max(ms, 0);
              const added = [...document.querySelectorAll('[data-testid="report-view"] p[data-pi]')].filter((p) => !paras0.has(p)).length;
              // an earlier write's answer applied (re-rendered) between the key and its frame
              const answers = performance.getEntriesByName('review:applied').filter((m) => m.startTime >= t0 && m.startTime <= t1).length;
              // an earlier write's answer that arrived over HTTP (parsed, its promise run) in that time
              const arrived = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/review') && (r as PerformanceResourceTiming).responseEnd >= t0 && (r as PerformanceResourceTiming).responseEnd <= t1).length;
              ok({ ms, scrolled: Math.abs((scroller?.scrollTop ?? 0) - top0), added, answers, arrived });
            };
            // the first change to the page: a DOM mutation, or the focus moving (e)
            const seen = (): void => {
              if (done) return;
              done = true;
              mo.disconnect();
              document.removeEventListener('focusin', seen, true);
              requestAnimationFrame(() => setTimeout(() => finish(performance.now() - t0), 0));
            };
            const mo = new MutationObserver(seen);
            mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            document.addEventListener('focusin', seen, true);
            setTimeout(() => {
              if (done) return;
              done = true;
              mo.disconnect();
              document.removeEventListener('focusin', seen, true);
              finish(-1);
            }, 3000);
            const target = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
            const t0 = performance.now();
            target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
          }),
        { key, mods },
      );
    const settle = (): Promise<void> => page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 120))));
    const keyStats: Record<string, Press[]> = { j: [], k: [], a: [], x: [], s: [], e: [], undo: [] };
    await measureKey('j');
    await settle();
    await profileStart(cdp);
    // 40 presses of every key: p95 is then a percentile (the 39th of 40), not the slowest press
    const ROUNDS = 40;
    for (let round = 0; round < ROUNDS; round++) {
      for (const k of ['j', 'k', 'j', 'a', 'x', 's'] as const) {
        keyStats[k].push(await measureKey(k));
        await settle();
      }
      keyStats.e.push(await measureKey('e'));
      await settle();
      await measureKey('Escape');
      await settle();
      keyStats.undo.push(await measureKey('z', { ctrlKey: true }));
      await page.waitForTimeout(250);
      await settle();
    }
    const load = loadavg();
    await profileStop(cdp, 'keys', log);
    for (const [k, xs] of Object.entries(keyStats)) {
      const ok = xs.map((x) => x.ms).filter((x) => x >= 0).sort((a, b) => a - b);
      const p = (q: number): string => (ok.length ? ok[Math.min(ok.length - 1, Math.floor(q * ok.length))].toFixed(1) : 'n/a');
      log(`KEY ${k.padEnd(4)} visible effect (key → painted frame after its first DOM change), ${ok.length}/${xs.length} presses: median ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${ok.at(-1)?.toFixed(1) ?? 'n/a'} ms — budget p95 ≤ 50 ms`);
      const slow = xs.map((x, i) => ({ ...x, i })).filter((x) => x.ms > 50);
      if (slow.length) log(`  ${k} presses over 50 ms: ${slow.map((x) => `#${x.i + 1} ${x.ms.toFixed(0)} ms (scrolled ${x.scrolled.toFixed(0)} px, +${x.added} paragraphs, ${x.arrived} review answers arrived, ${x.answers} applied)`).join('; ')}`);
    }
    log(`load average while measuring: ${load}`);
  } finally {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
