/**
 * Hardening of every session and webContents the app has: CSP on responses, all permission
 * requests denied, navigation and redirects away from the page refused, new windows denied
 * (https links go to the system browser), webviews never attached, downloads only of what the
 * page generates.
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import type { Logger } from '../service/dispatch';

/** Sets the CSP header on every response this session receives (http(s) only: file:// has no headers). */
export function installCsp(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[] | string> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

/** The app needs no camera, notifications, clipboard reads, devices or anything else. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Downloads: only what the page generates itself (a chart image, a table as CSV: blob: and
 * data: URLs) may be saved, and Electron asks where with its save dialog. A download of
 * anything else — a link in a hostile report, a redirect — is cancelled.
 */
export function limitDownloads(session: Session, log?: Logger): void {
  session.on('will-download', (event, item) => {
    const url = item.getURL();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    event.preventDefault();
    log?.error('refused a download', { url: url.slice(0, 200) });
  });
}

export function hardenSession(session: Session, policy: string, log?: Logger): void {
  installCsp(session, policy);
  denyPermissions(session);
  limitDownloads(session, log);
}

/**
 * Opens a link in the system browser only if it parses as https; anything else (http:, file:,
 * javascript:, custom schemes, garbage) is ignored. Returns whether it was opened.
 */
export function openExternalIfHttps(raw: string, log?: Logger): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  shell.openExternal(url.href).catch((e: unknown) => log?.error('could not open a link', { url: url.href, error: String(e) }));
  return true;
}

export function hardenWebContents(contents: WebContents, log?: Logger): void {
  contents.on('will-navigate', (event) => {
    if (event.isSameDocument) return;
    event.preventDefault();
    openExternalIfHttps(event.url, log);
  });
  contents.on('will-redirect', (event) => {
    if (event.isSameDocument) return;
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfHttps(url, log);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hardens every webContents created from now on, ours and any future one. */
export function registerWebContentsHardening(app: App, log?: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}
