/**
 * Where the desktop app finds its pieces: the preload, the renderer entry and the shipped
 * resources, for the packaged app and for a development run from the repo. Pure: the caller
 * passes what Electron knows, so this file is tested without Electron.
 */
import { join } from 'node:path';

/** The renderer is either the built html file or, in development only, the dev server. */
export type RendererEntry = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export interface AppPaths {
  preload: string;
  renderer: RendererEntry;
  /** the shipped sample reports */
  samplesDir: string;
  /** the window icon in a development run; the packaged app uses its platform icon */
  windowIcon: string | null;
}

export interface PathInputs {
  /** directory of the bundled main script (out/main) */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** process.env.ELECTRON_RENDERER_URL */
  devServerUrl?: string;
}

export function resolveAppPaths(input: PathInputs): AppPaths {
  const outDir = join(input.mainDir, '..');
  const repoResources = join(outDir, '..', 'resources');
  const devUrl = input.isPackaged ? null : loopbackHttpUrl(input.devServerUrl);
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    renderer: devUrl ? { kind: 'url', url: devUrl } : { kind: 'file', file: join(outDir, 'renderer', 'index.html') },
    // electron-builder copies resources/** (but icons) into the resources directory.
    samplesDir: input.isPackaged ? join(input.resourcesPath, 'samples') : join(repoResources, 'samples'),
    windowIcon: input.isPackaged ? null : join(repoResources, 'icons', 'icon.png'),
  };
}

/**
 * The dev server URL is honoured only when it is plain http on a loopback host: an environment
 * variable must never make the app load a remote page that would then be trusted with the API.
 */
export function loopbackHttpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'http:' || !loopback || url.username || url.password) return null;
  return url.href;
}
