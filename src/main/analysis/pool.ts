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
import type { BoilerplateModel } from '../../core/duplicates';
import type { Analysis } from '../../core/schema';

interface Pending {
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
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
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    if (this.workerPath === null) return Promise.resolve().then(() => analyzeText(text, { boilerplate }));
    const slot = this.pickSlot();
    const id = this.nextId++;
    slot.busy++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      if (!boilerplate) {
        slot.worker.postMessage({ id, text });
        return;
      }
      let key = this.modelKeys.get(boilerplate);
      if (key === undefined) {
        key = this.nextModelKey++;
        this.modelKeys.set(boilerplate, key);
      }
      const send = slot.model !== boilerplate;
      slot.model = boilerplate;
      slot.worker.postMessage(send ? { id, text, boilerplateKey: key, boilerplate } : { id, text, boilerplateKey: key });
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
    worker.on('message', (msg: { id: number; ok: boolean; analysis?: Analysis; message?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      p.slot.busy--;
      if (msg.ok && msg.analysis) p.resolve(msg.analysis);
      else p.reject(new Error(`analysis failed: ${msg.message ?? 'unknown'}`));
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
