import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorStore, showNotice } from './store';

const brief = () => errorStore.get().notices.filter((n) => n.brief).map((n) => n.text);
const toasts = () => errorStore.get().notices.filter((n) => !n.brief).map((n) => n.text);

describe('notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    errorStore.set((s) => ({ ...s, notices: [] }));
  });
  afterEach(() => vi.useRealTimers());

  it('brief notices (undo) of a burst stay until the time after the last one, then go together', () => {
    showNotice('undo 1', 3500, true);
    vi.advanceTimersByTime(3000);
    showNotice('undo 2', 3500, true);
    vi.advanceTimersByTime(3000);
    showNotice('undo 3', 3500, true);
    vi.advanceTimersByTime(3000);
    // 9 s after the first, it is still there: the burst is read as one
    expect(brief()).toEqual(['undo 1', 'undo 2', 'undo 3']);
    vi.advanceTimersByTime(600);
    expect(brief()).toEqual([]);
  });

  it('keeps at most three brief notices, newest last', () => {
    for (let i = 1; i <= 5; i++) showNotice(`undo ${i}`, 3500, true);
    expect(brief()).toEqual(['undo 3', 'undo 4', 'undo 5']);
  });

  it('toasts time out one by one, apart from the brief ones', () => {
    showNotice('saved a copy', 4000);
    vi.advanceTimersByTime(2000);
    showNotice('undo', 3500, true);
    showNotice('exported', 4000);
    vi.advanceTimersByTime(2100);
    expect(toasts()).toEqual(['exported']);
    expect(brief()).toEqual(['undo']);
    vi.advanceTimersByTime(2000);
    expect(toasts()).toEqual([]);
    expect(brief()).toEqual([]);
  });
});
