#!/usr/bin/env node
// bench/export: a synthetic workspace of 2,000 reports with 400,000 findings (document files
// written as the store writes them: one JSON per document), exported to JSONL and XLSX through
// the CLI path (src/main/cli/export.ts bundled with esbuild, with the export worker script
// beside it as in out/node, run in a child process).
// Prints seconds and peak RSS per format; never passes or fails on time.
// Targets: JSONL <= 10 s, XLSX <= 30 s, peak RSS <= 1 GB.
//   node bench/export/export.mjs [--docs 2000] [--findings 200] [--filter all] [--formats jsonl,xlsx,csv]
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, fmt, rng, root, sampleParagraphs } from '../lib.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, findings: { type: 'string', default: '200' }, filter: { type: 'string', default: 'all' }, formats: { type: 'string', default: 'jsonl,xlsx' } } });
const DOCS = Number(values.docs);
const PER_DOC = Number(values.findings);
const benchDir = join(dataDir, 'export');
const ws = join(benchDir, `ws-${DOCS}x${PER_DOC}`);
mkdirSync(benchDir, { recursive: true });

// 1. the CLI path, bundled
const entry = join(benchDir, 'entry.ts');
writeFileSync(entry, `import { runExport } from '../../../src/main/cli/export';\nimport { processIO } from '../../../src/main/cli/io';\nconst [workspace, format, out, filter] = process.argv.slice(2);\nrunExport({ workspace, format, out, filter }, processIO).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 1; });\n`);
const bundle = join(benchDir, 'export-cli.mjs');
const esm = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
await build({ ...esm, entryPoints: [entry], outfile: bundle });
// the JSONL export's worker threads, found beside the bundle as in out/node (scripts/lib/build.mjs)
await build({ ...esm, entryPoints: [join(root, 'src', 'main', 'export', 'worker.ts')], outfile: join(benchDir, 'export-worker.mjs') });

