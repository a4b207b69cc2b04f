/**
 * A small pool of worker threads running the analysis, so a long report never blocks the
 * process that serves the UI. Falls back to in-process analysis where no worker script exists
 * (unit tests run from sources).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BoilerplateModel } from '../../core/duplicates';
import { MIN_CORPUS } from '../../core/duplicates/constants';
import type { Analysis } from '../../core/schema';
import type { AnalysisPart, WorkerJob, WorkerReply } from './worker';
import { workerScript } from '../worker-script';

export type { AnalysisPart } from './worker';

/** figures and defects as JSON text each (see AnalysisPool.analyzePart) */
export interface FiguresAndDefectsJson {
  figures: string;
  defects: string;
  /** the consistency checks' defects, when asked for (`{ checks: true }`) */
  checks?: string;
}

/** Also the consistency checks over the figures (core/document checkDefects, no indicator map): for the CLI. */
export interface ChecksOption {
  checks?: boolean;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
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
}

/**
 * Analyses sent to one worker at a time: one running and one waiting in its queue. The rest
 * wait here, so a job goes to whichever worker frees first, and a message such as the
 * boilerplate model request is not stuck behind a long queue.
 */
const DEPTH = 2;
/** How far down the queue a worker with work in hand looks for a part it has run before. */
const LOOK_AHEAD = 16;

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending & { slot: Slot; counted: boolean }>();
  private readonly queue: Job[] = [];
  /** queued jobs per part */
  private readonly queued: Record<AnalysisPart, number> = { all: 0, 'figures+defects': 0, duplicates: 0 };
  private nextId = 1;
  private readonly modelKeys = new WeakMap<BoilerplateModel, number>();
  private nextModelKey = 1;
  private closed = false;

  constructor(
    private readonly workerPath: string | null = workerScript('analysis-worker'),
    readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  get inProcess(): boolean {
    return this.workerPath === null;
  }

  analyze(text: string, boilerplate?: BoilerplateModel): Promise<Analysis> {
    if (this.workerPath === null) return this.local((core) => core.analyzeText(text, { boilerplate }));
    if (this.pinned()) {
      // in two parts, each on the worker that runs it (see jobFor), joined as analyzeText's JSON
      const fd = this.run(text, 'figures+defects', undefined, true) as Promise<FiguresAndDefectsJson>;
      const dup = this.run(text, 'duplicates', boilerplate, true) as Promise<string>;
      fd.catch(() => {}); // a failure is reported through Promise.all
      return Promise.all([fd, dup]).then(([a, d]) => JSON.parse(`{"figures":${a.figures},"duplicates":${d},"defects":${a.defects}}`) as Analysis);
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
        core.analyzeInParts(text, { boilerplate }, (key, part) => {
          parts.push(new TextEncoder().encode(JSON.stringify(part)));
          if (options.checks && key === 'figures') checks = new TextEncoder().encode(JSON.stringify(core.checkDefects(text, part as Analysis['figures'])));
        });
        if (checks) parts.push(checks);
        return parts;
      });
    }
    return this.run(text, 'all', boilerplate, 'utf8', options.checks) as Promise<Uint8Array[]>;
  }

  /**
   * One part of the analysis as JSON text: figures and defects (no boilerplate model needed,
   * so they can run while it is learnt), or the duplicates. Analysis = both parts.
   */
  analyzePart(text: string, part: 'figures+defects', options?: ChecksOption): Promise<FiguresAndDefectsJson>;
  analyzePart(text: string, part: 'duplicates', boilerplate?: BoilerplateModel): Promise<string>;
  analyzePart(text: string, part: 'figures+defects' | 'duplicates', arg?: BoilerplateModel | ChecksOption): Promise<FiguresAndDefectsJson | string> {
    const boilerplate = part === 'duplicates' ? (arg as BoilerplateModel | undefined) : undefined;
    const checks = part === 'figures+defects' && (arg as ChecksOption | undefined)?.checks === true;
    if (this.workerPath === null) {
      return this.local((core) => {
        if (part === 'duplicates') return JSON.stringify(core.analyzeDuplicates(text, { boilerplate }));
        const a = core.analyzeFiguresAndDefects(text);
        return { figures: JSON.stringify(a.figures), defects: JSON.stringify(a.defects), ...(checks ? { checks: JSON.stringify(core.checkDefects(text, a.figures)) } : {}) };
      });
    }
    return this.run(text, part, boilerplate, true, checks) as Promise<FiguresAndDefectsJson | string>;
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
    if (slot) slot.learner = true;
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
            resolve({ passages: [] });
            return;
          }
          if (this.closed || !slot || !this.slots.includes(slot)) {
            reject(new Error(this.closed ? 'analysis pool closed' : 'analysis worker failed'));
            return;
          }
          this.pending.set(builder, { resolve: resolve as (v: unknown) => void, reject, slot, counted: false });
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

  private run(text: string, part: AnalysisPart, boilerplate: BoilerplateModel | undefined, json: boolean | 'utf8', checks = false): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ text, part, boilerplate, json, checks, resolve, reject });
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
    this.pending.set(id, { resolve: job.resolve, reject: job.reject, slot, counted: true });
    const { text, part, json, boilerplate } = job;
    const checks = job.checks ? { checks: true } : {};
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
    const worker = new Worker(this.workerPath as string);
    const slot: Slot = { worker, busy: 0, model: undefined, parts: new Set(), learner: false };
    worker.unref();
    worker.on('message', (msg: WorkerReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (p.counted) p.slot.busy--;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`analysis failed: ${msg.message}`));
      this.pump();
    });
    worker.on('error', (e) => this.failSlot(slot, e));
    worker.on('exit', (code) => {
      if (code !== 0) this.failSlot(slot, new Error(`analysis worker exited with ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private failSlot(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    for (const [id, p] of this.pending) {
      if (p.slot === slot) {
        this.pending.delete(id);
        p.reject(e);
      }
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
