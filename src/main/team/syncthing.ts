/**
 * The local Syncthing, through its REST API: this machine's device id, adding a teammate's
 * device, sharing the workspace folder, and waiting for a sync without sleeping (scan on the
 * writer, then poll completion and status). The address and API key come from Syncthing's own
 * config.xml. Every call has a timeout; every failure is a SyncthingError with a code the UI
 * turns into a message (never a hang).
 *
 * Also writes the workspace's `.stignore` (machine-local files stay out of sync).
 * See ../shared/DEPENDENCY-FACTS.md (Syncthing) for what was measured with 1.19.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

export type SyncthingErrorCode =
  /** no config.xml in any known place: Syncthing is not installed or was never started */
  | 'syncthing-not-configured'
  /** nothing answers on the GUI/REST address */
  | 'syncthing-not-running'
  /** the API key was refused (403) */
  | 'syncthing-forbidden'
  /** not a Syncthing device id (format or check characters) */
  | 'syncthing-bad-device-id'
  /** the workspace folder (or a folder inside or around it) is already shared under another id, or the id is used for another folder */
  | 'syncthing-folder-shared-elsewhere'
  /** a call or a wait took longer than its limit */
  | 'syncthing-timeout'
  /** any other answer than the one expected */
  | 'syncthing-error';

export class SyncthingError extends Error {
  constructor(
    readonly code: SyncthingErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'SyncthingError';
  }
}

// ------------------------------------------------------------------ device ids

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Syncthing's check character of a group of 13 base32 characters (its "Luhn mod 32", lib/protocol/luhn.go). */
export function luhnBase32(s: string): string {
  let factor = 1;
  let sum = 0;
  for (const ch of s) {
    const cp = B32.indexOf(ch);
    if (cp < 0) throw new SyncthingError('syncthing-bad-device-id', `not base32: ${ch}`);
    let addend = factor * cp;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return B32[(32 - (sum % 32)) % 32]!;
}

/**
 * A device id in Syncthing's form (8 groups of 7, upper case), from what an analyst pasted
 * (any case, dashes or spaces or none); throws syncthing-bad-device-id when it is not one (wrong
 * length, characters, or check characters — a typo).
 */
export function normalizeDeviceId(input: string): string {
  const s = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z2-7]{56}$/.test(s)) throw new SyncthingError('syncthing-bad-device-id', `Not a Syncthing device ID: ${input.trim().slice(0, 80)}`, { id: input.trim().slice(0, 80) });
  for (let g = 0; g < 4; g++) {
    const group = s.slice(g * 14, g * 14 + 13);
    if (luhnBase32(group) !== s[g * 14 + 13]) throw new SyncthingError('syncthing-bad-device-id', `The device ID has a typo (check character ${g + 1} does not match): ${input.trim()}`, { id: input.trim() });
  }
  return s.match(/.{7}/g)!.join('-');
}

