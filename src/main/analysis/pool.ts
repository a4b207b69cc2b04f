/**
 * A small pool of worker threads running the analysis, so a long report never blocks the
 * process that serves the UI. Falls back to in-process analysis where no worker script exists
 * (unit tests run from sources).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BoilerplateModel } from '../../core/duplicates';
import { MIN_CORPUS } from '../../core/duplicates/constants';
import { AppError } from '../../core/errors';
import type { Analysis, AnalysisCapped } from '../../core/schema';
import type { AnalysisPart, WorkerJob, WorkerReply } from './worker';
import { workerScript } from '../worker-script';

export type { AnalysisPart } from './worker';

/** figures and defects as JSON text each (see AnalysisPool.analyzePart) */
export interface FiguresAndDefectsJson {
  figures: string;
  defects: string;
  /** the consistency checks' defects, when asked for (`{ checks: true }`) */
  checks?: string;
  /** the kinds cut to their first findings (core/analyze's cap) */
  capped?: AnalysisCapped;
}

/** Also the consistency checks over the figures (core/document checkDefects, no indicator map): for the CLI. */
export interface ChecksOption {
  checks?: boolean;
  /** told which kinds of finding were cut to their first ones (core/analyze's cap), when any were */
  onCapped?: (capped: AnalysisCapped) => void;
}

/**
 * The old-generation heap of an analysis worker, MB: a report whose analysis needs more is
 * refused ('too-complex'), and the worker is replaced; the process never runs out of memory.
 * The findings are capped per kind (core/analyze), so what needs this much is the detectors'
 * work on a long text dense with figures, not a real report.
 */
export const ANALYSIS_HEAP_MB = 1024;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  /** told of the kinds the analysis cut (see ChecksOption.onCapped) */
  onCapped?: (capped: AnalysisCapped) => void;
}

/** An analysis waiting for a worker. */
interface Job extends Pending {
  text: string;
  part: AnalysisPart;
  boilerplate: BoilerplateModel | undefined;
  json: boolean | 'utf8';
  checks: boolean;
}

/** Builds a boilerplate model from documents added one by one (see BoilerplateBuilder). */
export interface RemoteBoilerplateBuilder {
  add(text: string): void;
  build(): Promise<BoilerplateModel>;
}

interface Slot {
  worker: Worker;
  busy: number;
  /** the boilerplate model this worker already holds */
  model: BoilerplateModel | undefined;
  /** the parts of the analysis this worker has run (its compiled code is warm for them) */
  parts: Set<AnalysisPart>;
  /** this worker learns (or learnt) a boilerplate model */
  learner: boolean;
  /** boilerplate builders on this worker not yet built (their texts live in its heap): it is not retired while any is */
  learning: number;
}

/**
 * Analyses sent to one worker at a time: one running and one waiting in its queue. The rest
 * wait here, so a job goes to whichever worker frees first, and a message such as the
 * boilerplate model request is not stuck behind a long queue.
 */
