/**
 * Builds window.api (the ApiBridge of src/core/api.ts) from an ipcRenderer-like object, by a
 * loop over the contract: unknown methods are refused before anything is sent, every answer is
 * a Result, and event listeners receive only the payload (never the IPC event, whose sender
 * would hand the page ipcRenderer itself).
 */
import type { ApiBridge, ApiEventName, Result } from '../core/api';
import { API_EVENT_NAMES, API_METHOD_NAMES } from '../core/api-names';
import { EVENT_CHANNEL, invokeChannel } from '../main/ipc/channels';

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener = (payload: unknown) => void;

const METHODS = new Set<string>(API_METHOD_NAMES);
const EVENTS = new Set<string>(API_EVENT_NAMES);

export function createBridge(ipc: IpcRendererLike): ApiBridge {
  const listeners = new Map<ApiEventName, Set<Listener>>();
  let attached = false;

  // One IPC listener for all subscriptions, attached on first use.
  function attach(): void {
    if (attached) return;
    attached = true;
    ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
      const set = listeners.get(name as ApiEventName);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(payload);
        } catch (e) {
          console.error(`api event listener for ${String(name)} failed`, e);
        }
      }
    });
  }

  const bridge = {
    async invoke(method: string, request: unknown): Promise<Result<unknown>> {
      if (typeof method !== 'string' || !METHODS.has(method)) {
        return { ok: false, error: { code: 'unknown-method', message: `unknown method ${String(method).slice(0, 100)}` } };
      }
      try {
        return (await ipc.invoke(invokeChannel(method), request)) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The window could not reach the backend.' } };
      }
    },
    on(event: string, listener: Listener): () => void {
      if (typeof event !== 'string' || !EVENTS.has(event)) throw new TypeError(`unknown event ${String(event).slice(0, 100)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      attach();
      const name = event as ApiEventName;
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  return Object.freeze(bridge) as ApiBridge;
}