export function isDeviceId(input: string): boolean {
  try {
    normalizeDeviceId(input);
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------ config.xml

export interface SyncthingEndpoint {
  /** http(s)://host:port */
  url: string;
  apiKey: string;
  /** the config.xml it was read from */
  configFile?: string;
}

/**
 * Where Syncthing keeps config.xml on this platform, most likely first: STHOMEDIR; Linux:
 * $XDG_STATE_HOME/syncthing and ~/.local/state/syncthing (1.27+), $XDG_CONFIG_HOME/syncthing and
 * ~/.config/syncthing (before); macOS: ~/Library/Application Support/Syncthing; Windows:
 * %LOCALAPPDATA%\Syncthing.
 */
export function syncthingHomes(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string[] {
  const out: string[] = [];
  if (env.STHOMEDIR) out.push(env.STHOMEDIR);
  if (platform === 'win32') {
    if (env.LOCALAPPDATA) out.push(join(env.LOCALAPPDATA, 'Syncthing'));
    out.push(join(home, 'AppData', 'Local', 'Syncthing'));
  } else if (platform === 'darwin') {
    out.push(join(home, 'Library', 'Application Support', 'Syncthing'));
  } else {
    if (env.XDG_STATE_HOME) out.push(join(env.XDG_STATE_HOME, 'syncthing'));
    out.push(join(home, '.local', 'state', 'syncthing'));
    if (env.XDG_CONFIG_HOME) out.push(join(env.XDG_CONFIG_HOME, 'syncthing'));
    out.push(join(home, '.config', 'syncthing'));
  }
  return [...new Set(out)];
}

const xmlText = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The REST endpoint in a config.xml's text (the `<gui>` element), or null when it has none usable. */
export function endpointFromConfigXml(xml: string): SyncthingEndpoint | null {
  const gui = /<gui\b([^>]*)>([\s\S]*?)<\/gui>/.exec(xml);
  if (!gui) return null;
  const attrs = gui[1]!;
  const body = gui[2]!;
  const address = /<address>([^<]*)<\/address>/.exec(body)?.[1]?.trim();
  const apiKey = /<apikey>([^<]*)<\/apikey>/.exec(body)?.[1]?.trim();
  if (!address || !apiKey || address.startsWith('unix')) return null;
  const tls = /\btls="true"/.test(attrs);
  // a GUI bound to every interface is reached on loopback
  const hostPort = address.replace(/^https?:\/\//, '').replace(/^0\.0\.0\.0:/, '127.0.0.1:').replace(/^\[::\]:/, '[::1]:').replace(/^:(\d+)$/, '127.0.0.1:$1');
  return { url: `${tls ? 'https' : 'http'}://${hostPort}`, apiKey: xmlText(apiKey) };
}

/** The local Syncthing's REST endpoint, from the first config.xml found (syncthing-not-configured when none). */
export async function findLocalEndpoint(homes: readonly string[] = syncthingHomes()): Promise<SyncthingEndpoint> {
  for (const h of homes) {
    const file = join(h, 'config.xml');
    let xml: string;
    try {
      xml = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const ep = endpointFromConfigXml(xml);
    if (ep) return { ...ep, configFile: file };
  }
  throw new SyncthingError('syncthing-not-configured', `No Syncthing configuration found (looked in ${homes.join(', ')}). Is Syncthing installed and has it run once?`);
}

// ------------------------------------------------------------------ REST client

export interface FolderConfig {
  id: string;
  label?: string;
  path: string;
  type?: string;
  devices: { deviceID: string; introducedBy?: string; encryptionPassword?: string }[];
  fsWatcherEnabled?: boolean;
  fsWatcherDelayS?: number;
  rescanIntervalS?: number;
  [key: string]: unknown;
}

export interface DeviceConfig {
  deviceID: string;
  name?: string;
  addresses?: string[];
  [key: string]: unknown;
}

export interface Completion {
  completion: number;
  needItems: number;
  needDeletes: number;
  needBytes: number;
  [key: string]: unknown;
}

export interface FolderStatus {
  state: string;
  needTotalItems: number;
  errors?: number;
  pullErrors?: number;
  [key: string]: unknown;
}

export interface ClientOptions {
  /** per request, ms (default 5000) */
  timeoutMs?: number;
}

/** Whether `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class SyncthingClient {
  readonly timeoutMs: number;

  constructor(
    readonly endpoint: SyncthingEndpoint,
    opts: ClientOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  static async local(opts: ClientOptions & { homes?: string[] } = {}): Promise<SyncthingClient> {
    return new SyncthingClient(await findLocalEndpoint(opts.homes), opts);
  }

  /** One REST call: JSON in and out, X-API-Key, a timeout; errors as SyncthingError. */
  call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    const url = new URL(path, this.endpoint.url);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<T>((resolvePromise, reject) => {
      let settled = false;
      const done = (err: Error | null, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolvePromise(value as T);
      };
      const r = req(
        url,
        {
          method,
          headers: { 'X-API-Key': this.endpoint.apiKey, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
          // the GUI's certificate is Syncthing's own self-signed one; the call is authenticated by the API key
          ...(url.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => done(new SyncthingError('syncthing-error', `Syncthing ${method} ${url.pathname}: ${e.message}`)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status === 403 || status === 401) return done(new SyncthingError('syncthing-forbidden', `Syncthing refused the API key (${status}).`));
            if (status < 200 || status >= 300) return done(new SyncthingError('syncthing-error', `Syncthing ${method} ${url.pathname}: ${status} ${text.slice(0, 200)}`, { status }));
            if (text.trim() === '') return done(null, undefined as T);
            try {
              done(null, JSON.parse(text) as T);
            } catch {
              done(null, text as T);
            }
          });
        },
      );
      const timer = setTimeout(() => {
        r.destroy();
        done(new SyncthingError('syncthing-timeout', `Syncthing did not answer ${method} ${url.pathname} within ${timeoutMs} ms.`, { ms: timeoutMs }));
      }, timeoutMs);
      r.on('error', (e: NodeJS.ErrnoException) => {
        const down = ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EADDRNOTAVAIL'].includes(e.code ?? '');
        done(new SyncthingError(down ? 'syncthing-not-running' : 'syncthing-error', down ? `Syncthing is not running (nothing answers at ${this.endpoint.url}).` : `Syncthing ${method} ${url.pathname}: ${e.message}`, { url: this.endpoint.url }));
      });
      if (payload) r.write(payload);
      r.end();
    });
  }

  /** This machine's device id. */
  async myId(): Promise<string> {
    const s = await this.call<{ myID: string }>('GET', '/rest/system/status');
    return s.myID;
  }

  devices(): Promise<DeviceConfig[]> {
    return this.call<DeviceConfig[]>('GET', '/rest/config/devices');
  }

  folders(): Promise<FolderConfig[]> {
    return this.call<FolderConfig[]>('GET', '/rest/config/folders');
  }

  /**
   * Adds a teammate's device (nothing when it is there already). `addresses` default to
   * 'dynamic' (discovery); tests give explicit tcp://127.0.0.1 addresses.
   */
  async addDevice(id: string, name: string, addresses: string[] = ['dynamic']): Promise<string> {
    const deviceID = normalizeDeviceId(id);
    const existing = await this.devices();
    if (existing.some((d) => d.deviceID === deviceID)) return deviceID;
    await this.call('POST', '/rest/config/devices', { deviceID, name, addresses });
    return deviceID;
  }

  /**
   * Shares `path` as folder `id` with `devices` (added to the folder's devices when it exists at
   * that path already). syncthing-folder-shared-elsewhere when the id is another folder's or the
   * path is inside (or around) another shared folder: Syncthing would sync it twice.
   */
  async shareFolder(opts: { id: string; label?: string; path: string; devices: string[]; fsWatcherDelayS?: number }): Promise<FolderConfig> {
    const path = resolve(opts.path);
    const devices = opts.devices.map(normalizeDeviceId);
    const folders = await this.folders();
    const same = folders.find((f) => f.id === opts.id);
    if (same && resolve(same.path) !== path) throw new SyncthingError('syncthing-folder-shared-elsewhere', `The folder id ${opts.id} is already used for ${same.path}.`, { id: opts.id, path: same.path });
    const around = folders.find((f) => f.id !== opts.id && (within(resolve(f.path), path) || within(path, resolve(f.path))));
    if (around) throw new SyncthingError('syncthing-folder-shared-elsewhere', `This folder is already shared through Syncthing as “${around.label || around.id}” (${around.path}).`, { id: around.id, path: around.path });
    const me = await this.myId();
    if (same) {
      const have = new Set(same.devices.map((d) => d.deviceID));
      const add = devices.filter((d) => !have.has(d));
      if (add.length === 0) return same;
      const next = { devices: [...same.devices, ...add.map((deviceID) => ({ deviceID, introducedBy: '', encryptionPassword: '' }))] };
      await this.call('PATCH', `/rest/config/folders/${encodeURIComponent(opts.id)}`, next);
      return { ...same, ...next };
    }
    const folder: FolderConfig = {
      id: opts.id,
      label: opts.label ?? opts.id,
      path,
      type: 'sendreceive',
      devices: [me, ...devices.filter((d) => d !== me)].map((deviceID) => ({ deviceID, introducedBy: '', encryptionPassword: '' })),
      fsWatcherEnabled: true,
      fsWatcherDelayS: opts.fsWatcherDelayS ?? 1,
      rescanIntervalS: 3600,
    };
    await this.call('POST', '/rest/config/folders', folder);
    return folder;
  }

  /** Asks Syncthing to scan the folder now (or one path in it) instead of waiting for the watcher. */
  async scan(folder: string, sub?: string): Promise<void> {
    const q = new URLSearchParams({ folder });
    if (sub) q.set('sub', sub);
    await this.call('POST', `/rest/db/scan?${q}`, undefined, Math.max(this.timeoutMs, 30_000));
  }

  completion(folder: string, device: string): Promise<Completion> {
    return this.call<Completion>('GET', `/rest/db/completion?${new URLSearchParams({ folder, device })}`);
  }

  folderStatus(folder: string): Promise<FolderStatus> {
    return this.call<FolderStatus>('GET', `/rest/db/status?${new URLSearchParams({ folder })}`);
  }

  /** Whether the device is connected now. */
  async connected(device: string): Promise<boolean> {
    const c = await this.call<{ connections: Record<string, { connected: boolean }> }>('GET', '/rest/system/connections');
    return c.connections[normalizeDeviceId(device)]?.connected === true;
  }
}

// ------------------------------------------------------------------ waiting

/**
 * Polls `check` until it returns a value other than undefined, every `intervalMs`, for at most
 * `timeoutMs` (then syncthing-timeout). Errors of `check` other than not-running end the wait.
 */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      if (!(e instanceof SyncthingError) || (e.code !== 'syncthing-not-running' && e.code !== 'syncthing-timeout')) throw e;
      last = e;
    }
    if (Date.now() >= deadline) throw new SyncthingError('syncthing-timeout', `Gave up waiting for ${what} after ${timeoutMs} ms${last instanceof Error ? ` (${last.message})` : ''}.`, { ms: timeoutMs });
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Waits until what `writer` has is on `reader` (DEPENDENCY-FACTS: scan on the writer, poll its
 * completion for the reader until 100 with nothing needed, then the reader's folder status until
 * idle with nothing needed). `sub` limits the scan to one path.
 */
export async function waitSynced(opts: { writer: SyncthingClient; reader: SyncthingClient; readerId: string; folder: string; sub?: string; timeoutMs?: number }): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const start = Date.now();
  const left = () => Math.max(1, timeoutMs - (Date.now() - start));
  await opts.writer.scan(opts.folder, opts.sub);
  await pollUntil('the writer to see the peer complete', async () => {
    const c = await opts.writer.completion(opts.folder, opts.readerId);
    return c.completion >= 100 && c.needItems === 0 && c.needDeletes === 0 ? true : undefined;
  }, left());
  await pollUntil('the reader to be idle', async () => {
    const s = await opts.reader.folderStatus(opts.folder);
    return s.state === 'idle' && s.needTotalItems === 0 ? true : undefined;
  }, left());
}

// ------------------------------------------------------------------ .stignore

const BEGIN = '// report-annotator: begin (machine-local files; written by the app, do not edit this block)';
const END = '// report-annotator: end';

/**
 * What each machine keeps to itself: the lock, temp files, the derived cache, local backups —
 * and the index `workspace.json`, which every app writes (the list of reports, this analyst's
 * review counts, taxonomy and metadata edits): synced, it would be a file with many writers,
 * replaced under a running app and split into conflict copies. Each machine lists the folder's
 * reports itself (same ids: they hash the report's path in the folder). Also the store's
 * recovery leftovers (`*.corrupt-*`, a v1 migration's id map).
 */
export const STIGNORE_LINES = ['/.report-annotator/lock', '/.report-annotator/cache', '/.report-annotator/backups', '/.report-annotator/workspace.json', '/.report-annotator/migration-v1.json', '/.report-annotator/*.corrupt-*', '*.tmp', '*.lock'];

/** The .stignore text: lines already there are kept, the app's block is written (again) at the end. */
export function stignoreText(existing: string): string {
  const lines = existing.split(/\r?\n/);
  const kept: string[] = [];
  let inBlock = false;
  for (const l of lines) {
    if (l === BEGIN) inBlock = true;
    else if (l === END) inBlock = false;
    else if (!inBlock) kept.push(l);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return [...kept, ...(kept.length ? [''] : []), BEGIN, ...STIGNORE_LINES, END, ''].join('\n');
}

/** Writes the workspace's .stignore (it is not synced: each machine writes its own). */
export async function writeStignore(workspaceDir: string): Promise<string> {
  const file = join(workspaceDir, '.stignore');
  let existing = '';
  try {
    existing = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const text = stignoreText(existing);
  if (text !== existing) await writeFile(file, text, 'utf8');
  return file;
}
