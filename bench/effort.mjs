#!/usr/bin/env node
// bench/effort: the analyst's effort in keystrokes, from the detector output to the gold, driven
// through the review actions of src/core (not the UI); first without, then with "apply to all
// like this" and workspace rules learned from the reports reviewed before. Then the cost of
// re-analysing a 2,000-report workspace with 500 rules against without (as the service does it).
// Prints figures; never passes or fails.
//   node bench/effort.mjs [--docs N] [--passes N] [--baseline COMMIT] [--skip-overhead] [--service] [--like] [--verbose] [--key-seconds S]
//   (--baseline: the rules stage of that commit timed against this tree's, interleaved)
//   (--service also times rulesReanalyze through the backend on a workspace of --docs reports;
//   --like times the workspace preview of "apply to all like this" there — undo-s6)
//
// The simulated analyst knows the gold, so only reports with gold can be simulated: the
// development gold reports (../shared/eval/dev-gold). The other sample reports have no gold;
// for them the bench prints only how many findings the rules learned from the gold reports change.
// Scope: figures (quantities and dates, as the scorer scores them); duplicates and defects are not
// simulated. The key model (keys from src/renderer/src/features/shortcuts/keys.ts, the inspector's
// field order text, kind, value, value_to, unit, approx, metric from FigureForm.tsx):
//   going to a finding that needs work: 1 (a click, or j when it is the next one)
//   reject: x (1)
//   correct fields: e (focuses value) + one Tab / Shift+Tab per field moved + typing + Enter;
//     typing a number: its characters; a select (kind, approx): 1; Chinese text: 2 keys per
//     character (pinyin IME with word completion); clearing a field: 2 (select all, Delete)
//   a metric that is written in the figure's paragraph: select its words (1, a mouse drag) + m
//     (1) — the renderer's "metric from selection" (features/rules/metric.ts) — instead of
//     typing it in the form (the other fields, if any, through the form as above); only where
//     the gold metric is literally in the paragraph, else it is typed
//   a missing figure: select its text (1, a mouse drag) + f (1) + corrections of what the
//     manual figure's guess (the renderer's parseFigureInput/guessKind) gets wrong
//   a finding the detector placed on the wrong span: reject it + add the right one
//   accepting what is right: Shift+A per kind with a finding of that kind selected (2 per kind)
//   apply to all like this (with propagation): 1 key + Enter on the preview (2), used only when
//     every finding like this one needs exactly the same decision and it saves keys
// Reading is not counted: keystrokes only.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const KEY_SECONDS = Number(arg('--key-seconds', '0.3'));
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'ra-effort-'));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { analyzeText, buildBoilerplate } from ${JSON.stringify(join(root, 'src/core/index.ts'))};`,
    `export * from ${JSON.stringify(join(root, 'src/core/rules/index.ts'))};`,
    `export { applyAction, previewBatch } from ${JSON.stringify(join(root, 'src/core/review/index.ts'))};`,
    `export { derivedFindings, findingsFromAnalysis } from ${JSON.stringify(join(root, 'src/core/document/index.ts'))};`,
    `export { parseFigureInput, guessKind } from ${JSON.stringify(join(root, 'src/renderer/src/features/inspector/parseValue.ts'))};`,
  ].join('\n'),
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
const core = await import(join(dir, 'core.mjs'));

const corpusDir = join(shared, 'corpus');
const goldDir = join(shared, 'eval/dev-gold');
if (!existsSync(corpusDir) || !existsSync(goldDir)) {
  console.log(`SKIP: ${corpusDir} or ${goldDir} absent; the effort simulation needs the corpus and the dev gold`);
  process.exit(0);
}
const texts = Object.fromEntries(readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]));
const boilerplate = core.buildBoilerplate(Object.values(texts));
const golds = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')));

// ---- the key model ----------------------------------------------------------------------------
const QUANTITY = new Set(['count', 'money', 'percent', 'range', 'duration']);
const group = (k) => (k === 'date' ? 'date' : QUANTITY.has(k) ? 'quantity' : null);
const FORM = ['kind', 'value', 'value_to', 'unit', 'approx', 'metric'];
const FIELDS = ['kind', 'value', 'unit', 'approx', 'metric'];
const sameNumber = (x, y) => x != null && y != null && Math.abs(Number(x) - Number(y)) <= 1e-9 * Math.max(1, Math.abs(Number(y)));
const sameField = (k, a, b) => (k === 'value' ? (a == null && b == null) || sameNumber(a, b) : (a ?? null) === (b ?? null));
const typing = (k, v) => {
  if (v == null || v === '') return 2;
  if (k === 'kind' || k === 'approx') return 1;
  if (k === 'value' || k === 'value_to') return String(v).length;
  let n = 0;
  for (const ch of String(v)) n += /[\u3400-\u9fff\uf900-\ufaff]/u.test(ch) ? 2 : 1;
  return n;
};
/** fields of `data` that differ from gold `g` */
const diffTo = (data, g) => {
  const out = {};
  for (const k of FIELDS) if (!sameField(k, data[k], g[k])) out[k] = g[k] ?? null;
  return out;
};
const editCost = (fields) => {
  const keys = FORM.filter((k) => k in fields);
  if (keys.length === 0) return 0;
  let cost = 1; // e
  let at = FORM.indexOf('value');
  for (const k of keys) {
    cost += Math.abs(FORM.indexOf(k) - at) + typing(k, fields[k]);
    at = FORM.indexOf(k);
  }
  return cost + 1; // Enter
};
function manualGuess(text) {
  const parsed = core.parseFigureInput(text);
  const kind = parsed ? core.guessKind(text) : 'name';
  return { kind: kind === 'name' && parsed ? 'count' : kind, value: parsed?.value ?? null, unit: parsed?.unit ?? null, approx: parsed?.approx ?? null, metric: null };
}

const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** the scorer's greedy one-to-one matching by largest overlap, per group */
function matchFigures(findings, goldFigures) {
  const pairs = [];
  findings.forEach((f, i) => goldFigures.forEach((g, j) => {
    const o = overlap(f.data, g);
    if (o > 0 && group(f.data.kind) && group(f.data.kind) === group(g.kind)) pairs.push([o, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0]);
  const byFinding = new Map();
  const usedG = new Set();
  for (const [, i, j] of pairs) {
    if (byFinding.has(findings[i].id) || usedG.has(j)) continue;
    byFinding.set(findings[i].id, goldFigures[j]);
    usedG.add(j);
  }
  return { byFinding, unmatchedGold: goldFigures.filter((_, j) => !usedG.has(j)) };
}

/** What the analyst must do to finding f: null (right as it is), { status: 'rejected' } or { fields }. */
function needOf(f, match) {
  if (!group(f.data.kind)) return null; // names are not scored nor review work
  const g = match.byFinding.get(f.id);
  if (!g) return { status: 'rejected' };
  if (g.optional) return null;
  const fields = diffTo(f.data, g);
  return Object.keys(fields).length ? { fields } : null;
}
/** the paragraph (line) of the text around code point `at` */
function paragraphAt(cps, at) {
  let a = at;
  let b = at;
  while (a > 0 && cps[a - 1] !== '\n') a--;
  while (b < cps.length && cps[b] !== '\n') b++;
  return cps.slice(a, b).join('');
}
/** keys to make finding f's fields `fields`: the form, or a selection + m for a metric written in its paragraph */
let selectMetric = !process.argv.includes('--no-select-metric');
function correctCost(fields, f, cps) {
  const m = fields.metric;
  if (selectMetric && typeof m === 'string' && m.length > 0 && paragraphAt(cps, f.data.start).includes(m)) {
    const rest = { ...fields };
    delete rest.metric;
    return 2 + editCost(rest);
  }
  return editCost(fields);
}
const costOf = (need, f, cps) => (need.status === 'rejected' ? 1 : correctCost(need.fields, f, cps));
const sameNeed = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'bench' };
function reviewReport(gold, rules, propagate) {
  const text = texts[gold.doc];
  const cps = [...text];
  const analysis = core.analyzeText(text, { boilerplate });
  const detector = core.findingsFromAnalysis(analysis).filter((f) => f.type === 'figure');
  const applied = core.applyRules(detector, rules, { text });
  const findings = applied.findings;
  const target = gold.figures.filter((g) => group(g.kind));
  const goldCount = target.filter((g) => !g.optional).length;
  const match = matchFigures(findings, target);
  let state = { text, findings, reviews: {}, history: { undo: [], redo: [] } };
  const done = new Set();
  const keys = { navigate: 0, reject: 0, correct: 0, add: 0, bulk: 0, propagate: 0 };
  const decisions = [];
  let propagated = 0;
  for (const f of findings) {
    if (done.has(f.id)) continue;
    const need = needOf(f, match);
    if (!need) continue;
    keys.navigate += 1;
    if (process.argv.includes('--verbose')) console.log(`      ${gold.doc} ${f.data.text}@${f.data.start} ${f.data.kind}: ${JSON.stringify(need)}`);
    if (need.status) keys.reject += 1;
    else keys.correct += correctCost(need.fields, f, cps);
    const action = need.status ? { type: 'setStatus', findingIds: [f.id], status: 'rejected' } : { type: 'setFields', findingId: f.id, fields: need.fields };
    state = core.applyAction(state, action, ctx);
    done.add(f.id);
    decisions.push(f.id);
    if (!propagate) continue;
    const like = core.findLike([{ id: gold.doc, text, findings, reviews: state.reviews }], { documentId: gold.doc, findingId: f.id, review: state.reviews[f.id] }).map((m) => m.findingId);
    if (like.length === 0) continue;
    const byId = new Map(findings.map((x) => [x.id, x]));
    const allSame = like.every((id) => sameNeed(needOf(byId.get(id), match), need));
    const saves = like.reduce((s, id) => s + 1 + costOf(needOf(byId.get(id), match) ?? { fields: {} }, byId.get(id), cps), 0);
    if (!allSame || saves <= 2) continue;
    const preview = core.previewBatch(state, like, need.status ? { status: 'rejected' } : { fields: need.fields }, ctx);
    if (!preview.action) continue;
    state = core.applyAction(state, preview.action, ctx);
    keys.propagate += 2;
    propagated += preview.count;
    for (const id of like) done.add(id);
  }
  // missing figures: select, f, corrections of the manual guess
  for (const g of match.unmatchedGold) {
    if (g.optional) continue;
    keys.add += 2 + editCost(diffTo(manualGuess(g.text), g));
  }
  // wrong span: the matched finding is right in fields but on another span → counted as matched (the scorer accepts any overlap)
  const kinds = new Set(findings.filter((f) => !done.has(f.id) && group(f.data.kind) && match.byFinding.has(f.id)).map((f) => f.data.kind));
  keys.bulk = 2 * kinds.size;
  const total = Object.values(keys).reduce((a, b) => a + b, 0);
  return { doc: gold.doc, goldCount, findings: findings.length, ruleChanges: applied.changed.length, keys, total, decisions, state, text, propagated };
}

function learn(rules, run, propagate) {
  const seen = new Set(rules.map((r) => JSON.stringify(r.match)));
  const out = [...rules];
  const byId = new Map(run.state.findings.map((f) => [f.id, f]));
  for (const id of run.decisions) {
    const r = core.ruleFromDecision(run.text, byId.get(id), run.state.reviews[id], { analyst: 'bench', documentId: run.doc, at: ctx.now }, `r${out.length + 1}`);
    if (!r || seen.has(JSON.stringify(r.match))) continue;
    seen.add(JSON.stringify(r.match));
    out.push(r);
  }
  return propagate ? out : rules;
}

function session(order, withRules) {
  let rules = [];
  const runs = [];
  for (const gold of order) {
    const run = reviewReport(gold, rules, withRules);
    runs.push({ ...run, rulesBefore: rules.length });
    rules = learn(rules, run, withRules);
  }
  return { runs, rules };
}

console.log(`effort: ${golds.length} gold reports (${golds.map((g) => g.doc).join(', ')}); keystroke cost ${KEY_SECONDS} s (assumed, Prodigy-like; override with --key-seconds); load ${load()}`);
const orders = [golds, [...golds].reverse()];
let learned = [];
for (const order of orders) {
  console.log(`\norder: ${order.map((g) => g.doc.replace(/\.txt$/, '')).join(' → ')}`);
  for (const withRules of [false, true]) {
    const { runs, rules } = session(order, withRules);
    if (withRules && order === golds) learned = rules;
    let keys = 0;
    let items = 0;
    console.log(`  ${withRules ? 'with apply-to-all and rules' : 'without'}:`);
    for (const r of runs) {
      keys += r.total;
      items += r.goldCount;
      const k = r.keys;
      console.log(`    ${r.doc}: ${r.total} keys / ${r.goldCount} gold figures = ${fmt(r.total / r.goldCount)} per figure (go to ${k.navigate}, reject ${k.reject}, correct ${k.correct}, add ${k.add}, bulk accept ${k.bulk}, apply-to-all ${k.propagate} covering ${r.propagated}; ${r.rulesBefore} rules in force changed ${r.ruleChanges} findings)`);
    }
    const bulk = runs.reduce((s, r) => s + r.keys.bulk, 0);
    console.log(`    total: ${keys} keys / ${items} gold figures = ${fmt(keys / items)} per figure (${fmt((keys - bulk) / items)} without the final bulk accepts), ${fmt((keys * KEY_SECONDS) / 60, 1)} min at ${KEY_SECONDS} s per key${withRules ? `; ${rules.length} rules learned` : ''}`);
  }
}

// the same analyst without "metric from selection" (every metric typed in the form), for comparison
if (selectMetric) {
  selectMetric = false;
  for (const withRules of [false, true]) {
    const { runs } = session(golds, withRules);
    const keys = runs.reduce((s, r) => s + r.total, 0);
    const items = runs.reduce((s, r) => s + r.goldCount, 0);
    console.log(`\nfor comparison, every metric typed in the form (first order, ${withRules ? 'with apply-to-all and rules' : 'without'}): ${keys} keys / ${items} gold figures = ${fmt(keys / items)} per figure, ${fmt((keys * KEY_SECONDS) / 60, 1)} min`);
  }
  selectMetric = true;
}

// the sample reports without gold: what the rules learned from the gold reports change there
const withoutGold = Object.keys(texts).filter((f) => !golds.some((g) => g.doc === f));
console.log(`\nsample reports without gold (no simulation possible; the ${learned.length} rules learned from the gold reports, applied):`);
for (const f of withoutGold) {
  const findings = core.findingsFromAnalysis(core.analyzeText(texts[f], { boilerplate })).filter((x) => x.type === 'figure');
  const res = core.applyRules(findings, learned, { text: texts[f] });
  const ops = {};
  for (const c of res.changed) {
    const op = learned.find((r) => r.id === c.ruleId).action.op;
    ops[op] = (ops[op] ?? 0) + 1;
  }
  console.log(`  ${f}: ${findings.length} figure findings, ${res.changed.length} changed by rules ${JSON.stringify(ops)}`);
}

// ---- 500 rules over a 2,000-report workspace ------------------------------------------------------
// What re-analysing a report costs in the service (src/main/service/importing.ts + rules-apply.ts):
// the analysis, then rebuildDocument's derivedFindings; with rules, core's ruledFromDerived on top
// (ruledFindings over what was derived: the rules act on the detector findings, and the
// consistency checks run again over what they left only when a rule changed something).
// Timed per stage, each the best of N passes: on a loaded machine an interleaved pass mostly
// measures the other processes. Reading and writing the files is the same with and without rules
// and is left out (it would only make the ratio smaller).
if (!process.argv.includes('--skip-overhead')) {
  const { writeCorpus } = await import('./lib.mjs');
  const docs = Number(arg('--docs', '2000'));
  const passes = Number(arg('--passes', '2'));
  const { dir: cdir, bytes } = writeCorpus(`corpus-effort-${docs}`, docs, 9_000, 7);
  const files = readdirSync(cdir).filter((f) => f.endsWith('.txt')).sort().slice(0, docs);
  const corpus = files.map((f) => readFileSync(join(cdir, f), 'utf8'));
  // 500 rules from the corpus's own figures (so they match): a third each ignore, name, fix; half by text, half by clause
  const first = corpus.slice(0, 60).map((t) => ({ t, fs: core.findingsFromAnalysis(core.analyzeText(t)).filter((f) => f.type === 'figure') }));
  const rules = [];
  const seen = new Set();
  outer: for (let round = 0; round < 40; round++) {
    for (const { t, fs } of first) {
      if (fs.length === 0) continue;
      const f = fs[(round * 37 + rules.length * 13) % fs.length];
      const i = rules.length;
      const match = i % 2 ? { type: 'figure', kind: f.data.kind, pattern: core.clausePattern(t, f.data.start, f.data.end) } : { type: 'figure', kind: f.data.kind, text: core.foldSurface(f.data.text) };
      const key = JSON.stringify(match);
      if (seen.has(key)) continue;
      seen.add(key);
      const action = i % 3 === 0 ? { op: 'ignore' } : i % 3 === 1 ? { op: 'name' } : { op: 'fix', fields: { metric: '指标', unit: '个' } };
      rules.push({ id: `s${i}`, enabled: true, match, action, provenance: { analyst: 'bench', documentId: 'synthetic', at: ctx.now } });
      if (rules.length >= 500) break outer;
    }
  }
  const analyses = [];
  // CPU time of this thread, fastest pass, per stage (for --baseline's ratios)
  const cpuBest = { analysis: Infinity, derive: Infinity };
  const cpuOf = (t) => {
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1e6;
  };
  const timeAnalysis = () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyses.length = 0;
    for (const text of corpus) analyses.push(core.analyzeText(text));
    cpuBest.analysis = Math.min(cpuBest.analysis, cpuOf(c0));
    return (performance.now() - t0) / 1000;
  };
  const derived = [];
  const timeDerive = () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    derived.length = 0;
    for (let i = 0; i < corpus.length; i++) derived.push(core.derivedFindings(corpus[i], analyses[i]));
    cpuBest.derive = Math.min(cpuBest.derive, cpuOf(c0));
    return (performance.now() - t0) / 1000;
  };
  let changed = 0;
  let findings = 0;
  const timeRuled = (set) => {
    const t0 = performance.now();
    changed = 0;
    findings = 0;
    for (let i = 0; i < corpus.length; i++) {
      const r = core.ruledFromDerived(corpus[i], derived[i], set);
      changed += r.changed.length;
      findings += r.findings.length;
    }
    return (performance.now() - t0) / 1000;
  };
  // the same number of rules of the same kinds that match nothing: the cost of looking rules up
  const quiet = rules.map((r, i) => ({ ...r, match: r.match.text !== undefined ? { ...r.match, text: `无此规则${i}` } : { ...r.match, pattern: `无此规则${i}|#次` } }));
  const best = (fn) => Math.min(...Array.from({ length: passes }, fn));
  timeAnalysis(); // warm-up of the JIT and the lexicons (and the analyses the other stages read)
  timeDerive();
  timeRuled(rules);
  const analysisS = best(timeAnalysis);
  const deriveS = best(timeDerive);
  const ruledS = best(() => timeRuled(rules));
  const changedBy500 = changed;
  const quietS = best(() => timeRuled(quiet));
  const without = analysisS + deriveS;
  const withRules = analysisS + deriveS + ruledS;
  console.log(`\nre-analysing ${corpus.length} reports (${fmt(bytes / 1048576, 1)} MB) as the service does, with ${rules.length} rules (a third each ignore, name, fix; half by text, half by clause pattern); one thread, in process, best of ${passes}, load ${load()}:`);
  console.log(`  without rules: ${fmt(without)} s (analysis ${fmt(analysisS)} s + derivedFindings ${fmt(deriveS, 3)} s)`);
  console.log(`  with rules:    ${fmt(withRules)} s (+ ruledFromDerived ${fmt(ruledS, 3)} s; ${changedBy500} of ${findings} findings changed)`);
  console.log(`  with / without: ${fmt(withRules / without, 3)}x (target ≤ 1.2x); the corpus repeats sample paragraphs, so these rules change ${fmt((100 * changedBy500) / Math.max(1, findings), 0)}% of the findings, far more than real rules would`);
  console.log(`  ${quiet.length} rules of the same kinds that match nothing: ${fmt((without + quietS) / without, 3)}x`);

  // undo-s6: --baseline COMMIT — the rules stage of that commit against this tree's, on the same
  // derived findings and rules, interleaved (A B A B …: load changes hit both), CPU time of this
  // thread, fastest of --passes + 3 runs each; the ratios over the stages without rules measured above
  const baseline = arg('--baseline', null);
  if (baseline) {
    const { execFileSync } = await import('node:child_process');
    const btmp = mkdtempSync(join(tmpdir(), 'ra-effort-base-'));
    try {
      execFileSync('sh', ['-c', `git -C '${root}' archive '${baseline}' src resources | tar -x -C '${btmp}'`]);
      const bundleRules = async (from, name) => {
        const e = join(btmp, `${name}-entry.ts`);
        writeFileSync(e, `export { ruledFromDerived } from ${JSON.stringify(join(from, 'src/core/rules/index.ts'))};`);
        await build({ entryPoints: [e], bundle: true, platform: 'node', format: 'esm', outfile: join(btmp, `${name}.mjs`), logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
        return import(join(btmp, `${name}.mjs`));
      };
      const before = await bundleRules(btmp, 'before');
      const after = await bundleRules(root, 'after');
      const cpu = (impl, set) => {
        const t = process.cpuUsage();
        for (let i = 0; i < corpus.length; i++) impl.ruledFromDerived(corpus[i], derived[i], set);
        const d = process.cpuUsage(t);
        return (d.user + d.system) / 1e6;
      };
      const runs = { before: [], after: [], beforeQuiet: [], afterQuiet: [] };
      cpu(before, rules); cpu(after, rules); // warm up
      for (let r = 0; r < passes + 3; r++) {
        runs.before.push(cpu(before, rules));
        runs.after.push(cpu(after, rules));
        runs.beforeQuiet.push(cpu(before, quiet));
        runs.afterQuiet.push(cpu(after, quiet));
      }
      const m = (k) => Math.min(...runs[k]);
      const without = cpuBest.analysis + cpuBest.derive;
      console.log(`  the rules stage before (${baseline}) and after (this tree), CPU s, fastest of ${passes + 3} interleaved runs, over ${fmt(without)} CPU s without rules (analysis + derivedFindings), load ${load()}:`);
      console.log(`    ${rules.length} rules: before ${fmt(m('before'), 3)} s → ${fmt((without + m('before')) / without, 3)}x; after ${fmt(m('after'), 3)} s → ${fmt((without + m('after')) / without, 3)}x`);
      console.log(`    ${quiet.length} rules that match nothing: before ${fmt(m('beforeQuiet'), 3)} s → ${fmt((without + m('beforeQuiet')) / without, 3)}x; after ${fmt(m('afterQuiet'), 3)} s → ${fmt((without + m('afterQuiet')) / without, 3)}x`);
    } finally {
      rmSync(btmp, { recursive: true, force: true });
    }
  }
}

/**
 * A backend bundled from source, in this process, over a fresh workspace of `docs` synthetic
 * reports (analysis in process): what --service and --like measure through.
 */
async function serviceWorkspace(tag) {
  const { writeCorpus } = await import('./lib.mjs');
  const { cpSync, mkdirSync } = await import('node:fs');
  const docs = Number(arg('--docs', '2000'));
  const { dir: cdir } = writeCorpus(`corpus-effort-${docs}`, docs, 9_000, 7);
  const ws = mkdtempSync(join(tmpdir(), `ra-effort-${tag}-`));
  mkdirSync(join(ws, 'reports'));
  for (const f of readdirSync(cdir).filter((x) => x.endsWith('.txt')).sort().slice(0, docs)) cpSync(join(cdir, f), join(ws, 'reports', f));
  const out = join(root, 'bench', '.data', `effort-${tag}-bundle`);
  await build({
    entryPoints: { backend: join(root, 'src/main/service/backend.ts'), dispatch: join(root, 'src/main/service/dispatch.ts') },
    bundle: true, platform: 'node', format: 'esm', outdir: out, outExtension: { '.js': '.mjs' }, packages: 'external', logLevel: 'error',
  });
  const { createBackend } = await import(join(out, 'backend.mjs'));
  const { dispatch } = await import(join(out, 'dispatch.mjs'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'ra-effort-ud-'));
  const make = () => createBackend({ mode: 'browser', app: 'serve', samplesDir: join(root, 'resources', 'samples'), userDataDir, workspaceDir: ws, log: { error: (m, c) => console.error(m, c) }, version: 'bench', workerPath: null });
  const session = { backend: make() };
  const call = async (m, req) => {
    const r = await dispatch(session.backend.handlers, m, req);
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const close = async () => {
    await session.backend.close();
    rmSync(ws, { recursive: true, force: true });
  };
  /** the app closed and opened again on the same workspace (a new session; `backend` is the new one) */
  const reopen = async () => {
    await session.backend.close();
    session.backend = make();
    return session.backend;
  };
  return { backend: session.backend, call, close, reopen };
}

// ---- the same through the service: rulesReanalyze of a 2,000-report workspace ------------------
// (--service: the backend bundled from source, in this process, analysis in process; each
// re-analysis reads every report again, analyses it, applies the rules and writes what changed)
if (process.argv.includes('--service')) {
  const { backend, call, close } = await serviceWorkspace('ws');
  const t0 = performance.now();
  await call('workspaceGet', {});
  await backend.refreshed();
  const view = await call('workspaceGet', {});
  console.log(`\nthrough the service: ${view.documents.length} reports imported in ${fmt((performance.now() - t0) / 1000, 1)} s (load ${load()})`);
  // 500 rules from the workspace's own figures, as above
  const rules = [];
  const seen = new Set();
  for (let d = 0; d < 80 && rules.length < 500; d++) {
    const doc = await call('documentGet', { id: view.documents[d].id });
    const figs = doc.findings.filter((f) => f.type === 'figure');
    for (let k = 0; k < figs.length && rules.length < 500; k += 3) {
      const f = figs[k];
      const i = rules.length;
      const match = i % 2 ? { type: 'figure', kind: f.data.kind, pattern: core.clausePattern(doc.text, f.data.start, f.data.end) } : { type: 'figure', kind: f.data.kind, text: core.foldSurface(f.data.text) };
      const key = JSON.stringify(match);
      if (seen.has(key)) continue;
      seen.add(key);
      const action = i % 3 === 0 ? { op: 'ignore' } : i % 3 === 1 ? { op: 'name' } : { op: 'fix', fields: { metric: '指标', unit: '个' } };
      rules.push({ id: `s${i}`, enabled: true, match, action, provenance: { analyst: 'bench', documentId: 'synthetic', at: ctx.now } });
    }
  }
  const passes = Number(arg('--passes', '2'));
  const reanalyse = async () => {
    const t = performance.now();
    const r = await call('rulesReanalyze', {});
    return { s: (performance.now() - t) / 1000, r };
  };
  const withoutRuns = [];
  for (let i = 0; i < passes; i++) withoutRuns.push(await reanalyse());
  await call('rulesImport', { json: core.exportRules(rules) });
  const withRuns = [];
  for (let i = 0; i < passes; i++) withRuns.push(await reanalyse());
  const a = Math.min(...withoutRuns.map((x) => x.s));
  const b = Math.min(...withRuns.map((x) => x.s));
  const first = withRuns[0].r;
  console.log(`  rulesReanalyze without rules: ${fmt(a, 1)} s; with ${rules.length} rules: ${fmt(b, 1)} s (findings ${first.findingsBefore} → ${first.findingsAfter}; the rules changed or dropped ${first.rules.reduce((n, x) => n + x.after, 0)}); with / without ${fmt(b / a, 3)}x (best of ${passes}, load ${load()})`);
  await close();
}

// ---- undo-s6: the workspace preview of "apply to all like this" over a --docs-report workspace --------
// (--like: the backend bundled from source, in this process. A metric fix on a figure of the first
// report, previewed over the workspace: the first preview, the same again, and again after one
// other report changed — before the like-index every preview read every report.)
if (process.argv.includes('--like')) {
  const { backend, call, close, reopen } = await serviceWorkspace('like');
  const t0 = performance.now();
  await call('workspaceGet', {});
  await backend.refreshed();
  const view = await call('workspaceGet', {});
  console.log(`\n"apply to all like this" over the workspace: ${view.documents.length} reports imported in ${fmt((performance.now() - t0) / 1000, 1)} s (load ${load()})`);
  // the import's writes finished first (the index's lookups write what is pending before they stat)
  for (let i = 0; i < 600 && (await call('saveStateGet', {})).pending > 0; i++) await new Promise((ok) => setTimeout(ok, 100));
  const byName = [...view.documents].sort((x, y) => (x.name < y.name ? -1 : 1));
  const home = byName[0].id;
  const doc = await call('documentGet', { id: home });
  const fig = doc.findings.find((f) => f.type === 'figure' && /[0-9]/.test(f.data.text) && f.data.unit);
  await call('reviewApply', { documentId: home, action: { type: 'setFields', findingId: fig.id, fields: { metric: '基准指标' } } });
  const preview = async () => {
    const t = performance.now();
    const p = await call('likePreview', { documentId: home, findingId: fig.id, scope: 'workspace' });
    return { s: (performance.now() - t) / 1000, p };
  };
  const first = await preview();
  const again = [await preview(), await preview()];
  // another report changes (a review): the next preview reads that one again
  const other = byName[Math.min(7, byName.length - 1)].id;
  const otherDoc = await call('documentGet', { id: other });
  const f2 = otherDoc.findings.find((f) => f.type === 'figure');
  if (f2) await call('reviewApply', { documentId: other, action: { type: 'setStatus', findingIds: [f2.id], status: 'accepted' } });
  const changed = await preview();
  console.log(`  likePreview of a metric fix on ${JSON.stringify(fig.data.text)} (${first.p.count} findings like it in ${first.p.documents} reports): first ${fmt(first.s, 2)} s; again ${again.map((x) => fmt(x.s, 3)).join(' s, ')} s; after a review in another report ${fmt(changed.s, 3)} s (${changed.p.count} like it) (load ${load()})`);
  // s7: the index is kept on disk (machine-local cache): the first preview of the next session reads only what changed
  const next = await reopen(); // closing writes what is pending, the like-index with it

  await call('workspaceGet', {});
  await next.refreshed();
  const nextFirst = await preview();
  console.log(`  the next session's first likePreview: ${fmt(nextFirst.s, 3)} s (${nextFirst.p.count} like it; it was ${changed.p.count}) (load ${load()})`);
  await close();
}
