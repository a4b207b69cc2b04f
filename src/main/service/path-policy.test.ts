import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathPolicy } from './path-policy';

function tree() {
  const base = mkdtempSync(join(tmpdir(), 'ra-policy-'));
  const ws = join(base, 'workspace');
  const outside = join(base, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  writeFileSync(join(ws, 'report.txt'), '报告');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(outside, 'secret.txt'), join(ws, 'link-to-secret.txt'));
  symlinkSync(outside, join(ws, 'link-to-outside'));
  return { base, ws, outside };
}

describe('file access policy (desktop: strict)', () => {
  it('allows files inside a granted folder and refuses everything else', async () => {
    const { ws, outside } = tree();
    const p = new PathPolicy('strict');
    await p.grant(ws);
    expect(await p.allows(join(ws, 'report.txt'))).toBe(true);
    expect(await p.allows(ws)).toBe(true);
    expect(await p.allows(join(outside, 'secret.txt'))).toBe(false);
    expect(await p.allows('/etc/passwd')).toBe(false);
  });

  it('refuses .. traversal out of a granted folder', async () => {
    const { ws } = tree();
    const p = new PathPolicy('strict');
    await p.grant(ws);
    expect(await p.allows(join(ws, '..', 'outside', 'secret.txt'))).toBe(false);
    expect(await p.allows(`${ws}/../outside/secret.txt`)).toBe(false);
  });

  it('refuses symlinks that point out of a granted folder', async () => {
    const { ws } = tree();
    const p = new PathPolicy('strict');
    await p.grant(ws);
    expect(await p.allows(join(ws, 'link-to-secret.txt'))).toBe(false);
    expect(await p.allows(join(ws, 'link-to-outside', 'secret.txt'))).toBe(false);
  });

  it('refuses relative paths and a sibling folder sharing a name prefix', async () => {
    const { base, ws } = tree();
    mkdirSync(join(base, 'workspace-evil'));
    writeFileSync(join(base, 'workspace-evil', 'x.txt'), 'x');
    const p = new PathPolicy('strict');
    await p.grant(ws);
    expect(await p.allows('workspace/report.txt')).toBe(false);
    expect(await p.allows(join(base, 'workspace-evil', 'x.txt'))).toBe(false);
  });

  it('a single granted file does not grant its folder', async () => {
    const { ws } = tree();
    const p = new PathPolicy('strict');
    await p.grant(join(ws, 'report.txt'));
    expect(await p.allows(join(ws, 'report.txt'))).toBe(true);
    expect(await p.allows(join(ws, 'link-to-secret.txt'))).toBe(false);
  });

  it('browser mode is open: the token holder types paths', async () => {
    expect(await new PathPolicy('open').allows('/etc/hostname')).toBe(true);
  });
});
