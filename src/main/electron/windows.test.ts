import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow, FakeWebContents } from './testing/fakes';
import { WindowRegistry, focusWindow } from './windows';

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes stand in for Electron types */

describe('WindowRegistry', () => {
  it('knows our windows\' webContents until they close', () => {
    const registry = new WindowRegistry();
    const a = new FakeBrowserWindow({});
    const b = new FakeBrowserWindow({});
    registry.add(a as any);
    registry.add(b as any);
    expect(registry.has(a.webContents)).toBe(true);
    expect(registry.has(new FakeWebContents())).toBe(false);
    expect(registry.has(undefined)).toBe(false);
    expect(registry.contents()).toEqual([a.webContents, b.webContents]);
    expect(registry.first()).toBe(a);
    a.emit('closed');
    expect(registry.has(a.webContents)).toBe(false);
    expect(registry.first()).toBe(b);
    b.destroyed = true;
    expect(registry.first()).toBeNull();
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and focuses it', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win as any);
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });
});
