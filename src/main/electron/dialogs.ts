/**
 * The native open dialogs behind the API's chooseFolder/chooseFiles (and the File menu),
 * parented to the focused window so they are modal to it.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import type { PlatformDialogs } from '../service/backend';
import type { Labels } from './labels';

/** What the importers read; "All files" is offered too, the importer has the last word. */
export const REPORT_EXTENSIONS = ['txt', 'docx', 'html', 'htm', 'pdf'];

export function nativeDialogs(parent: () => BrowserWindow | null, labels: Labels): PlatformDialogs {
  const show = (options: OpenDialogOptions): Promise<OpenDialogReturnValue> => {
    const win = parent();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  return {
    async chooseFolder() {
      const result = await show({ title: labels.chooseFolderTitle, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFiles() {
      const result = await show({
        title: labels.chooseFilesTitle,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: labels.reports, extensions: REPORT_EXTENSIONS },
          { name: labels.allFiles, extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
  };
}
