/**
 * Test support: real Syncthing instances on 127.0.0.1 only (DEPENDENCY-FACTS.md, Syncthing).
 * Each instance gets its own home, generated with `syncthing generate`; config.xml is edited
 * before the first start (GUI/REST on 127.0.0.1 with a known API key, listening on
 * tcp://127.0.0.1 only, global/local discovery, relays, NAT, LAN announcements, crash and usage
 * reports, browser and upgrades off). Devices and the shared folder are then set up through the
 * REST client under test (explicit tcp://127.0.0.1 addresses). Readiness is awaited through
 * REST with bounded polling, never a fixed sleep.
 *
 * Stopping: SIGTERM to the started process (1.19 forks a monitor that stops its child), SIGKILL
 * of its process group after a timeout. Every started group is also killed when the test
 * process exits, so no instance outlives the run (except when the test process itself is
 * SIGKILLed: then nothing of it runs any more).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SyncthingClient, pollUntil, writeStignore } from './syncthing';

/** Whether a `syncthing` binary runs here. */
export function syncthingInstalled(): boolean {
  const r = spawnSync('syncthing', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 && /syncthing v\d/.test(r.stdout);
}

/** A free TCP port on 127.0.0.1 (asked of the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

const setTag = (xml: string, tag: string, value: string): string => {
  const re = new RegExp(`<${tag}>[^<]*</${tag}>`);
  if (!re.test(xml)) throw new Error(`config.xml has no <${tag}>`);
  return xml.replace(re, `<${tag}>${value}</${tag}>`);
};

/** A generated config.xml made loopback-only and quiet (before the first start). */
export function loopbackConfig(xml: string, o: { guiPort: number; listenPort: number; apiKey: string }): string {
  const gui = /<gui\b[^>]*>[\s\S]*?<\/gui>/.exec(xml);
  if (!gui) throw new Error('config.xml has no <gui>');
  let g = gui[0].replace(/<address>[^<]*<\/address>/, `<address>127.0.0.1:${o.guiPort}</address>`);
  g = /<apikey>/.test(g) ? g.replace(/<apikey>[^<]*<\/apikey>/, `<apikey>${o.apiKey}</apikey>`) : g.replace('</gui>', `<apikey>${o.apiKey}</apikey></gui>`);
  let x = xml.replace(gui[0], g);
  x = setTag(x, 'listenAddress', `tcp://127.0.0.1:${o.listenPort}`);
  for (const t of ['globalAnnounceEnabled', 'localAnnounceEnabled', 'relaysEnabled', 'natEnabled', 'announceLANAddresses', 'crashReportingEnabled', 'startBrowser']) x = setTag(x, t, 'false');
  x = setTag(x, 'urAccepted', '-1');
  x = setTag(x, 'autoUpgradeIntervalH', '0');
  return x;
}

const started = new Set<number>();
let exitHook = false;
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  }
}
function track(pid: number): void {
  started.add(pid);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const p of started) killGroup(p, 'SIGKILL');
    });
  }
}

export class SyncthingInstance {
  proc: ChildProcess | null = null;
  deviceId = '';
  readonly client: SyncthingClient;
  readonly logFile: string;

  constructor(
    readonly name: string,
    readonly home: string,
    readonly folderPath: string,
    readonly guiPort: number,
    readonly listenPort: number,
    readonly apiKey: string,
  ) {
    this.client = new SyncthingClient({ url: `http://127.0.0.1:${guiPort}`, apiKey }, { timeoutMs: 5000 });
    this.logFile = join(home, 'syncthing.log');
  }

