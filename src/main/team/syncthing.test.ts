import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, loopbackConfig } from './harness';
import { SyncthingClient, endpointFromConfigXml, findLocalEndpoint, isDeviceId, normalizeDeviceId, pollUntil, stignoreText, syncthingHomes, writeStignore } from './syncthing';

// made by `syncthing generate` (1.19.2)
const REAL_ID = 'D375Q3P-6XJ6Y4F-K4C7OK6-OKHGFHR-VSIFLOT-DWXTZHC-4LG62ZN-UG4C5AM';

describe('device ids', () => {
  it('accepts a real id pasted in any case, with or without dashes', () => {
    expect(normalizeDeviceId(REAL_ID.toLowerCase())).toBe(REAL_ID);
    expect(normalizeDeviceId(` ${REAL_ID.replace(/-/g, '')} `)).toBe(REAL_ID);
  });

  it('rejects a typo in any group (check characters), wrong length and non-base32', () => {
    const chars = REAL_ID.replace(/-/g, '').split('');
    for (const at of [0, 13, 20, 40, 55]) {
      const typo = [...chars];
      typo[at] = typo[at] === 'A' ? 'B' : 'A';
      expect(isDeviceId(typo.join('')), `typo at ${at}`).toBe(false);
    }
    expect(() => normalizeDeviceId(REAL_ID.slice(0, -1))).toThrow(expect.objectContaining({ code: 'syncthing-bad-device-id' }));
    expect(isDeviceId(REAL_ID.replace('D', '1'))).toBe(false);
  });
});

const CONFIG = `<configuration version="36">
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:8384</address>
        <apikey>5MQHerjZbRVikus6sNtzTY7KezQxDU5A</apikey>
    </gui>
    <options><listenAddress>default</listenAddress><globalAnnounceEnabled>true</globalAnnounceEnabled><localAnnounceEnabled>true</localAnnounceEnabled><relaysEnabled>true</relaysEnabled><startBrowser>true</startBrowser><natEnabled>true</natEnabled><urAccepted>0</urAccepted><autoUpgradeIntervalH>12</autoUpgradeIntervalH><crashReportingEnabled>true</crashReportingEnabled><announceLANAddresses>true</announceLANAddresses></options>
</configuration>`;

describe('config.xml', () => {
  it('reads the REST address and key (loopback for a GUI on every interface, https with tls)', () => {
    expect(endpointFromConfigXml(CONFIG)).toEqual({ url: 'http://127.0.0.1:8384', apiKey: '5MQHerjZbRVikus6sNtzTY7KezQxDU5A' });
    expect(endpointFromConfigXml(CONFIG.replace('127.0.0.1:8384', '0.0.0.0:9000').replace('tls="false"', 'tls="true"'))!.url).toBe('https://127.0.0.1:9000');
    expect(endpointFromConfigXml(CONFIG.replace(/<apikey>.*<\/apikey>/, ''))).toBeNull();
  });

  it('finds config.xml in the first home that has one; says so when none has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'st-cfg-'));
    try {
      await writeFile(join(dir, 'config.xml'), CONFIG);
      expect((await findLocalEndpoint([join(dir, 'missing'), dir])).configFile).toBe(join(dir, 'config.xml'));
      await expect(findLocalEndpoint([join(dir, 'missing')])).rejects.toMatchObject({ code: 'syncthing-not-configured' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('knows the default homes per platform', () => {
    expect(syncthingHomes({}, 'linux', '/home/u')).toEqual(['/home/u/.local/state/syncthing', '/home/u/.config/syncthing']);
    expect(syncthingHomes({}, 'darwin', '/Users/u')).toEqual(['/Users/u/Library/Application Support/Syncthing']);
    expect(syncthingHomes({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32', 'C:/Users/u')[0]).toMatch(/Syncthing$/);
    expect(syncthingHomes({ STHOMEDIR: '/x' }, 'linux', '/home/u')[0]).toBe('/x');
  });

  it('the harness config is loopback-only and quiet', () => {
    const x = loopbackConfig(CONFIG, { guiPort: 1, listenPort: 2, apiKey: 'k' });
    expect(x).toContain('<address>127.0.0.1:1</address>');
    expect(x).toContain('<listenAddress>tcp://127.0.0.1:2</listenAddress>');
    expect(x).toContain('<urAccepted>-1</urAccepted>');
    expect(x).not.toMatch(/>true</);
  });
});

describe('.stignore', () => {
  it('keeps the analyst’s own lines and writes the app’s block once', async () => {
    const once = stignoreText('// mine\n*.bak\n');
    expect(stignoreText(once)).toBe(once);
    expect(once).toMatch(/^\/\/ mine\n\*\.bak\n\n/);
    for (const l of ['/.report-annotator/lock', '/.report-annotator/cache', '*.tmp']) expect(once.split('\n')).toContain(l);
    const dir = await mkdtemp(join(tmpdir(), 'st-ign-'));
    try {
      const file = await writeStignore(dir);
      expect(await readFile(file, 'utf8')).toBe(stignoreText(''));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('REST client failures never hang', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it('nothing listening → syncthing-not-running', async () => {
    const port = await freePort();
    await expect(new SyncthingClient({ url: `http://127.0.0.1:${port}`, apiKey: 'k' }).myId()).rejects.toMatchObject({ code: 'syncthing-not-running' });
  });

  it('a server that never answers → syncthing-timeout within the limit', async () => {
    const srv = createServer(() => {
      /* never answers */
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const t0 = Date.now();
    await expect(new SyncthingClient({ url: `http://127.0.0.1:${port}`, apiKey: 'k' }, { timeoutMs: 300 }).myId()).rejects.toMatchObject({ code: 'syncthing-timeout' });
    expect(Date.now() - t0).toBeLessThan(5000);
    srv.closeAllConnections();
  });

  it('403 → syncthing-forbidden; a bounded wait gives up with syncthing-timeout', async () => {
    const srv = createServer((_req, res) => {
      res.statusCode = 403;
      res.end('CSRF Error');
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await expect(new SyncthingClient({ url: `http://127.0.0.1:${port}`, apiKey: 'k' }).myId()).rejects.toMatchObject({ code: 'syncthing-forbidden' });
    await expect(pollUntil('never', async () => undefined, 100, 20)).rejects.toMatchObject({ code: 'syncthing-timeout' });
  });
});

describe('error codes have messages in both languages', () => {
  it('every SyncthingErrorCode maps to an i18n key present in en and zh, with the params it needs', async () => {
    const { SYNCTHING_ERROR_KEYS } = await import('../../core/team/messages');
    const { en, zh } = await import('../../renderer/src/features/i18n/messages');
    const codes: import('./syncthing').SyncthingErrorCode[] = ['syncthing-not-configured', 'syncthing-not-running', 'syncthing-forbidden', 'syncthing-bad-device-id', 'syncthing-folder-shared-elsewhere', 'syncthing-timeout', 'syncthing-error'];
    for (const c of codes) {
      const key = SYNCTHING_ERROR_KEYS[c];
      expect(en[key], c).toBeTruthy();
      expect(zh[key], c).toBeTruthy();
    }
    expect(en['team.syncthing.notRunning']).toContain('{url}');
    expect(zh['team.syncthing.badDeviceId']).toContain('{id}');
  });
});
