/**
 * [warn-s7] The main process learns the analyst's language from the window (`<html lang>`, set
 * by the renderer from its setting), falls back to the system locale, and rebuilds the menu when
 * it changes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

vi.mock('electron', () => ({}));
const { analystLanguage, windowLang } = await import('./ui-lang');
const { labelsFor } = await import('./labels');

function win(answer: () => Promise<unknown>, destroyed = false): BrowserWindow {
  return { isDestroyed: () => destroyed, webContents: { executeJavaScript: vi.fn(answer) } } as unknown as BrowserWindow;
}

describe('the analyst’s language in the main process', () => {
  it('reads the page language of the window', async () => {
    const w = win(async () => 'zh-CN');
    expect(await windowLang(w)).toBe('zh');
    expect((w.webContents.executeJavaScript as ReturnType<typeof vi.fn>).mock.calls[0][0]).toBe('document.documentElement.lang');
    expect(await windowLang(win(async () => 'en'))).toBe('en');
  });

  it('no window, a closed one, an empty or odd answer, an error or no answer in time: null', async () => {
    expect(await windowLang(null)).toBeNull();
    expect(await windowLang(win(async () => 'zh', true))).toBeNull();
    expect(await windowLang(win(async () => ''))).toBeNull();
    expect(await windowLang(win(async () => 42))).toBeNull();
    expect(await windowLang(win(async () => Promise.reject(new Error('gone'))))).toBeNull();
    expect(await windowLang(win(() => new Promise(() => undefined)), 20)).toBeNull();
  });

  it('starts from the system locale, follows the window, keeps the last known when the window says nothing, and reports each change once', async () => {
    let answer: unknown = 'zh-CN';
    const onChange = vi.fn();
    const w = win(async () => answer);
    let current: BrowserWindow | null = w;
    const lang = analystLanguage(() => current, 'en-US', onChange);
    expect(lang.current()).toBe(labelsFor('en'));
    expect(await lang.refresh()).toBe(labelsFor('zh'));
    expect(lang.current().importFailed).toBe('部分文件未能导入。');
    expect(onChange).toHaveBeenCalledTimes(1);
    await lang.refresh();
    expect(onChange).toHaveBeenCalledTimes(1); // no change, no rebuild
    current = null;
    expect(await lang.refresh()).toBe(labelsFor('zh'));
    current = w;
    answer = 'en';
    expect(await lang.refresh()).toBe(labelsFor('en'));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(labelsFor('en'));
  });
});
