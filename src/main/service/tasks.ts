/** Long-running tasks (imports) that the UI can cancel. */
export class TaskRegistry {
  private readonly running = new Map<string, { cancelled: boolean }>();

  start(taskId: string): { readonly cancelled: boolean } {
    const t = { cancelled: false };
    this.running.set(taskId, t);
    return t;
  }

  finish(taskId: string): void {
    this.running.delete(taskId);
  }

  cancel(taskId: string): boolean {
    const t = this.running.get(taskId);
    if (!t) return false;
    t.cancelled = true;
    return true;
  }

  /** s7: whether the task is under way (started, not finished) */
  isRunning(taskId: string): boolean {
    return this.running.has(taskId);
  }

  cancelAll(): void {
    for (const t of this.running.values()) t.cancelled = true;
  }
}
