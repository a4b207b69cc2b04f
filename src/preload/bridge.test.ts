import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../core/api';
import { createBridge, type IpcRendererLike } from './bridge';

function fakeIpc() {
  let onEvent: ((event: unknown, ...args: unknown[]) => void) | null = null;
  const ipc = {
    invoke: vi.fn(async (_channel: string, _request: unknown): Promise<unknown> => ({ ok: true, value: 'v' })),
    on: vi.fn((_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      onEvent = listener;
    }),
  } satisfies IpcRendererLike;
  return { ipc, push: (name: string, payload: unknown) => onEvent?.({ sender: 'the ipcRenderer itself' }, name, payload) };
}

describe('createBridge', () => {
  it('invokes api:<method> for every method of the contract', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const method of API_METHODS) await expect(bridge.invoke(method, {} as never)).resolves.toEqual({ ok: true, value: 'v' });
    expect(ipc.invoke.mock.calls.map((c) => c[0])).toEqual(API_METHODS.map((m) => `api:${m}`));
  });

  it('rejects an unknown method without sending anything', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const method of ['readFile', '__proto__', 'constructor', '', 42, null]) {
      await expect(bridge.invoke(method as never, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an error result instead of throwing', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(createBridge(ipc).invoke('appInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers events by name, payload only, until unsubscribed', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const progress = vi.fn();
    const saves = vi.fn();
    const off = bridge.on('progress', progress);
    bridge.on('saveState', saves);
    expect(ipc.on).toHaveBeenCalledOnce();
    expect(ipc.on.mock.calls[0][0]).toBe('api-event');
    push('progress', { done: 1 });
    push('saveState', { state: 'saved' });
    push('unknown', {});
    expect(progress.mock.calls).toEqual([[{ done: 1 }]]);
    expect(saves.mock.calls).toEqual([[{ state: 'saved' }]]);
    off();
    push('progress', { done: 2 });
    expect(progress).toHaveBeenCalledOnce();
  });

  it('one failing listener does not stop the others', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    bridge.on('progress', () => { throw new Error('bad listener'); });
    bridge.on('progress', good);
    push('progress', {});
    expect(good).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(() => bridge.on('nope' as never, () => undefined)).toThrow(TypeError);
    expect(() => bridge.on('progress', 'x' as never)).toThrow(TypeError);
  });

  it('is frozen', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });
});
