/**
 * The few strings the main process shows itself (menu, native dialogs), in English and
 * Simplified Chinese: in the analyst's language (the renderer's setting, see ui-lang.ts), the
 * system locale until the window has said. A failure in a native box is worded from its error
 * code with the renderer's own table (features/errors/messages.ts), never the backend's English.
 */
import { errorTexts } from '../../renderer/src/features/errors/messages';
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
  // warn-s7
  moreFiles: '… and {count} more',
  unexpected: 'An unexpected error happened; the details are in the log.',
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
  moreFiles: '……另有 {count} 个',
  unexpected: '发生了意外错误，详情已写入日志。',
};

export type UiLang = 'zh' | 'en';

export function langOf(locale: string): UiLang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function labelsFor(locale: string): Labels {
  return langOf(locale) === 'zh' ? zh : en;
}

/** The language a set of labels is in. */
export function langOfLabels(labels: Labels): UiLang {
  return labels === zh ? 'zh' : 'en';
}

/**
 * warn-s7: an error in the analyst's language from its code: what happened and what to do
 * (the presenter's table); an unknown code is "unexpected" (its English message goes to the log only).
 */
export function errorWords(error: { code: string }, lang: UiLang): string {
  const table = errorTexts[lang] as Record<string, { what: string; todo: string } | undefined>;
  const text = Object.prototype.hasOwnProperty.call(table, error.code) ? table[error.code] : undefined;
  return text ? `${text.what} ${text.todo}` : labelsFor(lang).unexpected;
}

/** A file that failed, on one line: "name: what happened" in the analyst's language. */
export function failureLine(f: { path: string; error: { code: string } }, lang: UiLang): string {
  const table = errorTexts[lang] as Record<string, { what: string } | undefined>;
  const text = Object.prototype.hasOwnProperty.call(table, f.error.code) ? table[f.error.code] : undefined;
  return `${f.path}: ${text ? text.what : labelsFor(lang).unexpected}`;
}
