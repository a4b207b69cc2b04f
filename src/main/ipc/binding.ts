/**
 * The IPC binding of the API contract: the only main-process file that touches raw ipcMain.
 * One loop over API_METHODS registers `api:<method>`; every call is checked for its sender,
 * then parsed and answered by dispatch. Backend events are pushed to our windows on
 * `api-event`. Nothing here throws across the boundary.
 */
import { ipcMain, type WebContents } from 'electron';
import { API_METHODS, type ApiEventName, type Result } from '../../core/api';
import type { Backend } from '../service/backend';
import { dispatch, type Logger } from '../service/dispatch';
import { EVENT_CHANNEL, invokeChannel } from './channels';
import type { SenderCheck } from './sender';

export interface IpcBindingOptions {
  backend: Pick<Backend, 'handlers' | 'onEvent'>;
  isTrustedSender: SenderCheck;
  /** our windows' webContents: where pushed events go */
  targets(): Iterable<WebContents>;
  log: Logger;
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', message: 'This caller may not use the API.' } };
const INTERNAL: Result<never> = { ok: false, error: { code: 'internal', message: 'An unexpected error occurred; details are in the log.' } };

/** Registers one handler per API method and the event push; returns the undo. */
export function registerIpc(opts: IpcBindingOptions): () => void {
  const { backend, isTrustedSender, log } = opts;
  for (const method of API_METHODS) {
    ipcMain.handle(invokeChannel(method), async (event, request: unknown): Promise<Result<unknown>> => {
      try {
        if (!isTrustedSender(event)) {
          log.error('refused an API call from an untrusted sender', { method, url: frameUrl(event.senderFrame) });
          return FORBIDDEN;
        }
        return await dispatch(backend.handlers, method, request, log);
      } catch (e) {
        log.error('IPC handler failed', { method, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        return INTERNAL;
      }
    });
  }
  const stopEvents = backend.onEvent((name: ApiEventName, payload: unknown) => {
    for (const contents of opts.targets()) {
      try {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
      } catch (e) {
        log.error('could not push an event', { name, error: String(e) });
      }
    }
  });
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(invokeChannel(method));
    stopEvents();
  };
}

function frameUrl(frame: { url: string } | null): string {
  try {
    return frame ? frame.url.slice(0, 200) : '(no frame)';
  } catch {
    return '(destroyed frame)';
  }
}
