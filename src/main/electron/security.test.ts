import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeApp, FakeSession, FakeWebContents, fakeEvent } from './testing/fakes';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { denyPermissions, hardenSession, hardenWebContents, installCsp, openExternalIfHttps, registerWebContentsHardening } = await import('./security');
const { RENDERER_CSP } = await import('./csp');

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes stand in for Electron types */

beforeEach(() => openExternal.mockClear());

function headersAfter(session: FakeSession, responseHeaders: Record<string, string[]>): Record<string, string[] | string> {
  let out: Record<string, string[] | string> = {};
  session.headersListener?.({ responseHeaders }, (r) => (out = r.responseHeaders));
  return out;
}

describe('CSP header', () => {
  it('sets the policy on every response and replaces any the server sent', () => {
    const session = new FakeSession();
    installCsp(session as any, RENDERER_CSP);
    const headers = headersAfter(session, { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] });
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['content-type']).toEqual(['text/html']);
  });

  it('works when a response has no headers', () => {
    const session = new FakeSession();
    installCsp(session as any, 'default-src \'self\'');
    session.headersListener?.({}, (r) => expect(r.responseHeaders['Content-Security-Policy']).toEqual(["default-src 'self'"]));
  });

  it('the header has no unsafe-eval and scripts only from self', () => {
    const session = new FakeSession();
    hardenSession(session as any, RENDERER_CSP);
    const policy = String(headersAfter(session, {})['Content-Security-Policy']);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyPermissions(session as any);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission, 'file://', {})).toBe(false);
    }
    expect(session.deviceHandler?.({})).toBe(false);
  });
});

describe('downloads', () => {
  it('lets the page save what it generates (blob:, data:) and cancels any other download', () => {
    const session = new FakeSession();
    hardenSession(session as any, RENDERER_CSP);
    const outcome = (url: string): boolean => {
      const event = fakeEvent();
      session.emit('will-download', event, { getURL: () => url });
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(outcome('blob:file:///0f4c-11aa')).toBe(false);
    expect(outcome('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    expect(outcome('https://example.com/payload.exe')).toBe(true);
    expect(outcome('file:///etc/passwd')).toBe(true);
  });
});

describe('navigation and new windows', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents();
    hardenWebContents(contents as any);
  });

  it('prevents navigation to a foreign URL', () => {
    for (const url of ['https://evil.example/', 'http://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = fakeEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
  });

  it('lets a same-document navigation through', () => {
    const event = fakeEvent('file:///app/out/renderer/index.html#/doc/1', true);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the page', () => {
    const event = fakeEvent('https://evil.example/');
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    const same = fakeEvent('file:///x#a', true);
    contents.emit('will-redirect', same);
    expect(same.preventDefault).not.toHaveBeenCalled();
  });

  it('a link followed in the page opens in the browser only when https', () => {
    contents.emit('will-navigate', fakeEvent('https://www.gov.cn/'));
    contents.emit('will-navigate', fakeEvent('http://www.gov.cn/'));
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/']]);
  });

  it('denies window.open, opening only https URLs externally', () => {
    const urls = ['https://www.gov.cn/zhengce/', 'http://www.gov.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'not a url', 'smb://host/share'];
    for (const url of urls) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/zhengce/']]);
  });

  it('never attaches a webview', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('openExternalIfHttps', () => {
  it('accepts https and refuses http:, file:, javascript: and garbage', () => {
    expect(openExternalIfHttps('https://example.org/a?b=1')).toBe(true);
    expect(openExternalIfHttps('http://example.org/')).toBe(false);
    expect(openExternalIfHttps('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(openExternalIfHttps('javascript:alert(1)')).toBe(false);
    expect(openExternalIfHttps('HTTPS://EXAMPLE.ORG/')).toBe(true);
    expect(openExternalIfHttps('')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://example.org/a?b=1'], ['https://example.org/']]);
  });

  it('logs when the system cannot open the link', async () => {
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    const log = { error: vi.fn() };
    openExternalIfHttps('https://example.org/', log);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledOnce());
  });
});

describe('web-contents-created', () => {
  it('hardens every webContents created later', () => {
    const app = new FakeApp();
    registerWebContentsHardening(app as any);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    const event = fakeEvent('https://x.example/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
