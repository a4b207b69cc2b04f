import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { API_METHODS, type ApiEventName } from '../../core/api';
import type { Handlers, Logger } from '../service/dispatch';
import { FakeWebContents } from '../electron/testing/fakes';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;
const registry = vi.hoisted(() => new Map<string, Handler>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (registry.has(channel)) throw new Error(`second handler for ${channel}`);
      registry.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => registry.delete(channel)),
  },
}));

const { registerIpc } = await import('./binding');

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes stand in for Electron types */

function fakeBackend() {
  let listener: ((name: ApiEventName, payload: unknown) => void) | null = null;
  const handlers = Object.fromEntries(API_METHODS.map((m) => [m, vi.fn(async () => ({ method: m }))])) as unknown as Handlers;
  handlers.appInfo = vi.fn(async () => ({ name: 'Report Annotator', version: '0.1.0', mode: 'desktop' as const, platform: 'linux' }));
  return {
    handlers,
    onEvent: vi.fn((l: (name: ApiEventName, payload: unknown) => void) => {
      listener = l;
      return () => (listener = null);
    }),
    emit: (name: ApiEventName, payload: unknown) => listener?.(name, payload),
    listening: () => listener !== null,
  };
}

const trusted = { sender: 'ours', senderFrame: { url: 'file:///app/index.html', parent: null } };
const foreign = { sender: 'ours', senderFrame: { url: 'https://evil.example/', parent: null } };

describe('registerIpc', () => {
  let backend: ReturnType<typeof fakeBackend>;
  let log: { error: Mock<Logger['error']> };
  let targets: FakeWebContents[];
  let dispose: () => void;

  beforeEach(() => {
    registry.clear();
    backend = fakeBackend();
    log = { error: vi.fn<Logger['error']>() };
    targets = [new FakeWebContents(), new FakeWebContents()];
    dispose = registerIpc({ backend, isTrustedSender: (e) => e.senderFrame?.url === 'file:///app/index.html', targets: () => targets as any, log });
  });

  it('registers one handler per API method, by the loop', () => {
    expect(registry.size).toBe(API_METHODS.length);
    expect([...registry.keys()].sort()).toEqual(API_METHODS.map((m) => `api:${m}`).sort());
  });

  it('answers a trusted call through dispatch', async () => {
    await expect(registry.get('api:appInfo')!(trusted, {})).resolves.toEqual({ ok: true, value: { name: 'Report Annotator', version: '0.1.0', mode: 'desktop', platform: 'linux' } });
    await expect(registry.get('api:documentGet')!(trusted, { id: 'd1' })).resolves.toEqual({ ok: true, value: { method: 'documentGet' } });
    expect(backend.handlers.documentGet).toHaveBeenCalledWith({ id: 'd1' });
  });

  it('a forbidden sender gets forbidden, and the backend is not called', async () => {
    const result = await registry.get('api:workspaceOpen')!(foreign, { dir: '/etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(backend.handlers.workspaceOpen).not.toHaveBeenCalled();
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('untrusted'), expect.objectContaining({ method: 'workspaceOpen', url: 'https://evil.example/' }));
  });

  it('a bad request gets bad-request', async () => {
    for (const bad of [{ id: 42 }, { id: 'd1', extra: true }, 'string', []]) {
      await expect(registry.get('api:documentGet')!(trusted, bad)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(backend.handlers.documentGet).not.toHaveBeenCalled();
  });

  it('never throws: a failing sender check or handler becomes an error result', async () => {
    registry.clear();
    dispose = registerIpc({ backend, isTrustedSender: () => { throw new Error('boom'); }, targets: () => [], log });
    await expect(registry.get('api:appInfo')!(trusted, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    registry.clear();
    (backend.handlers.appInfo as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk on fire'));
    registerIpc({ backend, isTrustedSender: () => true, targets: () => [], log });
    await expect(registry.get('api:appInfo')!(trusted, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('pushes backend events to our live windows on api-event', () => {
    targets[1].destroyed = true;
    backend.emit('saveState', { state: 'saved', lastSavedAt: null, error: null });
    expect(targets[0].send).toHaveBeenCalledWith('api-event', 'saveState', { state: 'saved', lastSavedAt: null, error: null });
    expect(targets[1].send).not.toHaveBeenCalled();
  });

  it('a window failing to receive does not stop the others', () => {
    targets[0].send.mockImplementation(() => { throw new Error('gone'); });
    backend.emit('progress', { taskId: 't', label: 'import', done: 1, total: 2, current: null, finished: false });
    expect(targets[1].send).toHaveBeenCalledOnce();
    expect(log.error).toHaveBeenCalled();
  });

  it('the returned undo removes every handler and the event subscription', () => {
    dispose();
    expect(registry.size).toBe(0);
    expect(backend.listening()).toBe(false);
  });
});
