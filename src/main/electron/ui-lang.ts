/**
 * warn-s7: the analyst's language as the main process can know it. The renderer keeps it (its
 * own setting, remembered in its storage) and writes it on the page as `<html lang>`; the main
 * process reads that from the window when it is about to show something itself (a native box,
 * the menu), and falls back to the system locale when there is no window or it does not answer.
 * No API method and no store field: the renderer stays the one owner of the setting.
 */
import type { BrowserWindow } from 'electron';
import { type Labels, type UiLang, labelsFor, langOf } from './labels';

const READ_LANG = 'document.documentElement.lang';

/** The page's language ('zh' / 'en') of a window, or null (no window, no answer within `timeoutMs`). */
export async function windowLang(win: BrowserWindow | null, timeoutMs = 500): Promise<UiLang | null> {
  if (!win || win.isDestroyed()) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const value: unknown = await Promise.race([
      win.webContents.executeJavaScript(READ_LANG, false),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    return typeof value === 'string' && /^[a-z]{2}\b/i.test(value) ? langOf(value) : null;
  } catch {
    return null;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export interface AnalystLanguage {
  /** the labels last known (sync: dialog titles) */
  current(): Labels;
  /** asks the window, remembers and returns the labels in the analyst's language */
  refresh(): Promise<Labels>;
}

export function analystLanguage(parent: () => BrowserWindow | null, systemLocale: string, onChange?: (labels: Labels) => void): AnalystLanguage {
  let labels = labelsFor(systemLocale);
  return {
    current: () => labels,
    async refresh() {
      const lang = await windowLang(parent());
      const next = lang ? labelsFor(lang) : labels;
      if (next !== labels) {
        labels = next;
        onChange?.(labels);
      }
      return labels;
    },
  };
}
