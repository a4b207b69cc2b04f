import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loopbackHttpUrl, resolveAppPaths } from './paths';

const repo = join('/', 'repo');
const mainDir = join(repo, 'out', 'main');

describe('resolveAppPaths', () => {
  it('development: out/ files, the repo resources and the dev server when set', () => {
    const p = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '/electron/resources' });
    expect(p.preload).toBe(join(repo, 'out', 'preload', 'index.cjs'));
    expect(p.renderer).toEqual({ kind: 'file', file: join(repo, 'out', 'renderer', 'index.html') });
    expect(p.samplesDir).toBe(join(repo, 'resources', 'samples'));
    expect(p.windowIcon).toBe(join(repo, 'resources', 'icons', 'icon.png'));
    const dev = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '', devServerUrl: 'http://localhost:5173' });
    expect(dev.renderer).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
  });

  it('packaged: samples from the resources folder, never a dev server', () => {
    const asarMain = join('/opt', 'ra', 'resources', 'app.asar', 'out', 'main');
    const p = resolveAppPaths({ mainDir: asarMain, isPackaged: true, resourcesPath: join('/opt', 'ra', 'resources'), devServerUrl: 'http://localhost:5173' });
    expect(p.renderer).toEqual({ kind: 'file', file: join('/opt', 'ra', 'resources', 'app.asar', 'out', 'renderer', 'index.html') });
    expect(p.preload).toBe(join('/opt', 'ra', 'resources', 'app.asar', 'out', 'preload', 'index.cjs'));
    expect(p.samplesDir).toBe(join('/opt', 'ra', 'resources', 'samples'));
    expect(p.windowIcon).toBeNull();
  });
});

describe('loopbackHttpUrl', () => {
  it('accepts http on loopback names only', () => {
    expect(loopbackHttpUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(loopbackHttpUrl('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/');
    expect(loopbackHttpUrl('http://[::1]:4000/')).toBe('http://[::1]:4000/');
    for (const bad of [undefined, '', 'nonsense', 'https://localhost:5173', 'http://evil.example', 'http://localhost.evil.example', 'file:///x', 'http://user:pw@localhost:1/']) {
      expect(loopbackHttpUrl(bad)).toBeNull();
    }
  });
});
