/**
 * Coalesces the writes of one store file. Every change gets a sequence number; its promise
 * resolves once a write that started after the change (so its snapshot includes it) is durable,
 * and rejects if that write failed. At most one write runs at a time, and writes start at most
 * once per `windowMs` (leading edge: a change after a quiet spell is written on the next tick;
 * changes during a write or within the window are written together by the next one). A failed
 * write keeps the data in memory (still pending) and is retried after `retryMs`, by the next
 * change, or by flush().
 */
import { AppError } from '../../core/errors';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface CoalescerOptions {
  windowMs: number;
  retryMs: number;
  /** performs one durable write of the current data; the snapshot must be taken synchronously */
  write: () => Promise<void>;
  /** errors are mapped by the writer; this one is told of every outcome */
  onOutcome: (outcome: { ok: true; at: Date } | { ok: false; error: AppError }) => void;
}

export class WriteCoalescer {
  private changeSeq = 0;
  private durableSeq = 0;
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private lastStartAt = -Infinity;
  private failed: AppError | null = null;
  /** number of writes started (for tests and benches) */
  writes = 0;

  constructor(private readonly o: CoalescerOptions) {}

  /** changes not yet durable (including ones being written) */
  get pending(): boolean {
    return this.changeSeq > this.durableSeq;
  }

  get error(): AppError | null {
    return this.failed;
  }

  /** Records a change (already applied to the data) and resolves once it is durable. */
  changed(): Promise<void> {
    const seq = ++this.changeSeq;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.scheduleAt(this.nextSlot());
    return done;
  }

  /** Writes every change made before the call now; rejects if that write failed. */
  async flush(): Promise<void> {
    const target = this.changeSeq;
    while (this.durableSeq < target) {
      this.clearTimer();
      if (this.running) {
        await this.running.catch(() => undefined);
        continue;
      }
      await this.runWrite(); // throws the mapped error when the disk refuses
    }
  }

  /** Stops timers (after a final flush); changes still unsaved reject (closed with discardUnsaved). */
  dispose(): void {
    this.clearTimer();
    const left = this.waiters;
    this.waiters = [];
    const error = new AppError('workspace-not-open', 'The workspace was closed before this change was saved.');
    for (const w of left) w.reject(error);
  }

  /** the earliest time the next write may start */
  private nextSlot(): number {
    return Math.max(Date.now(), this.lastStartAt + this.o.windowMs);
  }

  private scheduleAt(due: number, retry = false): void {
    if (this.running) return; // the running write reschedules when it ends
    if (this.timer && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runWrite().catch(() => undefined);
    }, Math.max(0, due - Date.now()));
    // a retry alone must not keep a process alive forever (close() flushes and reports)
    if (retry) this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private runWrite(): Promise<void> {
    if (this.running) return this.running;
    const seq = this.changeSeq;
    this.lastStartAt = Date.now();
    this.writes += 1;
    let writing: Promise<void>;
    try {
      writing = this.o.write(); // takes its snapshot synchronously
    } catch (e) {
      writing = Promise.reject(e);
    }
    this.running = writing.then(
      () => {
        this.running = null;
        this.durableSeq = Math.max(this.durableSeq, seq);
        this.failed = null;
        this.settle(seq, null);
        this.o.onOutcome({ ok: true, at: new Date() });
        if (this.pending) this.scheduleAt(this.nextSlot());
      },
      (e: AppError) => {
        this.running = null;
        this.failed = e;
        this.settle(seq, e);
        this.o.onOutcome({ ok: false, error: e });
        // keep the data pending; a retry timer saves it once the disk is usable again
        this.scheduleAt(Date.now() + this.o.retryMs, true);
        throw e;
      },
    );
    return this.running;
  }

  private settle(seq: number, error: AppError | null): void {
    const done = this.waiters.filter((w) => w.seq <= seq);
    this.waiters = this.waiters.filter((w) => w.seq > seq);
    for (const w of done) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }
}
