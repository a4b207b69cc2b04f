/**
 * Worker threads that turn saved document files into JSONL lines (worker.ts) while this thread
 * writes them in order. Reading, decoding, validating and serialising the store files is nearly
 * all of a JSONL export's work and it splits by document, so it runs on every core.
 *
 * A worker only handles the plain case: a saved file that decodes as it is. Anything else is
 * answered `ok: false` and the caller reads that document through the store, so recovery,
 * migration, notices and errors are exactly those of an export in one thread. A worker that
 * dies answers its pending documents the same way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentMeta } from '../../core/store-schema';
import type { LineJob, LineReply, LineWorkerInit } from './worker';
import { workerScript } from '../worker-script';

export interface ParallelExportOptions {
  /** the worker script; default export-worker.{js,mjs} beside the running bundle or one folder up; null: export in this thread */
  workerPath?: string | null;
  /** worker threads; default one per core, at most 4, none on a single core */
  workers?: number;
  /** below this many documents the export runs in this thread (starting threads costs more); default 32 */
  minDocuments?: number;
}

interface Slot {
  worker: Worker;
  busy: number;
  alive: boolean;
}

export class LineWorkers {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { slot: Slot; resolve: (r: LineReply) => void }>();
  private seq = 0;

  /** Workers for an export of `documents` documents, or null where it runs in this thread. */
  static start(init: LineWorkerInit, documents: number, opts: ParallelExportOptions = {}): LineWorkers | null {
    const path = opts.workerPath === undefined ? workerScript('export-worker') : opts.workerPath;
    const cores = availableParallelism();
    const count = opts.workers ?? (cores >= 2 ? Math.min(cores, 4) : 0);
    if (path === null || count < 1 || documents < (opts.minDocuments ?? 32)) return null;
    return new LineWorkers(path, init, count);
  }

  private constructor(path: string, init: LineWorkerInit, count: number) {
    for (let i = 0; i < count; i++) {
      const slot: Slot = { worker: new Worker(path, { workerData: init }), busy: 0, alive: true };
      slot.worker.on('message', (reply: LineReply) => {
        const w = this.waiting.get(reply.seq);
        if (!w) return;
        this.waiting.delete(reply.seq);
        slot.busy--;
        w.resolve(reply);
      });
      slot.worker.on('error', (e) => this.fail(slot, e.message));
      slot.worker.on('exit', (code) => this.fail(slot, `export worker exited with ${code}`));
      this.slots.push(slot);
    }
  }

  /** Worker threads still running. */
  get size(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /** The JSONL line of the saved document file at `path`; `ok: false` when no worker could make it. */
  line(path: string, meta: DocumentMeta): Promise<LineReply> {
    let slot: Slot | null = null;
    for (const s of this.slots) if (s.alive && (slot === null || s.busy < slot.busy)) slot = s;
    const seq = ++this.seq;
    if (slot === null) return Promise.resolve({ seq, ok: false, reason: 'no export worker' });
    const target = slot;
    return new Promise<LineReply>((resolve) => {
      this.waiting.set(seq, { slot: target, resolve });
      target.busy++;
      const job: LineJob = { seq, path, meta };
      target.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.alive = false;
    for (const [seq, w] of this.waiting) w.resolve({ seq, ok: false, reason: 'export workers closed' });
    this.waiting.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private fail(slot: Slot, reason: string): void {
    slot.alive = false;
    for (const [seq, w] of this.waiting) {
      if (w.slot !== slot) continue;
      this.waiting.delete(seq);
      w.resolve({ seq, ok: false, reason });
    }
  }
}
