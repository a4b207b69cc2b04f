import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalystWork } from '../../core/document/build';
import { emptyWork } from '../../core/document/build';
import { review } from '../../core/team/testing';
import { type WorkCodec, resolveConflictCopies } from './conflict-files';

/** A stand-in for store v2's work file: the work plus fields of its own. */
interface File {
  analyst: string;
  work: AnalystWork;
}
const codec: WorkCodec<File> = {
  parse: (t) => {
    const f = JSON.parse(t) as File;
    if (!f.work) throw new Error('not a work file');
    return f;
  },
  serialize: (f) => JSON.stringify(f),
  work: (f) => f.work,
  withWork: (f, work) => ({ ...f, work }),
};

const file = (reviews: ReturnType<typeof review>[]): string => JSON.stringify({ analyst: 'ann', work: { ...emptyWork(), reviews: Object.fromEntries(reviews.map((r) => [r.findingId, r])) } });

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('resolveConflictCopies', () => {
  it('merges every copy into the original, deletes merged copies, keeps unreadable ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'conflicts-'));
    const t = (s: number) => `2026-01-01T10:00:0${s}.000Z`;
    await writeFile(join(dir, 'doc1.json'), file([review('f1', 'accepted', {}, t(5)), review('f2', 'accepted', {}, t(1))]));
    await writeFile(join(dir, 'doc1.sync-conflict-20260101-100006-ABCDEFG.json'), file([review('f1', 'rejected', {}, t(3)), review('f3', 'accepted', {}, t(2))]));
    await writeFile(join(dir, 'doc1.sync-conflict-20260101-100007-BBBBBBB.json'), '{"broken');
    await writeFile(join(dir, 'doc2.json'), file([]));
    const res = await resolveConflictCopies(dir, codec);
    expect(res).toHaveLength(1);
    expect(res[0]!.merged).toEqual(['doc1.sync-conflict-20260101-100006-ABCDEFG.json']);
    expect(res[0]!.unreadable).toEqual(['doc1.sync-conflict-20260101-100007-BBBBBBB.json']);
    expect(res[0]!.superseded).toBe(1);
    const merged = codec.parse(await readFile(join(dir, 'doc1.json'), 'utf8'));
    expect(merged.analyst).toBe('ann');
    expect(Object.keys(merged.work.reviews).sort()).toEqual(['f1', 'f2', 'f3']);
    expect(merged.work.reviews.f1!.status).toBe('accepted');
    expect((await readdir(dir)).sort()).toEqual(['doc1.json', 'doc1.sync-conflict-20260101-100007-BBBBBBB.json', 'doc2.json']);
  });

  it('a copy without its original becomes the original', async () => {
    dir = await mkdtemp(join(tmpdir(), 'conflicts-'));
    await writeFile(join(dir, 'd.sync-conflict-20260101-100006-ABCDEFG.json'), file([review('f1', 'accepted')]));
    await resolveConflictCopies(dir, codec);
    expect(await readdir(dir)).toEqual(['d.json']);
  });
});

describe('resolveConflictCopies with a damaged original', () => {
  it('touches nothing until the store has recovered the original', async () => {
    dir = await mkdtemp(join(tmpdir(), 'conflicts-'));
    await writeFile(join(dir, 'd.json'), '{"half');
    await writeFile(join(dir, 'd.sync-conflict-20260101-100006-ABCDEFG.json'), file([review('f1', 'accepted')]));
    const res = await resolveConflictCopies(dir, codec);
    expect(res[0]!.unreadable).toEqual(['d.json']);
    expect(await readFile(join(dir, 'd.json'), 'utf8')).toBe('{"half');
    expect((await readdir(dir)).length).toBe(2);
  });
});
