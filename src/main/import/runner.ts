/**
 * Parses report files in a worker thread with a heap limit and a time budget per file, so a
 * hostile file (a docx of 100 MB of XML, a PDF of millions of operators, a flood of "<") can
 * neither block the thread that answers the UI nor take the process down. A file over budget
 * is refused with a code (`timeout`; `too-large` or `too-complex` when the heap runs out), the
 * worker is replaced, and the next file goes on.
 *
 * The worker script is the bundled import-worker.{js,mjs}; from sources (unit tests) it is
 * bundled once with esbuild into node_modules/.cache; where neither exists the files are
 * parsed in this thread.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode } from '../../core/errors';
import type { DocFormat } from '../../core/store-schema';
import { workerScript } from '../worker-script';
import { budgetMs, PARSE_BUDGET } from './budget';
import { parseBytes, type Parsed } from './parse';
import type { ParseJob, ParseReply } from './worker';

export interface ParseLimits {
  /** the worker's old-generation heap, MB; default 1024 */
  heapMb?: number;
  /**
   * time allowed for parsing one file: `baseMs` + `perMbMs` per MB of file; default 15 s +
   * 1.5 s/MB, so that with its analysis and storing a file's whole import stays within the
   * 20 s + 2 s/MB the reliability harness allows
   */
  baseMs?: number;
  perMbMs?: number;
}

/** The budget is PARSE_BUDGET (budget.ts: the one source of the import's time budgets). */
export const DEFAULT_LIMITS: Required<ParseLimits> = { heapMb: 1024, baseMs: PARSE_BUDGET.baseMs, perMbMs: PARSE_BUDGET.perMbMs };

/** The time budget for a file of `size` bytes. */
export function timeBudgetMs(size: number, limits: ParseLimits = {}): number {
  const l = { ...DEFAULT_LIMITS, ...limits };
  return budgetMs(size, l);
}

interface Running {
  job: ParseJob;
  budget: number;
  resolve: (p: Parsed) => void;
  reject: (e: unknown) => void;
  timer: NodeJS.Timeout;
}

interface Queued {
  job: ParseJob;
  budget: number;
  resolve: (p: Parsed) => void;
  reject: (e: unknown) => void;
}

/** How long an idle worker is kept (it holds the parsers' code, warm). */
const IDLE_MS = 15_000;
/**
 * A new worker's start (a thread, the parsers' code loaded) is not the file's time: its budget
 * starts when the worker says it is ready. A worker not ready after this long is taken as crashed.
 */
const STARTUP_MS = 60_000;
/** A worker that read a file larger than this (bytes) is stopped at once instead of kept idle. */
const RETIRE_BYTES = 4 << 20;

export class ParseWorker {
  private worker: Worker | null = null;
  private running: Running | null = null;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** workers replaced after a file ran over its budget (for tests and logs) */
  replaced = 0;
  /** workers stopped right after reading a large file (RETIRE_BYTES; for tests and logs) */
  retired = 0;

  constructor(
    private readonly script: string | null,
    private readonly limits: ParseLimits = {},
  ) {}

  get inProcess(): boolean {
    return this.script === null;
  }

