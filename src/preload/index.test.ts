import { expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn() },
}));
vi.mock('electron', () => electron);

it('exposes exactly one global, window.api, with invoke and on', async () => {
  await import('./index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { invoke: unknown; on: unknown }];
  expect(key).toBe('api');
  expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
});

it('the exposed api refuses an unknown method and forwards a known one', async () => {
  await import('./index');
  const api = electron.contextBridge.exposeInMainWorld.mock.calls[0][1] as { invoke(m: string, r: unknown): Promise<unknown> };
  await expect(api.invoke('shell.openExternal', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  await api.invoke('appInfo', {});
  expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('api:appInfo', {});
});
