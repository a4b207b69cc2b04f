import { describe, expect, it, vi } from 'vitest';
import { labelsFor } from './labels';

const showOpenDialog = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));
const { nativeDialogs } = await import('./dialogs');

describe('nativeDialogs', () => {
  it('chooseFolder answers the folder, or null when cancelled', async () => {
    const dialogs = nativeDialogs(() => null, labelsFor('en'));
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/w'] });
    await expect(dialogs.chooseFolder()).resolves.toBe('/w');
    expect(showOpenDialog.mock.calls[0][0].properties).toContain('openDirectory');
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(dialogs.chooseFolder()).resolves.toBeNull();
  });

  it('chooseFiles answers the files, [] when cancelled, modal to the window when there is one', async () => {
    const win = { id: 1 };
    const dialogs = nativeDialogs(() => win as never, labelsFor('zh-CN'));
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a.txt', '/b.pdf'] });
    await expect(dialogs.chooseFiles()).resolves.toEqual(['/a.txt', '/b.pdf']);
    const [parent, options] = showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(win);
    expect(options.title).toBe('导入报告');
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters[0].extensions).toEqual(expect.arrayContaining(['txt', 'docx', 'html', 'pdf']));
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(dialogs.chooseFiles()).resolves.toEqual([]);
  });

  it('warn-s7: titles follow the analyst’s language at the moment the dialog opens', async () => {
    let labels = labelsFor('en');
    const dialogs = nativeDialogs(() => null, () => labels);
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await dialogs.chooseFiles();
    expect(showOpenDialog.mock.calls.at(-1)![0]).toMatchObject({ title: 'Import reports', filters: [{ name: 'Reports' }, { name: 'All files' }] });
    labels = labelsFor('zh');
    await dialogs.chooseFiles();
    expect(showOpenDialog.mock.calls.at(-1)![0]).toMatchObject({ title: '导入报告', filters: [{ name: '报告' }, { name: '所有文件' }] });
    await dialogs.chooseFolder();
    expect(showOpenDialog.mock.calls.at(-1)![0].title).toBe('打开工作区文件夹');
    showOpenDialog.mockReset();
  });
});
