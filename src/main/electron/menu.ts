/**
 * The application menu: File (open a folder, import files, quit), Edit (standard roles), View
 * (zoom; reload and devtools in development only), Help (about). Labels follow the locale.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Labels } from './labels';
import type { MenuActions } from './menu-actions';

export interface MenuOptions {
  labels: Labels;
  actions: MenuActions;
  isDev: boolean;
  platform: NodeJS.Platform;
}

export function menuTemplate({ labels, actions, isDev, platform }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { id: 'open-folder', label: labels.openFolder, accelerator: 'CmdOrCtrl+O', click: () => void actions.openFolder() },
      { id: 'open-files', label: labels.openFiles, accelerator: 'CmdOrCtrl+Shift+O', click: () => void actions.openFiles() },
      { type: 'separator' },
      { id: 'export', label: labels.exportData, accelerator: 'CmdOrCtrl+E', click: () => actions.exportDataset() },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'quit', role: 'quit', label: labels.quit } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const devItems: MenuItemConstructorOptions[] = isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: labels.help,
    submenu: [{ id: 'about', label: labels.about, click: () => void actions.about() }],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu', label: labels.window } as const] : []),
    help,
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
