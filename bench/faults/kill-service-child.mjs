// Child of kill-service.mjs (bundled with esbuild): the real backend (createBackend, browser
// mode, in-process analysis) on a workspace; imports new report files and applies reviews as
// fast as it can, and prints each one only after its API call answered ok:
//   I <documentId>              importFiles imported it (document written and indexed)
//   M <documentId> <findingId>  reviewApply addFinding (a manual finding) answered ok
//   A <documentId> <findingId>  reviewApply setStatus accepted answered ok
// Killed with SIGKILL at a random moment.   node child.mjs <workspace> <userData> <round> <seed>
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../src/main/service/backend';
import { call } from '../../src/main/service/dispatch';

const [ws, userData, round, seedArg] = process.argv.slice(2);
const root = process.cwd();
let seed = Number(seedArg) >>> 0 || 1;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (line) => process.stdout.write(`${line}\n`);
const samples = join(root, 'resources', 'samples');
const paragraphs = readdirSync(samples).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(samples, f), 'utf8').split(/\n+/)).filter((p) => p.trim().length > 10);

const backend = createBackend({ mode: 'browser', app: 'serve', samplesDir: samples, userDataDir: userData, workspaceDir: ws, log: { error: () => {} }, version: 'bench', workerPath: null });
const must = async (method, req) => {
  const r = await call(backend.handlers, method, req);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
  return r.value;
};

const view = await must('workspaceGet', {});
const docs = view.documents.map((d) => d.id);
say('ready');

const reportsDir = join(ws, 'reports');
mkdirSync(reportsDir, { recursive: true });
let n = 0;
const inFlight = new Set();
const findingsOf = new Map();

async function oneOp() {
  const k = ++n;
  if (docs.length === 0 || random() < 0.08) {
    const file = join(reportsDir, `r-${round}-${k}.txt`);
    const text = ['', '', ...Array.from({ length: 5 + Math.floor(random() * 30) }, () => paragraphs[Math.floor(random() * paragraphs.length)]), `编号${round}-${k}：全年完成投资${k}亿元。`, ''].join('\n\n');
    writeFileSync(file, text);
    const s = await must('importFiles', { paths: [file] });
    for (const d of s.imported) {
      if (!docs.includes(d.id)) docs.push(d.id);
      say(`I ${d.id}`);
    }
    return;
  }
  const id = docs[Math.floor(random() * docs.length)];
  let findings = findingsOf.get(id);
  if (!findings) {
    findings = (await must('documentGet', { id })).findings.filter((f) => f.type === 'figure' && f.origin === 'detector');
    findingsOf.set(id, findings);
  }
  if (findings.length === 0) return;
  const base = findings[Math.floor(random() * findings.length)];
  if (random() < 0.75) {
    const fid = `man:${base.data.start}-${base.data.end}:r${round}n${k}`;
    await must('reviewApply', { documentId: id, action: { type: 'addFinding', finding: { ...base, id: fid, origin: 'manual' }, tags: [] } });
    say(`M ${id} ${fid}`);
  } else {
    await must('reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [base.id], status: 'accepted' } });
    say(`A ${id} ${base.id}`);
  }
}

for (;;) {
  const op = oneOp().catch((e) => {
    process.stderr.write(`op failed: ${e.message}\n`);
  });
  inFlight.add(op);
  op.finally(() => inFlight.delete(op));
  if (inFlight.size >= 3) await Promise.race(inFlight);
}
