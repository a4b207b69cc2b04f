/**
 * The app's lifecycle rules: one instance (a second launch hands its arguments to the first
 * and quits), quit when the last window closes (but on macOS), and flush the backend before
 * quitting — quit is held until the store is written, or a time limit has passed.
 */
import type { App } from 'electron';
import type { Backend } from '../service/backend';
import type { Logger } from '../service/dispatch';

/** Returns false (and quits) when another instance already runs. */
export function claimSingleInstance(app: App, onSecondInstance: (argv: string[], cwd: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory));
  return true;
}

export function quitWhenAllWindowsClosed(app: App, platform: NodeJS.Platform = process.platform): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
}

export const FLUSH_TIMEOUT_MS = 15_000;

export function flushBeforeQuit(app: App, backend: Pick<Backend, 'close'>, log: Logger, timeoutMs = FLUSH_TIMEOUT_MS): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    withTimeout(backend.close(), timeoutMs)
      .catch((e: unknown) => log.error('could not close the backend before quitting', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`backend close took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
