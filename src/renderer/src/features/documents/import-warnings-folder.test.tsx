// @vitest-environment jsdom
/**
 * [import-s6] The importers' warnings of reports that come in through Open folder (the backend
 * imports the folder's files itself and keeps their warnings as `import-warning` notices) are in
 * the Open folder summary, worded from code + params in the analyst's language; a background
 * import (reopening a workspace whose folder has new reports) shows them once as notices.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, WorkspaceView } from '../../../../core/api';
import { setClientForTests } from '../../api/client';
import { errorStore } from '../errors/store';
import { setLang } from '../i18n/i18n';
import { ImportSummary } from './ImportSummary';
import { importWarningsOf, openFolderPath, setWorkspace, warningOfNotice, workspaceStore } from './store';

const layout = (path: string): WorkspaceView['notices'][number] => ({
  code: 'import-warning',
  message: `${path}: 7 layout spaces removed`,
  params: { total: 7, letterSpacing: 5, cjkDigit: 2, punctuation: 0, path, importWarning: 'pdf-layout-spaces' },
});
const lineEnds = (path: string): WorkspaceView['notices'][number] => ({
  code: 'import-warning',
  message: `${path}: line ends read as LF`,
  params: { crlf: 120, cr: 0, separators: 0, path, importWarning: 'line-ends-normalised' },
});
const view = (dir: string, notices: WorkspaceView['notices']): WorkspaceView => ({ dir, name: 'reports', isSample: false, documents: [], taxonomy: [], notices });

beforeEach(() => {
  localStorage.clear();
  errorStore.set(() => ({ errors: [], notices: [] }));
});
afterEach(() => {
  cleanup();
  workspaceStore.patch({ importResult: null });
  setLang('en');
});

describe('import warnings of Open folder and background imports', () => {
  it('a notice of an import warning is read back as the warning (code + params); other notices are not', () => {
    expect(warningOfNotice(layout('/r/a.pdf'))).toEqual({ path: '/r/a.pdf', warning: { code: 'pdf-layout-spaces', params: { total: 7, letterSpacing: 5, cjkDigit: 2, punctuation: 0 } } });
    expect(warningOfNotice({ code: 'sources-changed', message: 'x', params: { count: 2 } })).toBeNull();
    // an unknown warning code (a newer backend) is not worded with a missing key
    expect(warningOfNotice({ code: 'import-warning', message: 'x', params: { path: '/r/a', importWarning: 'from-the-future' } })).toBeNull();
  });

  it('Open folder: the summary lists each file’s warning in Chinese and in English, and no notice pops up for them', async () => {
    const dir = '/r/folder-' + Math.random();
    const ws = { ...view(dir, [layout(`${dir}/香港施政報告.pdf`), lineEnds(`${dir}/海拉尔区2012.txt`)]), documents: [{ id: 'd1', name: '香港施政報告.pdf' }, { id: 'd2', name: '海拉尔区2012.txt' }] as unknown as WorkspaceView['documents'] };
    const invoke = vi.fn(async (method: string) => (method === 'workspaceOpen' ? { ok: true, value: ws } : { ok: false, error: { code: 'internal', message: method } }));
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    await openFolderPath(dir);
    expect(workspaceStore.get().importResult?.warnings).toEqual(importWarningsOf(ws));
    expect(errorStore.get().notices).toEqual([]);
    setLang('zh');
    const zh = render(<ImportSummary />);
    // warn-s7: one section for the import, grouped by file; counts of nothing left out
    expect(zh.getByTestId('import-warnings-head').textContent).toBe('导入的 2 个文件中有 2 个有导入提示（共 2 条）');
    expect(zh.getAllByTestId('import-warning-text').map((e) => e.textContent)).toEqual([
      '已删除 7 个排版空格（字间距空格 5 个，汉字与数字之间 2 个）',
      '换行符已统一为 LF（CRLF 120 个）；位置偏移中每个换行符计为一个字符',
    ]);
    expect(zh.getAllByTestId('import-warning-file').map((e) => e.querySelector('.path')?.textContent)).toEqual(['香港施政報告.pdf', '海拉尔区2012.txt']);
    cleanup();
    setLang('en');
    const en = render(<ImportSummary />);
    expect(en.getByTestId('import-warnings-head').textContent).toBe('2 of 2 imported files have import notes (2)');
    expect(en.getAllByTestId('import-warning-text').map((e) => e.textContent)).toEqual([
      '7 layout spaces removed (5 between letter-spaced Chinese characters, 2 between Chinese characters and numbers)',
      'line ends read as LF (120 CRLF); in every offset a line end counts as one character',
    ]);
    // the workspaceChanged event of the same view later: nothing shown again
    setWorkspace(ws);
    expect(errorStore.get().notices).toEqual([]);
  });

  it('a background import: one notice for the whole import, the list behind an expander, shown once (warn-s7: not one notice per warning)', () => {
    setLang('en');
    const dir = '/r/bg-' + Math.random();
    setWorkspace(view(dir, [layout(`${dir}/a.pdf`), lineEnds(`${dir}/b.txt`)]));
    expect(errorStore.get().notices).toEqual([
      expect.objectContaining({
        text: '2 reports imported in the background have import notes (2).',
        details: [
          'a.pdf: 7 layout spaces removed (5 between letter-spaced Chinese characters, 2 between Chinese characters and numbers)',
          'b.txt: line ends read as LF (120 CRLF); in every offset a line end counts as one character',
        ],
      }),
    ]);
    setWorkspace(view(dir, [layout(`${dir}/a.pdf`), lineEnds(`${dir}/b.txt`)]));
    expect(errorStore.get().notices).toHaveLength(1);
    errorStore.set(() => ({ errors: [], notices: [] }));
    setLang('zh');
    // a folder of many reports: still one notice, its list capped with a line that says where to see all
    const many = Array.from({ length: 80 }, (_, i) => lineEnds(`${dir}/r${i}.txt`));
    setWorkspace(view(dir, [layout(`${dir}/a.pdf`), lineEnds(`${dir}/b.txt`), ...many, layout(`${dir}/f.txt`)]));
    const notices = errorStore.get().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toBe('后台导入的报告中有 81 份有导入提示（共 81 条）。');
    expect(notices[0].details).toHaveLength(51);
    expect(notices[0].details?.[0]).toBe('r0.txt: 换行符已统一为 LF（CRLF 120 个）；位置偏移中每个换行符计为一个字符');
    expect(notices[0].details?.[50]).toBe('……另有 31 条。对此文件夹再次使用“打开文件夹…”可查看全部。');
    expect(errorStore.get().errors).toEqual([]);
  });
});
