import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Handlers } from '../service/dispatch';
import { labelsFor } from './labels';

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
  const actions = () => menuActions({ backend, dialogs, labels: en, productName: 'Report Annotator', version: '1.2.3', parent: () => null, log });

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
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: en.openFailed, detail: 'store-locked' }));
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
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning', detail: '/b.docx: not a docx' }));
  });

  it('About shows the name and version', async () => {
    await actions().about();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'info', message: 'Report Annotator 1.2.3' }));
  });
});
