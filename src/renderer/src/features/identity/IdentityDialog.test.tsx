// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../../../core/api';
import { setClientForTests } from '../../api/client';
import { setLang } from '../i18n/i18n';
import { IdentityDialog } from './IdentityDialog';

function fakeBackend(mode: 'desktop' | 'browser', confirmed: boolean) {
  const calls: [string, unknown][] = [];
  let identity = { id: '6f1c2d3e-0000-4000-8000-000000000000', name: 'osuser', confirmed };
  const invoke = vi.fn(async (method: string, request: unknown) => {
    calls.push([method, request]);
    if (method === 'appInfo') return { ok: true, value: { name: 'Report Annotator', version: 't', mode, platform: 'linux' } };
    if (method === 'identityGet') return { ok: true, value: identity };
    if (method === 'identitySet') {
      identity = { ...identity, name: (request as { name: string }).name, confirmed: true };
      return { ok: true, value: identity };
    }
    return { ok: false, error: { code: 'internal', message: method } };
  });
  setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
  return calls;
}

afterEach(cleanup);

describe('first-run identity prompt', () => {
  it('desktop, not confirmed yet: asks with the OS user name filled in, and saves the name given', async () => {
    setLang('zh');
    const calls = fakeBackend('desktop', false);
    render(<IdentityDialog />);
    const input = (await screen.findByTestId('identity-name')) as HTMLInputElement;
    expect(input.value).toBe('osuser');
    expect(screen.getByText('标注人是谁？')).toBeTruthy();
    fireEvent.change(input, { target: { value: '王分析' } });
    fireEvent.click(screen.getByTestId('identity-ok'));
    await waitFor(() => expect(screen.queryByTestId('identity-dialog')).toBeNull());
    expect(calls).toContainEqual(['identitySet', { name: '王分析' }]);
  });

  it('is not shown once confirmed, nor in browser mode', async () => {
    for (const [mode, confirmed] of [['desktop', true], ['browser', false]] as const) {
      const calls = fakeBackend(mode, confirmed);
      render(<IdentityDialog />);
      await waitFor(() => expect(calls.map((c) => c[0])).toContain('identityGet'));
      await new Promise((r) => setTimeout(r, 10));
      expect(screen.queryByTestId('identity-dialog')).toBeNull();
      cleanup();
    }
  });
});
