import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idForIndexedPath } from './document-ids';
import { migrate, migrations, TARGET_VERSION, type MigrationTable } from './migrations';
import { WorkspaceStore } from './workspace-store';
import { review, sampleDoc, sampleMeta, tempWorkspace, removeTempWorkspaces } from './test-support';

afterAll(removeTempWorkspaces);

describe('migrations', () => {
  it('has a step for every version below the current one', () => {
    for (const kind of ['workspace', 'document'] as const) {
      for (let v = 0; v < TARGET_VERSION[kind]; v++) expect(migrations[kind][v], `${kind} v${v}`).toBeTypeOf('function');
    }
  });

  it('chains steps and checks each one bumps the version', () => {
    const table: MigrationTable = {
      workspace: { 0: (d) => ({ ...d, a: 1, schemaVersion: 1 }), 1: (d) => ({ ...d, b: 2, schemaVersion: 2 }) },
      document: { 0: (d) => ({ ...d }) },
      cache: {},
      work: {},
    };
    expect(migrate('workspace', {}, 2, table)).toEqual({ a: 1, b: 2, schemaVersion: 2 });
    expect(() => migrate('document', {}, 1, table)).toThrow(/did not produce schemaVersion 1/);
    expect(() => migrate('document', { schemaVersion: 1 }, 2, table)).toThrow(/no migration/);
  });

  it('v0 → v2 on open: workspace `tags` become `taxonomy`, document reviews array becomes a record, then the v2 layout', async () => {
    const dir = tempWorkspace();
    const root = join(dir, '.report-annotator');
    mkdirSync(join(root, 'docs'), { recursive: true });
    const tags = [{ id: 't', name: '经济', color: '#123456', hotkey: '1' }];
    const v0ws = { documents: [sampleMeta('d')], tags, settings: {} };
    const { schemaVersion: _v, ...doc } = sampleDoc('d');
    const v0doc = { ...doc, reviews: [review('f1', '旧格式')] };
    writeFileSync(join(root, 'workspace.json'), JSON.stringify(v0ws));
    writeFileSync(join(root, 'docs/d.json'), JSON.stringify(v0doc));

    const s = await WorkspaceStore.open(dir, { app: 'cli' });
    const id = idForIndexedPath('d.txt'); // ids hash the path relative to the workspace since v2
    expect(s.workspace().taxonomy).toEqual(tags);
    expect(s.workspace().schemaVersion).toBe(2);
    expect(s.workspace().documents.map((d) => d.id)).toEqual([id]);
    expect((await s.readDocument(id)).reviews.f1.note).toBe('旧格式');
    expect(s.notices.map((n) => [n.code, n.file])).toEqual([
      ['migrated', '.report-annotator/workspace.json'],
      ['migrated', '.report-annotator/docs/d.json'],
      ['migrated', '.report-annotator/docs'],
    ]);
    await s.close();

    // written back in the new format; the originals kept
    expect(JSON.parse(readFileSync(join(root, 'workspace.json'), 'utf8'))).toMatchObject({ schemaVersion: 2, taxonomy: tags });
    expect(JSON.parse(readFileSync(join(root, `work/local/${id}.json`), 'utf8')).reviews.f1.note).toBe('旧格式');
    expect(existsSync(join(root, 'docs'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, 'backups/v1/docs/d.json'), 'utf8')).reviews.f1.note).toBe('旧格式');
    expect(JSON.parse(readFileSync(join(root, 'backups/workspace.json/v0-original.json'), 'utf8'))).toEqual(v0ws);
    expect(existsSync(join(root, 'backups/v1/docs-backups/d.json/v0-original.json'))).toBe(true);

    const again = await WorkspaceStore.open(dir, { app: 'cli' });
    expect(again.notices).toEqual([]);
    await again.close();
  });
});
