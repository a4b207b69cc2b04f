/**
 * A small pool of worker threads running the analysis, so a long report never blocks the
 * process that serves the UI. Falls back to in-process analysis where no worker script exists
 * (unit tests run from sources).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeText } from '../../core/analyze';
import { BoilerplateBuilder, type BoilerplateModel } from '../../core/duplicates';
import type { Analysis } from '../../core/schema';
import type { WorkerJob, WorkerReply } from './worker';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
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
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending & { slot: Slot }>();
  private nextId = 1;
  private readonly modelKeys = new WeakMap<BoilerplateModel, number>();
  private nextModelKey = 1;
  private closed = false;

  constructor(
    private readonly workerPath: string | null = defaultWorkerPath(),
    readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  get inProcess(): boolean {
    return this.workerPath === null;
  }

  analyze(text: string, boilerplate?: BoilerplateModel): Promise<Analysis> {
    if (this.workerPath === null) return this.inProcess(() => analyzeText(text, { boilerplate }));
    return this.run(text, boilerplate, false) as Promise<Analysis>;
  }

  /** The analysis as JSON text (what JSON.stringify makes of `analyze`'s result), serialised off the main thread. */
  analyzeJson(text: string, boilerplate?: BoilerplateModel): Promise<string> {
    if (this.workerPath === null) return this.inProcess(() => JSON.stringify(analyzeText(text, { boilerplate })));
    return this.run(text, boilerplate, true) as Promise<string>;
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
      const local = new BoilerplateBuilder();
      return { add: (text) => local.add(text), build: () => this.inProcess(() => local.build()) };
    }
    const slot = this.pickSlot();
    const builder = this.nextId++;
    slot.busy++; // held until the model is built, so analyses go to other workers first
    let built: Promise<BoilerplateModel> | null = null;
    return {
      add: (text) => {
        if (built) throw new Error('boilerplate already built');
        this.post(slot, { kind: 'boilerplate-add', builder, text });
      },
      build: () =>
        (built ??= new Promise<BoilerplateModel>((resolve, reject) => {
          if (this.closed) {
            reject(new Error('analysis pool closed'));
            return;
          }
          this.pending.set(builder, { resolve: resolve as (v: unknown) => void, reject, slot });
          this.post(slot, { kind: 'boilerplate-build', id: builder, builder });
        })),
    };
  }

  private inProcess<T>(f: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    return Promise.resolve().then(f);
  }

  private post(slot: Slot, job: WorkerJob): void {
    slot.worker.postMessage(job);
  }

  private run(text: string, boilerplate: BoilerplateModel | undefined, json: boolean): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    const slot = this.pickSlot();
    const id = this.nextId++;
    slot.busy++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      if (!boilerplate) {
        this.post(slot, { kind: 'analyze', id, text, json });
        return;
      }
      let key = this.modelKeys.get(boilerplate);
      if (key === undefined) {
        key = this.nextModelKey++;
        this.modelKeys.set(boilerplate, key);
      }
      const send = slot.model !== boilerplate;
      slot.model = boilerplate;
      this.post(slot, send ? { kind: 'analyze', id, text, json, boilerplateKey: key, boilerplate } : { kind: 'analyze', id, text, json, boilerplateKey: key });
    });
  }

  private pickSlot(): Slot {
    if (this.slots.length < this.size && this.slots.every((s) => s.busy > 0)) return this.spawn();
    let best = this.slots[0] ?? this.spawn();
    for (const s of this.slots) if (s.busy < best.busy) best = s;
    return best;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerPath as string);
    const slot: Slot = { worker, busy: 0, model: undefined };
    worker.unref();
    worker.on('message', (msg: WorkerReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      p.slot.busy--;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`analysis failed: ${msg.message}`));
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
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}

/** The bundled worker script sits next to the bundle that runs this code. */
function defaultWorkerPath(): string | null {
  try {
    const here = typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
    for (const name of ['analysis-worker.js', 'analysis-worker.mjs']) {
      const p = join(here, name);
      if (existsSync(p)) return p;
    }
  } catch {
    // no usable location: analyse in process
  }
  return null;
}