const DEPTH = 2;
/** How far down the queue a worker with work in hand looks for a part it has run before. */
const LOOK_AHEAD = 16;
/** A worker that analysed a text longer than this (UTF-16 units) is replaced (see spawn). */
const RETIRE_UNITS = 4 << 20;

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending & { slot: Slot; counted: boolean; job?: Job }>();
  private readonly queue: Job[] = [];
  /** queued jobs per part */
  private readonly queued: Record<AnalysisPart, number> = { all: 0, 'figures+defects': 0, duplicates: 0 };
  private nextId = 1;
  private readonly modelKeys = new WeakMap<BoilerplateModel, number>();
  private nextModelKey = 1;
  private closed = false;
  /** workers replaced after a very long report (RETIRE_UNITS; for tests and logs) */
  retired = 0;

  constructor(
    private readonly workerPath: string | null = workerScript('analysis-worker'),
    readonly size = Math.max(1, Math.min(4, availableParallelism())),
    private readonly heapMb = ANALYSIS_HEAP_MB,
    /** findings kept per kind (core/analyze's MAX_FINDINGS_PER_KIND unless given: tests) */
    private readonly maxPerKind?: number,
  ) {}

  get inProcess(): boolean {
    return this.workerPath === null;
  }

  analyze(text: string, boilerplate?: BoilerplateModel): Promise<Analysis> {
    if (this.workerPath === null) return this.local((core) => core.analyzeText(text, { boilerplate, maxPerKind: this.maxPerKind }));
    if (this.pinned()) {
      // in two parts, each on the worker that runs it (see jobFor), joined as analyzeText's JSON
      const capped: AnalysisCapped = {};
      const cut = (c: AnalysisCapped): void => void Object.assign(capped, c);
      const fd = this.run(text, 'figures+defects', undefined, true, false, cut) as Promise<FiguresAndDefectsJson>;
      const dup = this.run(text, 'duplicates', boilerplate, true, false, cut) as Promise<string>;
      fd.catch(() => {}); // a failure is reported through Promise.all
      return Promise.all([fd, dup]).then(([a, d]) => {
        const joined = JSON.parse(`{"figures":${a.figures},"duplicates":${d},"defects":${a.defects}}`) as Analysis;
        return Object.keys(capped).length > 0 ? { ...joined, capped } : joined;
      });
    }
    // as JSON text: a string crosses threads far cheaper than the objects' structured clone
    return (this.run(text, 'all', boilerplate, true) as Promise<string>).then((json) => JSON.parse(json) as Analysis);
  }

  /**
   * The JSON of the analysis' figures, duplicates and defects as UTF-8 bytes, in that order
   * (then the consistency checks', with `{ checks: true }`): for a long report, far less memory
   * than the objects or one JSON string.
   */
  analyzeUtf8(text: string, boilerplate?: BoilerplateModel, options: ChecksOption = {}): Promise<Uint8Array[]> {
    if (this.workerPath === null) {
      return this.local((core) => {
        const parts: Uint8Array[] = [];
        let checks: Uint8Array | null = null;
        const capped = core.analyzeInParts(text, { boilerplate, maxPerKind: this.maxPerKind }, (key, part) => {
          parts.push(new TextEncoder().encode(JSON.stringify(part)));
          if (options.checks && key === 'figures') checks = new TextEncoder().encode(JSON.stringify(core.checkDefects(text, part as Analysis['figures'])));
        });
        if (checks) parts.push(checks);
        if (capped) options.onCapped?.(capped);
        return parts;
      });
    }
    return this.run(text, 'all', boilerplate, 'utf8', options.checks, options.onCapped) as Promise<Uint8Array[]>;
  }

  /**
   * One part of the analysis as JSON text: figures and defects (no boilerplate model needed,
   * so they can run while it is learnt), or the duplicates. Analysis = both parts.
   */
  analyzePart(text: string, part: 'figures+defects', options?: ChecksOption): Promise<FiguresAndDefectsJson>;
  analyzePart(text: string, part: 'duplicates', boilerplate?: BoilerplateModel, onCapped?: (capped: AnalysisCapped) => void): Promise<string>;
  analyzePart(text: string, part: 'figures+defects' | 'duplicates', arg?: BoilerplateModel | ChecksOption, onCappedDup?: (capped: AnalysisCapped) => void): Promise<FiguresAndDefectsJson | string> {
    const boilerplate = part === 'duplicates' ? (arg as BoilerplateModel | undefined) : undefined;
    const checks = part === 'figures+defects' && (arg as ChecksOption | undefined)?.checks === true;
    const onCapped = part === 'duplicates' ? onCappedDup : (arg as ChecksOption | undefined)?.onCapped;
    if (this.workerPath === null) {
      return this.local((core) => {
        if (part === 'duplicates') {
          const capped: AnalysisCapped = {};
          const json = JSON.stringify(core.analyzeDuplicates(text, { boilerplate, maxPerKind: this.maxPerKind }, capped));
          if (Object.keys(capped).length > 0) onCapped?.(capped);
          return json;
        }
        const a = core.analyzeFiguresAndDefects(text, { maxPerKind: this.maxPerKind });
        if (a.capped) onCapped?.(a.capped);
        return { figures: JSON.stringify(a.figures), defects: JSON.stringify(a.defects), ...(checks ? { checks: JSON.stringify(core.checkDefects(text, a.figures)) } : {}), ...(a.capped ? { capped: a.capped } : {}) };
      });
    }
    return this.run(text, part, boilerplate, true, checks, onCapped) as Promise<FiguresAndDefectsJson | string>;
  }

  /** Starts every worker now (they load while the caller reads its files). */
  warm(): void {
    if (this.closed || this.workerPath === null) return;
    while (this.slots.length < this.size) this.spawn();
  }

  /**
   * A boilerplate model built in a worker while the caller goes on reading documents: `add`
   * each document in corpus order (nothing waits), then `build`. The same model as
   * buildBoilerplate over the same texts.
   */
  boilerplateBuilder(): RemoteBoilerplateBuilder {
    if (this.workerPath === null) {
      const texts: string[] = [];
      return { add: (text) => void texts.push(text), build: () => this.local((core) => core.buildBoilerplate(texts)) };
    }
    this.warm();
    const slot: Slot | undefined = this.slots[0];
    if (slot) {
      slot.learner = true;
      slot.learning++;
    }
    // the builder holds no texts in the worker once its model is built (or it had too few for one)
    let open = slot !== undefined;
    const settled = (): void => {
      if (!open || !slot) return;
      open = false;
      slot.learning--;
    };
    const builder = this.nextId++;
    let built: Promise<BoilerplateModel> | null = null;
    // below MIN_CORPUS documents there is no model: the first texts wait here, not in the worker
    const held: string[] = [];
    let added = 0;
    const send = (text: string): void => {
      if (slot && this.slots.includes(slot)) this.post(slot, { kind: 'boilerplate-add', builder, text });
    };
    return {
      add: (text) => {
        if (built) throw new Error('boilerplate already built');
        if (++added < MIN_CORPUS) held.push(text);
        else {
          for (const t of held.splice(0)) send(t);
          send(text);
        }
      },
      build: () =>
        (built ??= new Promise<BoilerplateModel>((resolve, reject) => {
          if (added < MIN_CORPUS) {
            settled();
            resolve({ passages: [] });
            return;
          }
          if (this.closed || !slot || !this.slots.includes(slot)) {
            settled();
            reject(new Error(this.closed ? 'analysis pool closed' : 'analysis worker failed'));
            return;
          }
          const done = (v: unknown): void => {
            settled();
            resolve(v as BoilerplateModel);
          };
          const failed = (e: Error): void => {
            settled();
            reject(e);
          };
          this.pending.set(builder, { resolve: done, reject: failed, slot, counted: false });
          this.post(slot, { kind: 'boilerplate-build', id: builder, builder });
        })),
    };
  }

  /** Runs f on the in-process analysis, loaded on first use (a CLI with workers never loads it). */
  private local<T>(f: (core: typeof import('./local')) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    return import('./local').then(f);
  }

  private post(slot: Slot, job: WorkerJob): void {
    slot.worker.postMessage(job);
  }

  private run(text: string, part: AnalysisPart, boilerplate: BoilerplateModel | undefined, json: boolean | 'utf8', checks = false, onCapped?: (capped: AnalysisCapped) => void): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ text, part, boilerplate, json, checks, resolve, reject, onCapped });
      this.queued[part]++;
      this.pump();
    });
  }

  /** Sends queued jobs to workers with room (DEPTH), the least busy first. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      if (this.slots.length < this.size && this.slots.every((s) => s.busy > 0)) this.spawn();
      const free = this.slots.filter((s) => s.busy < DEPTH).sort((a, b) => a.busy - b.busy);
      let sent = false;
      for (const slot of free) {
        const k = this.jobFor(slot);
        if (k < 0) continue;
        const [job] = this.queue.splice(k, 1);
        this.queued[job.part]--;
        this.dispatch(slot, job);
        sent = true;
        break;
      }
      if (!sent) return;
    }
  }

  /**
   * Which queued job a worker takes (-1: none for now): an idle worker the oldest, a busy one
   * preferably a part it has compiled. The worker learning a boilerplate model leaves figures
   * and defects to the others: they are what runs while it learns, and each part a worker
   * runs is code it compiles. With two workers, the other one leaves the duplicates to the
   * learner in turn: each part is then compiled (and run cold) in one worker only, which saves
   * more CPU than the other worker's help with the duplicates would save time (it is still
   * busy with figures and defects while the model is learnt and the duplicates start).
   */
  private jobFor(slot: Slot): number {
    const limit = Math.min(this.queue.length, LOOK_AHEAD);
    const pinned = this.pinned();
    const allowed = (part: AnalysisPart): boolean => {
      if (slot.learner) return !(part === 'figures+defects' && this.slots.length > 1);
      return !(pinned && part === 'duplicates');
    };
    if (slot.busy > 0) for (let k = 0; k < limit; k++) if (slot.parts.has(this.queue[k].part) && allowed(this.queue[k].part)) return k;
    for (let k = 0; k < limit; k++) if (allowed(this.queue[k].part)) return k;
    // an idle worker looks down the whole queue: the duplicates may wait behind many figures and
    // defects, which it leaves to the other worker
    if (slot.busy > 0 || !(['all', 'figures+defects', 'duplicates'] as const).some((part) => this.queued[part] > 0 && allowed(part))) return -1;
    for (let k = limit; k < this.queue.length; k++) if (allowed(this.queue[k].part)) return k;
    return -1;
  }

  /**
   * Two workers, one of them learning (or having learnt) the boilerplate model: it runs the
   * duplicates and the other one figures and defects (see jobFor).
   */
  private pinned(): boolean {
    return this.slots.length === 2 && this.slots.some((s) => s.learner);
  }

  private dispatch(slot: Slot, job: Job): void {
    const id = this.nextId++;
    slot.busy++;
    slot.parts.add(job.part);
    this.pending.set(id, { resolve: job.resolve, reject: job.reject, onCapped: job.onCapped, slot, counted: true, job });
    const { text, part, json, boilerplate } = job;
    const checks = { ...(job.checks ? { checks: true } : {}), ...(this.maxPerKind !== undefined ? { maxPerKind: this.maxPerKind } : {}) };
    if (!boilerplate) {
      this.post(slot, { kind: 'analyze', id, text, part, json, ...checks });
      return;
    }
    let key = this.modelKeys.get(boilerplate);
    if (key === undefined) {
      key = this.nextModelKey++;
      this.modelKeys.set(boilerplate, key);
    }
    const send = slot.model !== boilerplate;
    slot.model = boilerplate;
    this.post(slot, send ? { kind: 'analyze', id, text, part, json, ...checks, boilerplateKey: key, boilerplate } : { kind: 'analyze', id, text, part, json, ...checks, boilerplateKey: key });
  }

  private spawn(): Slot {
    // a bounded heap: a report that needs more is refused with a code (failSlot), not a crash
    const worker = new Worker(this.workerPath as string, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, busy: 0, model: undefined, parts: new Set(), learner: false, learning: 0 };
    worker.unref();
    worker.on('message', (msg: WorkerReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (p.counted) p.slot.busy--;
      if (msg.ok && msg.capped) p.onCapped?.(msg.capped);
      const settle = (): void => {
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(`analysis failed: ${msg.message}`));
      };
      // memory: after a very long report the worker's heap is large; a fresh worker gives it back,
      // and the caller hears of the result once it has (the thread stopped, its heap freed), before
      // it builds and stores the document (peak RSS of the app). A worker that learnt a boilerplate
      // model is retired too once the model is built (the model lives here; a fresh worker is sent it).
      if (p.job && p.job.text.length > RETIRE_UNITS && slot.learning === 0 && slot.busy === 0 && this.slots.includes(slot)) {
        this.slots.splice(this.slots.indexOf(slot), 1);
        this.retired++;
        void worker.terminate().catch(() => undefined).then(settle);
      } else settle();
      this.pump();
    });
    worker.on('error', (e) => this.failSlot(slot, e));
    worker.on('exit', (code) => {
      if (code !== 0) this.failSlot(slot, new Error(`analysis worker exited with ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker died (its heap ran out, or it crashed): the analysis it was running is refused —
   * 'too-complex' when the heap ran out — and the analyses only waiting in its queue go back
   * to the pool's queue (a worker runs its jobs in order: the earliest sent was running).
   */
  private failSlot(slot: Slot, e: Error & { code?: string }): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already failed ('error' and 'exit' both come)
    this.slots.splice(i, 1);
    void slot.worker.terminate().catch(() => undefined);
    const mine = [...this.pending].filter(([, p]) => p.slot === slot).sort(([a], [b]) => a - b);
    const requeue: Job[] = [];
    for (const [k, [id, p]] of mine.entries()) {
      this.pending.delete(id);
      if (k === 0) p.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('too-complex', `The report needs more than the ${this.heapMb} MB allowed to analyse it; it was refused.`, { reason: 'memory', heapMb: this.heapMb }) : e);
      else if (p.job && !this.closed) requeue.push(p.job);
      else p.reject(e);
    }
    for (const job of requeue.reverse()) {
      this.queue.unshift(job);
      this.queued[job.part]++;
    }
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('analysis pool closed'));
    for (const part of Object.keys(this.queued) as AnalysisPart[]) this.queued[part] = 0;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
