/**
 * A derived file rewritten whole when its data changed, at most once per interval: asks within
 * the interval are deferred to one timer (unref'd: it never keeps the process alive), whose
 * write takes them all in; one write at a time. Used by the machine-local caches (the team
 * agreement cache, the like-index).
 */
export class ThrottledWrite {
  private saving: Promise<void> = Promise.resolve();
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: () => Promise<void>,
    /** whether there is anything to write (and the file may be written at all) */
    private readonly wanted: () => boolean,
    /** the interval, read at each ask (tests change it) */
    private readonly intervalMs: () => number,
  ) {}

  /** Writes now, or later within the interval; the promise of the write under way (it rejects when that write failed). */
  request(): Promise<void> {
    if (!this.wanted()) return this.saving;
    const wait = this.lastWrite + this.intervalMs() - Date.now();
    if (wait > 0) {
      if (!this.timer) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.request().catch(() => undefined); // derived data: the next ask writes it again
        }, wait);
        this.timer.unref();
      }
      return this.saving;
    }
    this.lastWrite = Date.now();
    this.saving = this.saving.catch(() => undefined).then(() => this.write()); // a failed write was reported by its asker
    return this.saving;
  }

  /** Writes now what a deferred ask would have written (the workspace closes). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.lastWrite = 0;
    return this.request();
  }
}
