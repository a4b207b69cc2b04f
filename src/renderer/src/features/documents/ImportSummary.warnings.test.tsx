// @vitest-environment jsdom
/** [figures-import-warnings] The import summary words each importer warning (code + params) in the analyst's language. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { ImportSummary } from './ImportSummary';
import { workspaceStore } from './store';

afterEach(() => {
  cleanup();
  workspaceStore.patch({ importResult: null });
});

function show(): void {
  workspaceStore.patch({
    importResult: {
      kind: 'files', dir: null, imported: [{ id: 'd1', name: '香港施政報告.pdf' }], failed: [], cancelled: false,
      warnings: [{ path: '/reports/香港施政報告.pdf', warning: { code: 'pdf-layout-spaces', params: { total: 7, letterSpacing: 5, cjkDigit: 2, punctuation: 0 } } }],
    },
  });
}

describe('import summary warnings', () => {
  it('lists the layout spaces the PDF importer removed, in English and in Chinese', () => {
    setLang('en');
    show();
    const en = render(<ImportSummary />);
    expect(en.getByTestId('import-warnings').textContent).toBe('香港施政報告.pdf 1 note7 layout spaces removed (5 between letter-spaced Chinese characters, 2 between Chinese characters and numbers)');
    cleanup();
    setLang('zh');
    const zh = render(<ImportSummary />);
    expect(zh.getByTestId('import-warnings').textContent).toBe('香港施政報告.pdf 1 条已删除 7 个排版空格（字间距空格 5 个，汉字与数字之间 2 个）');
  });
  it('has no warnings section when the import changed nothing', () => {
    setLang('en');
    workspaceStore.patch({ importResult: { kind: 'files', dir: null, imported: [{ id: 'd1', name: 'a.txt' }], failed: [], cancelled: false } });
    expect(render(<ImportSummary />).queryByTestId('import-warnings')).toBeNull();
  });
});
