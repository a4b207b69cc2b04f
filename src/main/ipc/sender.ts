/**
 * Who may call the API over IPC: the top frame of one of our windows, showing our renderer
 * (the built index.html, or the loopback dev server in development). Everything else — a
 * navigated-away page, a subframe, a webContents we did not create — is refused.
 */
import { pathToFileURL } from 'node:url';
import type { RendererEntry } from '../electron/paths';

/** The parts of an IPC event the check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderLike {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export type SenderCheck = (event: SenderLike) => boolean;

export function isAppUrl(raw: string, entry: RendererEntry): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (entry.kind === 'url') return url.origin === new URL(entry.url).origin;
  const expected = pathToFileURL(entry.file);
  return url.protocol === 'file:' && url.host === expected.host && decodeURIComponent(url.pathname) === decodeURIComponent(expected.pathname);
}

export function createSenderCheck(entry: RendererEntry, isOurWebContents: (contents: unknown) => boolean): SenderCheck {
  return (event) => {
    try {
      if (!isOurWebContents(event.sender)) return false;
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null) return false;
      return isAppUrl(frame.url, entry);
    } catch {
      // a destroyed frame throws on access: not a sender we can vouch for
      return false;
    }
  };
}
