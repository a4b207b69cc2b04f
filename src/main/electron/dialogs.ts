/**
 * The native open dialogs behind the API's chooseFolder/chooseFiles (and the File menu),
 * parented to the focused window so they are modal to it.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import { SUPPORTED_EXTENSIONS } from '../import/formats';
import type { PlatformDialogs } from '../service/backend';
import type { Labels } from './labels';

/** `labels`: the labels now (warn-s7: in the analyst's language, see ui-lang.ts), or fixed ones. */
export function nativeDialogs(parent: () => BrowserWindow | null, labelsNow: Labels | (() => Labels)): PlatformDialogs {
  const current = (): Labels => (typeof labelsNow === 'function' ? labelsNow() : labelsNow);
  const show = (options: OpenDialogOptions): Promise<OpenDialogReturnValue> => {
    const win = parent();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  return {
    async chooseFolder() {
      const labels = current();
      const result = await show({ title: labels.chooseFolderTitle, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFiles() {
      const labels = current();
      const result = await show({
        title: labels.chooseFilesTitle,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: labels.reports, extensions: SUPPORTED_EXTENSIONS },
          // the importer has the last word on a file; offering the rest lets it say why not
          { name: labels.allFiles, extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseExportTarget(format, folder) {
      if (folder) {
        const result = await show({ title: current().chooseFolderTitle, properties: ['openDirectory', 'createDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      const ext = format === 'label-studio' ? 'json' : format === 'doccano' ? 'jsonl' : format === 'conll' ? 'conll' : format;
      const win = parent();
      const options = { defaultPath: `dataset.${ext}`, filters: [{ name: format, extensions: [ext] }] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
