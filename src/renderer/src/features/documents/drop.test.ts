// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../../../core/api';
import { setClientForTests } from '../../api/client';
import { errorStore } from '../errors/store';
import { setLang } from '../i18n/i18n';
import { importDroppedFiles } from './drop';
import { workspaceStore } from './store';

describe('dropped items that are not reports get an answer (issue 15 #5)', () => {
  it('an empty file with no extension is a failure of the summary; a folder gets a notice; neither is sent', async () => {
    setLang('zh');
    const invoke = vi.fn(async (method: string) => (method === 'workspaceGet' ? { ok: true, value: null } : { ok: false, error: { code: 'internal', message: method } }));
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    const empty = new File([], 'notes');
    const folder = new File([], 'reports');
    await importDroppedFiles([empty, folder], new Set([folder]));
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('importDropped');
    expect(workspaceStore.get().importResult?.failed).toEqual([{ path: 'notes', error: { code: 'file-empty', message: 'notes: 0 bytes' } }]);
    expect(errorStore.get().notices.map((n) => n.text)).toEqual(['不能拖入文件夹：请用“打开文件夹…”打开一个报告文件夹。']);
  });
});