  static async create(name: string, root: string): Promise<SyncthingInstance> {
    const home = join(root, `${name}-home`);
    const folder = join(root, `${name}-workspace`);
    await mkdir(home, { recursive: true });
    await mkdir(folder, { recursive: true });
    const [guiPort, listenPort] = [await freePort(), await freePort()];
    const inst = new SyncthingInstance(name, home, folder, guiPort, listenPort, randomBytes(16).toString('hex'));
    const gen = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8', timeout: 30_000, env: inst.env() });
    const id = /Device ID:\s*([A-Z0-9-]{63})/.exec(`${gen.stdout}\n${gen.stderr}`)?.[1];
    if (gen.status !== 0 || !id) throw new Error(`syncthing generate failed: ${gen.stderr || gen.stdout}`);
    inst.deviceId = id;
    const cfg = join(home, 'config.xml');
    await writeFile(cfg, loopbackConfig(await readFile(cfg, 'utf8'), { guiPort, listenPort, apiKey: inst.apiKey }));
    return inst;
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, STNOUPGRADE: '1', STHASHING: 'minio', STNODEFAULTFOLDER: '1', HOME: this.home };
  }

  /** Starts the instance and waits until its REST API answers with its device id. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.proc) throw new Error(`${this.name} is running`);
    const proc = spawn('syncthing', ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--logfile=${this.logFile}`], { env: this.env(), stdio: 'ignore', detached: true });
    this.proc = proc;
    if (proc.pid) track(proc.pid);
    proc.on('exit', () => {
      if (proc.pid) started.delete(proc.pid);
      if (this.proc === proc) this.proc = null;
    });
    const id = await pollUntil(`${this.name} to answer`, async () => {
      if (this.proc !== proc) throw new Error(`${this.name} exited while starting (log: ${this.logFile})`);
      return await this.client.myId();
    }, timeoutMs);
    if (id !== this.deviceId) throw new Error(`${this.name} reports device ${id}, generated ${this.deviceId}`);
  }

  /** SIGTERM, then SIGKILL of the group after `graceMs`; resolves when it has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.pid && killGroup(proc.pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // the monitor's child, should it linger
    if (proc.pid) killGroup(proc.pid, 'SIGKILL');
  }

  /** SIGKILL of the whole group at once (a crash, or a machine switched off mid-sync). */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc?.pid) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    killGroup(proc.pid, 'SIGKILL');
    await exited;
  }
}

export interface SyncthingPair {
  a: SyncthingInstance;
  b: SyncthingInstance;
  folderId: string;
  /** ms: generate both, start both, connect and share */
  timings: { generateMs: number; startMs: number; connectMs: number };
  stop(): Promise<void>;
}

/**
 * Two instances sharing one folder (`<root>/a-workspace` ↔ `<root>/b-workspace`), connected.
 * Call `stop()` in afterAll.
 */
export async function startSyncthingPair(root: string, folderId = 'report-annotator-test'): Promise<SyncthingPair> {
  const t0 = Date.now();
  const a = await SyncthingInstance.create('a', root);
  const b = await SyncthingInstance.create('b', root);
  const t1 = Date.now();
  const stop = async () => {
    await Promise.all([a.stop(), b.stop()]);
  };
  try {
    await Promise.all([a.start(), b.start()]);
    const t2 = Date.now();
    for (const [me, peer] of [[a, b], [b, a]] as const) {
      await writeStignore(me.folderPath);
      await me.client.addDevice(peer.deviceId, peer.name, [`tcp://127.0.0.1:${peer.listenPort}`]);
      await me.client.shareFolder({ id: folderId, label: 'workspace', path: me.folderPath, devices: [peer.deviceId], fsWatcherDelayS: 1 });
    }
    await pollUntil('the two instances to connect', async () => ((await a.client.connected(b.deviceId)) && (await b.client.connected(a.deviceId)) ? true : undefined), 30_000);
    await pollUntil('the folder to be idle on both', async () => {
      const [sa, sb] = [await a.client.folderStatus(folderId), await b.client.folderStatus(folderId)];
      return sa.state === 'idle' && sb.state === 'idle' ? true : undefined;
    }, 30_000);
    return { a, b, folderId, timings: { generateMs: t1 - t0, startMs: t2 - t1, connectMs: Date.now() - t2 }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
