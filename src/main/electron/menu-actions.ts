/**
 * What the File and Help menu items do. Failures are shown in a native box (the renderer may
 * not be listening) and logged; nothing here throws into the menu.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { ImportSummary } from '../../core/api';
import type { Backend, PlatformDialogs } from '../service/backend';
import { dispatch, type Logger } from '../service/dispatch';
import type { Labels } from './labels';

export interface MenuActionDeps {
  backend: Pick<Backend, 'handlers' | 'openWorkspace' | 'announce'>;
  dialogs: PlatformDialogs;
  labels: Labels;
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

export function menuActions(deps: MenuActionDeps): MenuActions {
  const { backend, dialogs, labels, log } = deps;
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
          await box({ type: 'error', message: labels.openFailed, detail: e instanceof Error ? e.message : String(e), buttons: [labels.ok] });
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
          await box({ type: 'error', message: labels.importFailed, detail: result.error.message, buttons: [labels.ok] });
          return;
        }
        const { failed } = result.value as ImportSummary;
        if (failed.length === 0) return;
        const lines = failed.slice(0, MAX_LISTED_FAILURES).map((f) => `${f.path}: ${f.error.message}`);
        if (failed.length > MAX_LISTED_FAILURES) lines.push(`… (+${failed.length - MAX_LISTED_FAILURES})`);
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
