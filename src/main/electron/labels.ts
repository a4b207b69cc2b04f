/**
 * The few strings the main process shows itself (menu, native dialogs), in English and
 * Simplified Chinese, chosen from the system locale.
 */
const en = {
  file: 'File',
  openFolder: 'Open Folder…',
  openFiles: 'Open Files…',
  exportData: 'Export Dataset…',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Report Annotator',
  aboutTitle: 'About',
  ok: 'OK',
  chooseFolderTitle: 'Open a workspace folder',
  chooseFilesTitle: 'Import reports',
  reports: 'Reports',
  allFiles: 'All files',
  openFailed: 'The folder could not be opened.',
  importFailed: 'Some files could not be imported.',
} as const;

export type Labels = { readonly [K in keyof typeof en]: string };

const zh: Labels = {
  file: '文件',
  openFolder: '打开文件夹…',
  openFiles: '打开文件…',
  exportData: '导出数据集…',
  quit: '退出',
  edit: '编辑',
  view: '视图',
  window: '窗口',
  help: '帮助',
  about: '关于 Report Annotator',
  aboutTitle: '关于',
  ok: '确定',
  chooseFolderTitle: '打开工作区文件夹',
  chooseFilesTitle: '导入报告',
  reports: '报告',
  allFiles: '所有文件',
  openFailed: '无法打开该文件夹。',
  importFailed: '部分文件未能导入。',
};

export function labelsFor(locale: string): Labels {
  return locale.toLowerCase().startsWith('zh') ? zh : en;
}
