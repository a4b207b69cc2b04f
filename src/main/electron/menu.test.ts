import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Handlers } from '../service/dispatch';
import { errorWords, failureLine, labelsFor } from './labels';

const electron = vi.hoisted(() => ({
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => ({ template: t })) },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
}));
vi.mock('electron', () => electron);

const { installMenu, menuTemplate } = await import('./menu');
const { menuActions } = await import('./menu-actions');

const noActions = { openFolder: vi.fn(async () => undefined), openFiles: vi.fn(async () => undefined), exportDataset: vi.fn(() => undefined), about: vi.fn(async () => undefined) };
const en = labelsFor('en-US');

function sub(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return item.submenu as MenuItemConstructorOptions[];
}
function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = template.flatMap((m) => (Array.isArray(m.submenu) ? (m.submenu as MenuItemConstructorOptions[]) : [])).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

describe('labels', () => {
  it('Simplified Chinese for zh locales, English otherwise', () => {
    expect(labelsFor('zh-CN').file).toBe('文件');
    expect(labelsFor('zh').openFolder).toBe('打开文件夹…');
    expect(labelsFor('en-GB').file).toBe('File');
    expect(labelsFor('de').file).toBe('File');
  });
});

describe('menuTemplate', () => {
  it('File has Open Folder (Ctrl+O), Open Files (Ctrl+Shift+O) and Quit', () => {
    const t = menuTemplate({ labels: en, actions: noActions, isDev: false, platform: 'linux' });
    expect(t.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(find(t, 'open-folder')).toMatchObject({ label: 'Open Folder…', accelerator: 'CmdOrCtrl+O' });
    expect(find(t, 'open-files')).toMatchObject({ label: 'Open Files…', accelerator: 'CmdOrCtrl+Shift+O' });
    expect(find(t, 'export')).toMatchObject({ label: 'Export Dataset…', accelerator: 'CmdOrCtrl+E' });
    expect(find(t, 'quit')).toMatchObject({ role: 'quit', label: 'Quit' });
    expect(sub(t[1]).map((i) => i.role ?? i.type)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('reload and devtools only in development', () => {
    const roles = (isDev: boolean) => sub(menuTemplate({ labels: en, actions: noActions, isDev, platform: 'win32' })[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('in Chinese, and with the macOS app menu on macOS', () => {
    const t = menuTemplate({ labels: labelsFor('zh-CN'), actions: noActions, isDev: false, platform: 'darwin' });
    expect(t[0]).toEqual({ role: 'appMenu' });
    expect(t.slice(1).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(() => find(t, 'quit')).toThrow(); // Quit lives in the app menu on macOS
    expect(find(t, 'about').label).toBe('关于 Report Annotator');
  });

  it('clicks call the actions', () => {
    const t = menuTemplate({ labels: en, actions: noActions, isDev: false, platform: 'linux' });
    for (const id of ['open-folder', 'open-files', 'export', 'about']) (find(t, id).click as () => void)();
    expect(noActions.exportDataset).toHaveBeenCalledOnce();
    expect(noActions.openFolder).toHaveBeenCalledOnce();
    expect(noActions.openFiles).toHaveBeenCalledOnce();
    expect(noActions.about).toHaveBeenCalledOnce();
  });

  it('installMenu sets the application menu', () => {
    installMenu({ labels: en, actions: noActions, isDev: false, platform: 'linux' });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});

describe('menu actions', () => {
  const log = { error: vi.fn() };
  const importSummary = { imported: [], failed: [], cancelled: false };
  let backend: { handlers: Handlers; openWorkspace: Mock<(dir: string) => Promise<void>>; announce: Mock<() => void> };
  let dialogs: { chooseFolder: Mock<() => Promise<string | null>>; chooseFiles: Mock<() => Promise<string[]>> };

  beforeEach(() => {
    vi.clearAllMocks();
    backend = { handlers: { importFiles: vi.fn(async () => importSummary) } as unknown as Handlers, openWorkspace: vi.fn(async (_dir: string) => undefined), announce: vi.fn() };
    dialogs = { chooseFolder: vi.fn(async (): Promise<string | null> => '/reports'), chooseFiles: vi.fn(async () => ['/a.txt', '/b.docx']) };
  });
  const actions = () => menuActions({ backend, dialogs, labels: () => en, productName: 'Report Annotator', version: '1.2.3', parent: () => null, log });

  it('Open Folder asks for a folder and opens it as the workspace', async () => {
    await actions().openFolder();
    expect(backend.openWorkspace).toHaveBeenCalledWith('/reports');
    dialogs.chooseFolder.mockResolvedValueOnce(null);
    await actions().openFolder();
    expect(backend.openWorkspace).toHaveBeenCalledOnce();
  });

  it('Open Folder shows an error box when the folder cannot be opened', async () => {
    backend.openWorkspace.mockRejectedValueOnce(new Error('store-locked'));
    await actions().openFolder();
    // warn-s7: an error without a code is worded as internal (its English text goes to the log only)
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: en.openFailed, detail: '/reports\nAn unexpected error happened in the app. Try again; if it repeats, restart the app and report it.' }));
    expect(log.error).toHaveBeenCalled();
  });

  it('Open Files imports the chosen files through the validated handler', async () => {
    await actions().openFiles();
    expect(backend.handlers.importFiles).toHaveBeenCalledWith({ paths: ['/a.txt', '/b.docx'] });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    dialogs.chooseFiles.mockResolvedValueOnce([]);
    await actions().openFiles();
    expect(backend.handlers.importFiles).toHaveBeenCalledOnce();
  });

  it('Open Files lists the files that failed', async () => {
    (backend.handlers.importFiles as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ ...importSummary, failed: [{ path: '/b.docx', error: { code: 'corrupt-docx', message: 'not a docx' } }] });
    await actions().openFiles();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning', detail: '/b.docx: The Word file is damaged and could not be opened.' }));
  });

  it('About shows the name and version', async () => {
    await actions().about();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'info', message: 'Report Annotator 1.2.3' }));
  });
});

// ── warn-s7: the native boxes of Add files… / Open Folder… in the analyst's language ──
describe('menu actions in the analyst’s language', () => {
  const log = { error: vi.fn() };
  const zh = labelsFor('zh');
  const failed = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/r/${i}.pdf`, error: { code: i % 2 ? 'pdf-encrypted' : 'corrupt-pdf', message: 'The PDF is damaged or incomplete (English from the backend)' } }));
  const make = (labels: () => ReturnType<typeof labelsFor> | Promise<ReturnType<typeof labelsFor>>, summary: unknown, openWorkspace = vi.fn(async (_dir: string) => undefined)) =>
    menuActions({
      backend: { handlers: { importFiles: vi.fn(async () => summary) } as unknown as Handlers, openWorkspace, announce: vi.fn() },
      dialogs: { chooseFolder: vi.fn(async () => '/r'), chooseFiles: vi.fn(async () => ['/r/0.pdf']), chooseExportTarget: vi.fn(async () => null) },
      labels,
      productName: 'Report Annotator',
      version: '1.2.3',
      parent: () => null,
      log,
    });
  const lastBox = (): { message: string; detail: string; buttons: string[] } => (electron.dialog.showMessageBox as Mock).mock.calls.at(-1)?.[0];
  beforeEach(() => vi.clearAllMocks());

  it('Add files… failures in Chinese, from the codes (no English from the backend), capped with “另有 N 个”', async () => {
    await make(async () => zh, { imported: [], failed: failed(12), cancelled: false }).openFiles();
    const b = lastBox();
    expect(b.message).toBe('部分文件未能导入。');
    expect(b.buttons).toEqual(['确定']);
    const lines = b.detail.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('/r/0.pdf: PDF 文件已损坏，无法打开。');
    expect(lines[1]).toBe('/r/1.pdf: 该 PDF 设有密码保护。');
    expect(lines[10]).toBe('……另有 2 个');
    expect(b.detail).not.toMatch(/damaged|English|incomplete/);
  });

  it('the same failures in English when the analyst works in English', async () => {
    await make(() => en, { imported: [], failed: failed(2), cancelled: false }).openFiles();
    expect(lastBox().detail).toBe('/r/0.pdf: The PDF file is damaged and could not be opened.\n/r/1.pdf: The PDF is password-protected.');
  });

  it('an error code the table does not know is “unexpected”, never the backend’s English', () => {
    expect(errorWords({ code: 'from-the-future' }, 'zh')).toBe('发生了意外错误，详情已写入日志。');
    expect(failureLine({ path: '/a.txt', error: { code: 'from-the-future' } }, 'en')).toBe('/a.txt: An unexpected error happened; the details are in the log.');
  });

  it('a refused request and a folder that cannot be opened: what happened and what to do, from the code', async () => {
    const refused = menuActions({
      backend: { handlers: {} as Handlers, openWorkspace: vi.fn(async () => Promise.reject(Object.assign(new Error('store is locked by pid 7'), { code: 'store-locked' }))), announce: vi.fn() },
      dialogs: { chooseFolder: vi.fn(async () => '/w'), chooseFiles: vi.fn(async () => ['/a.txt']), chooseExportTarget: vi.fn(async () => null) },
      labels: () => zh,
      productName: 'Report Annotator',
      version: '1.2.3',
      parent: () => null,
      log,
    });
    await refused.openFolder();
    expect(lastBox()).toMatchObject({ message: '无法打开该文件夹。', detail: '/w\n此工作区已在另一个窗口或程序中打开。 请关闭另一个窗口后重新打开工作区。' });
    expect(lastBox().detail).not.toContain('pid 7');
    await refused.openFiles(); // no importFiles handler: dispatch answers with an error code
    expect(lastBox().message).toBe('部分文件未能导入。');
    expect(lastBox().detail).toBe('程序发生了意外错误。 请重试；如仍出现，请重启程序并报告问题。');
  });
});
