// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../../../core/api';
import type { TeamStatusView } from '../../../../core/team/api';
import { setClientForTests } from '../../api/client';
import { setLang } from '../i18n/i18n';
import { SyncPanel } from './SyncPanel';
import { teamStore } from './store';

const status = (over: Partial<TeamStatusView>): TeamStatusView => ({
  syncthing: 'running', errorCode: null, installHint: 'apt', deviceId: 'AAAAAAA-BBBBBBB-CCCCCCC-DDDDDDD-EEEEEEE-FFFFFFF-GGGGGGG-HHHHHHH', folderId: 'ra-ws', folderShared: false, folderState: null, devices: [], scanAfterWrite: false, ...over,
});

function backend(answer: (method: string, request: Record<string, unknown>) => { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }) {
  const calls: [string, Record<string, unknown>][] = [];
  const invoke = vi.fn(async (method: string, request: Record<string, unknown>) => {
    calls.push([method, request]);
    return answer(method, request);
  });
  setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
  return calls;
}

afterEach(() => {
  cleanup();
  teamStore.patch({ status: null, statusError: null, actionError: null, actionBusy: false });
});

describe('Team page: sharing through Syncthing', () => {
  it('not installed: says so and how to install it on this system, in the analyst’s language', async () => {
    setLang('zh');
    backend(() => ({ ok: true, value: status({ syncthing: 'not-configured', errorCode: 'syncthing-not-configured', installHint: 'brew', deviceId: null }) }));
    render(<SyncPanel />);
    const box = await screen.findByTestId('sync-not-running');
    expect(box.textContent).toContain('本机尚未安装 Syncthing');
    const steps = screen.getByTestId('install-steps');
    expect(steps.getAttribute('data-hint')).toBe('brew');
    expect(steps.textContent).toContain('brew install syncthing');
    expect(steps.textContent).not.toContain('apt-get');
  });

  it('installed but stopped: a message and what to do, no install steps, no endless spinner', async () => {
    setLang('en');
    backend(() => ({ ok: true, value: status({ syncthing: 'not-running', errorCode: 'syncthing-not-running', deviceId: null }) }));
    render(<SyncPanel />);
    const box = await screen.findByTestId('sync-not-running');
    expect(box.textContent).toContain('installed but not running');
    expect(box.textContent).toContain('Start Syncthing');
    expect(screen.queryByTestId('install-steps')).toBeNull();
    expect(screen.getByTestId('sync-refresh').textContent).toBe('Check again');
  });

  it('running: shows the device ID; a wrong teammate ID is an error in place, a good one is added and the folder shared with it', async () => {
    setLang('en');
    let shared: string[] = [];
    const calls = backend((m, r) => {
      if (m === 'teamStatus') return { ok: true, value: status({}) };
      if (m === 'teamAddDevice') {
        if (r.deviceId === 'not-an-id') return { ok: false, error: { code: 'syncthing-bad-device-id', message: 'Not a Syncthing device ID: not-an-id' } };
        return { ok: true, value: status({}) };
      }
      if (m === 'teamShareFolder') {
        shared = r.devices as string[];
        return { ok: true, value: status({ folderShared: true, folderState: 'idle', devices: shared.map((d) => ({ deviceId: d, name: 'Li', connected: false, completion: null })) }) };
      }
      return { ok: false, error: { code: 'internal', message: m } };
    });
    render(<SyncPanel />);
    expect(((await screen.findByTestId('sync-device-id')) as HTMLInputElement).value).toContain('AAAAAAA-BBBBBBB');
    fireEvent.change(screen.getByTestId('sync-add-id'), { target: { value: 'not-an-id' } });
    fireEvent.click(screen.getByTestId('sync-add'));
    const err = await screen.findByTestId('sync-action-error');
    expect(err.getAttribute('data-code')).toBe('syncthing-bad-device-id');
    expect(err.textContent).toContain('not a Syncthing device ID');
    expect(calls.some(([m]) => m === 'teamShareFolder')).toBe(false);
    const good = 'MFZWI3D-BONSGYC-YLTMRWG-C43ENR5-QXGZDMM-FZWI3DP-BONSGYY-LTMRWAD';
    fireEvent.change(screen.getByTestId('sync-add-id'), { target: { value: good } });
    fireEvent.change(screen.getByTestId('sync-add-name'), { target: { value: 'Li' } });
    fireEvent.click(screen.getByTestId('sync-add'));
    await waitFor(() => expect(screen.getByTestId('sync-folder-state').getAttribute('data-shared')).toBe('yes'));
    expect(calls.filter(([m]) => m === 'teamAddDevice').at(-1)![1]).toEqual({ deviceId: good, name: 'Li' });
    expect(shared).toEqual([good]);
    expect(screen.queryByTestId('sync-action-error')).toBeNull();
    expect(screen.getAllByTestId('sync-device')).toHaveLength(1);
  });
});
