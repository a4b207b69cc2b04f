import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { tempWorkspace, removeTempWorkspaces } from './test-support';

afterAll(removeTempWorkspaces);

const lockPath = (dir: string) => join(dir, '.report-annotator/lock');

function writeLock(dir: string, info: Record<string, unknown>): void {
  mkdirSync(join(dir, '.report-annotator'), { recursive: true });
  writeFileSync(lockPath(dir), JSON.stringify(info));
}

/** pid of a process that has exited */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('workspace lock', () => {
  it('holds pid, hostname, app and start time while open; released on close', async () => {
    const dir = tempWorkspace();
    const s = await WorkspaceStore.open(dir, { app: 'desktop' });
    const info = JSON.parse(readFileSync(lockPath(dir), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname(), app: 'desktop' });
    expect(Date.parse(info.startedAt)).not.toBeNaN();
    await s.close();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('a second open fails with store-locked naming the holder', async () => {
    const dir = tempWorkspace();
    const s = await WorkspaceStore.open(dir, { app: 'desktop' });
    const err = await WorkspaceStore.open(dir, { app: 'cli' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store-locked' });
    expect((err as Error).message).toContain('desktop app');
    expect((err as Error).message).toContain(`pid ${process.pid}`);
    expect((err as Error).message).toMatch(/since \d{4}-/);
    await s.close();
    const again = await WorkspaceStore.open(dir, { app: 'cli' });
    await again.close();
  });

  it('a lock held by another live process on this host is respected', async () => {
    const dir = tempWorkspace();
    writeLock(dir, { pid: process.ppid, hostname: hostname(), app: 'serve', startedAt: '2025-03-01T08:00:00.000Z' });
    const err = await WorkspaceStore.open(dir, { app: 'desktop' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store-locked' });
    expect((err as Error).message).toContain(`browser-mode server (pid ${process.ppid}, since 2025-03-01T08:00:00.000Z)`);
  });

  it('a lock from another host is respected (it cannot be checked)', async () => {
    const dir = tempWorkspace();
    writeLock(dir, { pid: 1, hostname: 'other-machine', app: 'cli', startedAt: '2025-03-01T08:00:00.000Z' });
    await expect(WorkspaceStore.open(dir, { app: 'desktop' })).rejects.toMatchObject({ code: 'store-locked', message: expect.stringContaining('on other-machine') });
  });

  it('a stale lock (dead pid on this host) is taken over, with a notice', async () => {
    const dir = tempWorkspace();
    const pid = deadPid();
    writeLock(dir, { pid, hostname: hostname(), app: 'cli', startedAt: '2025-03-01T08:00:00.000Z' });
    const s = await WorkspaceStore.open(dir, { app: 'desktop' });
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    expect(s.notices).toEqual([expect.objectContaining({ code: 'stale-lock-taken-over' })]);
    await s.close();
  });

  it('a lock from before a reboot is stale even if its pid is alive now', async () => {
    const dir = tempWorkspace();
    writeLock(dir, { pid: process.ppid, hostname: hostname(), app: 'cli', startedAt: '2025-03-01T08:00:00.000Z', bootId: 'another-boot' });
    const ownBoot = existsSync('/proc/sys/kernel/random/boot_id');
    if (!ownBoot) return; // only Linux exposes a boot id
    const s = await WorkspaceStore.open(dir, { app: 'desktop' });
    await s.close();
  });

  it('an unreadable old lock is broken; read-only opens need no lock', async () => {
    const dir = tempWorkspace();
    writeLock(dir, {});
    writeFileSync(lockPath(dir), '');
    const { utimesSync } = await import('node:fs');
    utimesSync(lockPath(dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const s = await WorkspaceStore.open(dir, { app: 'desktop' });
    const r = await WorkspaceStore.open(dir, { app: 'cli', readOnly: true });
    expect(r.workspace().schemaVersion).toBe(2);
    await r.close();
    await s.close();
  });
});