  parse(format: DocFormat, bytes: Uint8Array, encoding: string | undefined, size: number): Promise<Parsed> {
    if (this.script === null) return parseBytes(format, bytes, encoding);
    const job: ParseJob = { id: this.nextId++, format, bytes, ...(encoding !== undefined ? { encoding } : {}) };
    return new Promise<Parsed>((resolve, reject) => {
      this.queue.push({ job, budget: timeBudgetMs(size, this.limits), resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; queued files are refused as cancelled. */
  async close(): Promise<void> {
    for (const q of this.queue.splice(0)) q.reject(new AppError('cancelled', 'The import was stopped.'));
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.reject(new AppError('cancelled', 'The import was stopped.'));
      this.running = null;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const worker = this.ensureWorker();
    worker.ref();
    const ready = this.ready.has(worker);
    const timer = ready ? setTimeout(() => this.overBudget('timeout'), next.budget) : setTimeout(() => this.overBudget('crash', 'the import worker did not start'), STARTUP_MS);
    this.running = { ...next, timer };
    worker.postMessage(next.job);
  }

  /** workers that have loaded their code (the file's budget runs from then) */
  private readonly ready = new WeakSet<Worker>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const l = { ...DEFAULT_LIMITS, ...this.limits };
    const w = new Worker(this.script!, { resourceLimits: { maxOldGenerationSizeMb: l.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } });
    w.on('message', (reply: ParseReply | { ready: true }) => {
      if ('ready' in reply) {
        this.ready.add(w);
        // the file sent before the worker was ready: its budget starts now
        const r = this.running;
        if (r && this.worker === w) {
          clearTimeout(r.timer);
          r.timer = setTimeout(() => this.overBudget('timeout'), r.budget);
        }
        return;
      }
      const r = this.running;
      if (!r || reply.id !== r.job.id) return;
      clearTimeout(r.timer);
      this.running = null;
      if (reply.ok) r.resolve({ text: reply.text, encoding: reply.encoding, warnings: reply.warnings });
      else r.reject(reply.code !== null && (ErrorCode as readonly string[]).includes(reply.code) ? new AppError(reply.code as ErrorCode, reply.message, reply.details) : new Error(reply.message));
      // memory: after a large file the worker's heap is large; it is given back now, not after
      // the idle time (the analysis that follows is the import's peak of memory)
      if (r.job.bytes.byteLength > RETIRE_BYTES && this.worker === w) {
        this.worker = null;
        this.retired++;
        void w.terminate().catch(() => undefined);
      } else this.idle();
      this.pump();
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== w) return;
      this.overBudget(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', e.message);
    });
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.overBudget('crash', 'the import worker stopped');
    });
    this.worker = w;
    return w;
  }

  /** The running file is refused; the worker is dropped and the next file gets a new one. */
  private overBudget(why: 'timeout' | 'memory' | 'crash', detail = ''): void {
    const r = this.running;
    const w = this.worker;
    this.worker = null;
    this.running = null;
    if (w) {
      this.replaced++;
      void w.terminate().catch(() => undefined);
    }
    if (r) {
      clearTimeout(r.timer);
      r.reject(refusal(why, r.job.format, r.budget, detail));
    }
    this.pump();
  }

  private idle(): void {
    if (this.running || this.queue.length > 0 || !this.worker) return;
    this.worker.unref(); // an idle worker never keeps the process (the CLI) alive
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.running || this.queue.length > 0) return;
      const w = this.worker;
      this.worker = null;
      void w?.terminate().catch(() => undefined);
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

function refusal(why: 'timeout' | 'memory' | 'crash', format: DocFormat, budget: number, detail: string): AppError {
  if (why === 'timeout') return new AppError('timeout', `Reading the file took longer than its ${Math.round(budget / 1000)} s budget and was stopped.`, { budgetMs: budget });
  if (why === 'memory') {
    return format === 'pdf'
      ? new AppError('too-complex', 'The PDF needs more memory to read than is allowed; it was refused.', { reason: 'memory' })
      : new AppError('too-large', 'The file needs more memory to read than is allowed; it was refused.', { reason: 'memory' });
  }
  return new AppError('too-complex', `The file could not be read: the importer stopped (${detail}).`, { reason: 'crash' });
}

/**
 * The import worker script: bundled beside this code, or built from sources (unit tests), or
 * null (parse in this thread).
 */
export function importWorkerScript(): string | null {
  const bundled = workerScript('import-worker');
  if (bundled) return bundled;
  return sourceWorker();
}

let built: string | null | undefined;

function sourceWorker(): string | null {
  if (built !== undefined) return built;
  built = null;
  try {
    const here = typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
    const entry = join(here, 'worker.ts');
    if (!existsSync(entry)) return null;
    let root = here;
    while (!existsSync(join(root, 'node_modules', 'esbuild')) && dirname(root) !== root) root = dirname(root);
    const outDir = join(root, 'node_modules', '.cache', 'report-annotator');
    const esbuild = requireEsbuild(root); // a dev tool, there only when running from sources
    if (!esbuild) return null;
    const r = esbuild.buildSync({
      entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', write: false, logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const code = r.outputFiles[0].contents;
    const out = join(outDir, `import-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(out) || !readFileSync(out).equals(Buffer.from(code))) {
      mkdirSync(outDir, { recursive: true });
      const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, out);
    }
    built = out;
  } catch {
    built = null;
  }
  return built;
}

function requireEsbuild(root: string): typeof import('esbuild') | null {
  try {
    return createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  } catch {
    return null;
  }
}

let shared: ParseWorker | null = null;

/** The process's import worker, started on first use. */
export function sharedParseWorker(): ParseWorker {
  shared ??= new ParseWorker(importWorkerScript());
  return shared;
}
