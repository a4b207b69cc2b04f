/**
 * What the File and Help menu items do. Failures are shown in a native box (the renderer may
 * not be listening) and logged; nothing here throws into the menu.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { ImportSummary } from '../../core/api';
import type { Backend, PlatformDialogs } from '../service/backend';
import { dispatch, type Logger } from '../service/dispatch';
import { type Labels, errorWords, failureLine, langOfLabels } from './labels';

export interface MenuActionDeps {
  backend: Pick<Backend, 'handlers' | 'openWorkspace' | 'announce'>;
  dialogs: PlatformDialogs;
  /** warn-s7: the labels in the analyst's language at the moment a box is shown (ui-lang.ts) */
  labels: () => Labels | Promise<Labels>;
  productName: string;
  version: string;
  parent(): BrowserWindow | null;
  log: Logger;
}

export interface MenuActions {
  openFolder(): Promise<void>;
  openFiles(): Promise<void>;
  /** File → Export…: the export dialog lives in the UI */
  exportDataset(): void;
  about(): Promise<void>;
}

const MAX_LISTED_FAILURES = 10;

function codeOf(e: unknown): { code: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? { code: (e as { code: string }).code } : { code: 'internal' };
}

export function menuActions(deps: MenuActionDeps): MenuActions {
  const { backend, dialogs, log } = deps;
  const box = async (options: MessageBoxOptions): Promise<void> => {
    const win = deps.parent();
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const report = (what: string) => (e: unknown) => log.error(`menu: ${what} failed`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });

  return {
    async openFolder() {
      try {
        const dir = await dialogs.chooseFolder();
        if (!dir) return;
        await backend.openWorkspace(dir).catch(async (e: unknown) => {
          report('open folder')(e);
          const labels = await deps.labels();
          // warn-s7: from the error's code, in the analyst's language (its English message is in the log)
          await box({ type: 'error', message: labels.openFailed, detail: `${dir}\n${errorWords(codeOf(e), langOfLabels(labels))}`, buttons: [labels.ok] });
        });
      } catch (e) {
        report('open folder')(e);
      }
    },
    async openFiles() {
      try {
        const paths = await dialogs.chooseFiles();
        if (paths.length === 0) return;
        const result = await dispatch(backend.handlers, 'importFiles', { paths }, log);
        if (!result.ok) {
          const labels = await deps.labels();
          await box({ type: 'error', message: labels.importFailed, detail: errorWords(result.error, langOfLabels(labels)), buttons: [labels.ok] });
          return;
        }
        const { failed } = result.value as ImportSummary;
        if (failed.length === 0) return;
        const labels = await deps.labels();
        const lang = langOfLabels(labels);
        // warn-s7: each file's failure from its code, in the analyst's language
        const lines = failed.slice(0, MAX_LISTED_FAILURES).map((f) => failureLine(f, lang));
        if (failed.length > MAX_LISTED_FAILURES) lines.push(labels.moreFiles.replace('{count}', String(failed.length - MAX_LISTED_FAILURES)));
        await box({ type: 'warning', message: labels.importFailed, detail: lines.join('\n'), buttons: [labels.ok] });
      } catch (e) {
        report('open files')(e);
      }
    },
    exportDataset() {
      backend.announce('menuCommand', { command: 'export' });
    },
    async about() {
      try {
        const labels = await deps.labels();
        const v = process.versions;
        await box({
          type: 'info',
          title: labels.aboutTitle,
          message: `${deps.productName} ${deps.version}`,
          detail: `Electron ${v.electron ?? '?'} · Chromium ${v.chrome ?? '?'} · Node ${v.node}`,
          buttons: [labels.ok],
        });
      } catch (e) {
        report('about')(e);
      }
    },
  };
}