// 2. the synthetic workspace (reused when it exists)
const FIG_KINDS = ['count', 'count', 'count', 'money', 'percent', 'date', 'duration', 'name'];
const UNITS = { count: ['次', '件', '项', '人次', '个'], money: ['元'], percent: ['%'], date: [null], duration: ['个月'], name: [null] };
const METRICS = ['召开常委会会议', '主任会议', '制定、修改地方性法规', '听取审议专项工作报告', '组织执法检查', '依法任免国家机关工作人员', '办理代表建议', '满意率', '收集意见建议', '代表进站'];
const STATUSES = ['accepted', 'accepted', 'corrected', 'rejected', 'suggested', 'suggested'];
if (!existsSync(join(ws, '.report-annotator', 'workspace.json'))) {
  const t0 = performance.now();
  const paragraphs = sampleParagraphs();
  const random = rng(42);
  const pick = (a) => a[Math.floor(random() * a.length)];
  const docsDir = join(ws, '.report-annotator', 'docs');
  mkdirSync(docsDir, { recursive: true });
  const metas = [];
  for (let i = 0; i < DOCS; i++) {
    const id = `doc-${String(i).padStart(5, '0')}`;
    const picked = Array.from({ length: 40 }, () => pick(paragraphs));
    if (i % 10 === 0) picked[3] = `𠀀😀${picked[3]}`;
    const text = picked.join('\n');
    const chars = Array.from(text);
    const q = (s, e) => chars.slice(s, e).join('');
    const findings = [];
    const reviews = {};
    const analysis = { figures: [], duplicates: [], defects: [] };
    const step = Math.max(1, Math.floor((chars.length - 40) / PER_DOC));
    for (let k = 0; k < PER_DOC; k++) {
      const start = Math.min(chars.length - 30, k * step);
      const r = random();
      let f;
      if (r < 0.85) {
        const kind = pick(FIG_KINDS);
        const end = start + 2 + Math.floor(random() * 4);
        const data = { text: q(start, end), start, end, kind, value: kind === 'name' || kind === 'date' ? null : Math.round(random() * 10000), value_to: null, unit: pick(UNITS[kind]), approx: random() < 0.1 ? 'more' : null, metric: kind === 'name' ? null : pick(METRICS) };
        f = { type: 'figure', id: `fig:${start}-${end}:${kind}:${k}`, origin: 'detector', data };
        analysis.figures.push(data);
      } else if (r < 0.93) {
        const len = 20 + Math.floor(random() * 10);
        const b = Math.min(chars.length - len, start + 5);
        const data = { kind: pick(['copied_passage', 'exact_paragraph', 'repeated_word', 'boilerplate']), a: { start, end: start + len, text: q(start, start + len) }, b: { start: b, end: b + len, text: q(b, b + len) }, length: len };
        f = { type: 'duplicate', id: `dup:${start}:${k}`, origin: 'detector', data };
        analysis.duplicates.push(data);
      } else {
        const data = { kind: pick(['foreign_token', 'markup_residue', 'mixed_punctuation']), start, end: start + 2, text: q(start, start + 2), replacement: '和' };
        f = { type: 'defect', id: `def:${start}:${k}`, origin: 'detector', data };
        analysis.defects.push(data);
      }
      findings.push(f);
      const status = pick(STATUSES);
      if (status !== 'suggested') {
        const span = f.type === 'duplicate' ? f.data.b : f.data;
        reviews[f.id] = { findingId: f.id, status, fields: status === 'corrected' && f.type === 'figure' ? { value: 1 } : {}, tags: random() < 0.2 ? ['key'] : [], note: random() < 0.05 ? '核对原文' : '', updatedAt: '2024-05-01T10:00:00.000Z', annotator: 'bench', anchor: { start: span.start, end: span.end, quote: q(span.start, span.end), prefix: '', suffix: '' } };
      }
    }
    const sha256 = id.padEnd(64, '0').slice(0, 64);
    const doc = { schemaVersion: 1, id, sha256, text, analysis, findings, reviews, orphans: [], history: { undo: [], redo: [] } };
    writeFileSync(join(docsDir, `${id}.json`), JSON.stringify(doc));
    const head = `${pick(['长治市', '太原市', '绛县', '长治市潞州区'])}人民代表大会常务委员会工作报告`;
    metas.push({ id, path: `${id}.txt`, name: `${head}-${i}.txt`, format: 'txt', encoding: 'utf-8', size: Buffer.byteLength(text), mtimeMs: 0, sha256, length: chars.length, importedAt: '2024-05-01T09:00:00.000Z', counts: { figures: analysis.figures.length, duplicates: analysis.duplicates.length, defects: analysis.defects.length, reviewed: Object.keys(reviews).length, total: findings.length }, metadata: {} });
  }
  writeFileSync(join(ws, '.report-annotator', 'workspace.json'), JSON.stringify({ schemaVersion: 1, documents: metas, taxonomy: [{ id: 'key', name: '关键', color: '#f00', hotkey: null }], settings: {}, indicatorMap: {} }, null, 2));
  console.log(`synthetic workspace: ${DOCS} documents, ${DOCS * PER_DOC} findings, written in ${fmt((performance.now() - t0) / 1000, 1)} s`);
} else console.log(`synthetic workspace: reusing ${ws}`);

// 3. export through the CLI bundle, one child process per format
function run(args) {
  const hook = "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nMAXRSS '+u.maxRSS+' CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', hook, bundle, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => {
      const m = /MAXRSS (\d+) CPU (\d+)/.exec(err);
      ok({ seconds: (performance.now() - t0) / 1000, code, maxRssMB: m ? Number(m[1]) / 1024 : NaN, cpuSeconds: m ? Number(m[2]) / 1e6 : NaN, out, err });
    });
  });
}

const targets = { jsonl: 10, xlsx: 30 };
const load = (await import('node:os')).loadavg()[0];
console.log(`load average ${fmt(load, 1)} on ${(await import('node:os')).availableParallelism()} cores (wall time suffers when other work runs; CPU time less so)`);
for (const format of values.formats.split(',')) {
  const out = join(benchDir, format === 'csv' ? 'out-csv' : `out.${format === 'label-studio' ? 'json' : format}`);
  rmSync(out, { recursive: true, force: true });
  const r = await run([ws, format, out, values.filter]);
  const size = existsSync(out) && statSync(out).isFile() ? ` ${fmt(statSync(out).size / 1048576, 0)} MB,` : '';
  const target = targets[format] ? ` (target <= ${targets[format]} s, <= 1024 MB)` : '';
  console.log(`export ${format} --filter ${values.filter}: ${fmt(r.seconds, 2)} s wall, ${fmt(r.cpuSeconds, 2)} s CPU,${size} peak RSS ${fmt(r.maxRssMB, 0)} MB${target}${r.code ? ` EXIT ${r.code}: ${r.err.slice(-500)}` : ''}  ${r.out.trim()}`);
}
