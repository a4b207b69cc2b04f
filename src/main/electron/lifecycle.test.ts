import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, flushBeforeQuit, quitWhenAllWindowsClosed } from './lifecycle';
import { FakeApp, fakeEvent } from './testing/fakes';

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes stand in for Electron types */

describe('single instance', () => {
  it('a second instance quits at once and reports it did not get the lock', () => {
    const app = new FakeApp();
    app.lock = false;
    const onSecond = vi.fn();
    expect(claimSingleInstance(app as any, onSecond)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance keeps running and hears of the second launch with its argv and cwd', () => {
    const app = new FakeApp();
    const onSecond = vi.fn();
    expect(claimSingleInstance(app as any, onSecond)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', fakeEvent(), ['app', '--workspace', 'w'], '/home/a', {});
    expect(onSecond).toHaveBeenCalledWith(['app', '--workspace', 'w'], '/home/a');
  });
});

describe('window-all-closed', () => {
  it('quits on Windows and Linux, not on macOS', () => {
    for (const [platform, quits] of [['linux', 1], ['win32', 1], ['darwin', 0]] as const) {
      const app = new FakeApp();
      quitWhenAllWindowsClosed(app as any, platform);
      app.emit('window-all-closed');
      expect(app.quit).toHaveBeenCalledTimes(quits);
    }
  });
});

describe('before-quit', () => {
  it('holds the quit, flushes the backend, then quits for real', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    const backend = { close: vi.fn(() => new Promise<void>((r) => (finish = r))) };
    flushBeforeQuit(app as any, backend, { error: vi.fn() });

    const first = fakeEvent();
    app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(backend.close).toHaveBeenCalledOnce();

    const again = fakeEvent(); // quit pressed again while flushing
    app.emit('before-quit', again);
    expect(again.preventDefault).toHaveBeenCalledOnce();
    expect(backend.close).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const last = fakeEvent();
    app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits, and logs, when the flush fails', async () => {
    const app = new FakeApp();
    const log = { error: vi.fn() };
    flushBeforeQuit(app as any, { close: () => Promise.reject(new Error('disk full')) }, log);
    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('close the backend'), expect.objectContaining({ error: expect.stringContaining('disk full') }));
  });

  it('does not hang forever on a flush that never ends', async () => {
    vi.useFakeTimers();
    try {
      const app = new FakeApp();
      const log = { error: vi.fn() };
      flushBeforeQuit(app as any, { close: () => new Promise<void>(() => undefined) }, log, 1000);
      app.emit('before-quit', fakeEvent());
      await vi.advanceTimersByTimeAsync(1001);
      expect(app.quit).toHaveBeenCalledOnce();
      expect(log.error).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
