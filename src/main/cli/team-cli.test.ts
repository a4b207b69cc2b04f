import { describe, expect, it } from 'vitest';
import { eff, figureFinding } from '../../core/team/testing';
import { freePort } from '../team/harness';
import { SyncthingClient } from '../team/syncthing';
import { type TeamLayersSource, runAgreement } from './agreement';
import { runCli } from './index';
import { defaultFolderId, runTeam } from './team';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe('agreement command', () => {
  const f = figureFinding(0, 5, 'count', 9, '次');
  const g = figureFinding(10, 15, 'money', 100, '元');
  const source: TeamLayersSource = {
    analysts: async () => [{ id: 'u1', name: '张三' }, { id: 'u2', name: 'Bob' }],
    documents: () => [
      { docId: 'd1', layers: [{ analyst: 'u1', findings: [eff(f, 'accepted'), eff(g, 'accepted')] }, { analyst: 'u2', findings: [eff(f, 'accepted'), eff(g, 'rejected')] }] },
    ],
  };

  it('prints the analyst × analyst matrices and the per-kind pairs', async () => {
    const c = capture();
    expect(await runAgreement({ workspace: 'ws' }, c.io, async () => source)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('2 analysts, 1 reports');
    // F1: A 2, B 1, matched 1 → 0.667
    expect(text).toMatch(/张三\s+1\.000\s+0\.667/);
    expect(text).toMatch(/count\s+张三–Bob\s+1\s+1\s+1\s+1\s+1\.000/);
  });

  it('json carries the whole report; a kind nobody used is an error', async () => {
    const c = capture();
    expect(await runAgreement({ workspace: 'ws', format: 'json' }, c.io, async () => source)).toBe(0);
    const r = JSON.parse(c.out.join(''));
    expect(r.pairs[0].byKind.all.f1).toBeCloseTo(2 / 3);
    expect(r.analysts).toEqual(['u1', 'u2']);
    expect(r.names[0].name).toBe('张三');
    const e = capture();
    expect(await runAgreement({ workspace: 'ws', kind: 'date' }, e.io, async () => source)).toBe(2);
  });
});

describe('team command', () => {
  it('says Syncthing is not running instead of hanging', async () => {
    const port = await freePort();
    const c = capture();
    expect(await runTeam({ sub: 'id', positionals: [] }, c.io, async () => new SyncthingClient({ url: `http://127.0.0.1:${port}`, apiKey: 'k' }))).toBe(1);
    expect(c.err.join('')).toContain('[syncthing-not-running]');
  });

  it('checks a pasted device id before calling Syncthing', async () => {
    const c = capture();
    let called = false;
    const code = await runTeam({ sub: 'add-device', positionals: ['ABC-DEF'] }, c.io, async () => {
      called = true;
      return new SyncthingClient({ url: 'http://127.0.0.1:1', apiKey: 'k' });
    });
    expect(code).toBe(1);
    expect(called).toBe(true);
    expect(c.err.join('')).toContain('[syncthing-bad-device-id]');
  });

  it('is registered in the CLI; folder ids come from the folder name', async () => {
    const c = capture();
    expect(await runCli(['team', 'frobnicate'], c.io)).toBe(2);
    expect(c.err.join('')).toContain("unknown team subcommand 'frobnicate'");
    expect(defaultFolderId('/data/Reports 2024/')).toBe('report-annotator-reports-2024');
  });
});
