/** Export formats and filters as the dialog offers them; where a format writes (a file or a folder). Pure. */
import { EXPORT_FILTERS, EXPORT_FOLDER_FORMATS, EXPORT_FORMATS } from '../../../../core/api';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFilter = (typeof EXPORT_FILTERS)[number];
export { EXPORT_FILTERS, EXPORT_FORMATS };

/** Formats whose target is a folder (from the contract). */
export const FOLDER_FORMATS: readonly ExportFormat[] = EXPORT_FOLDER_FORMATS;

export function isFolderFormat(format: ExportFormat): boolean {
  return FOLDER_FORMATS.includes(format);
}

/** The file extension of a one-file format (as the native save dialog suggests it). */
export function extensionOf(format: ExportFormat): string {
  return format === 'label-studio' ? 'json' : format === 'doccano' ? 'jsonl' : format;
}

/**
 * Browser mode has no save dialog: a suggested target inside the workspace folder,
 * `<workspace>/exports/dataset-<filter>-<date>[.<ext>]` (a folder for csv, brat and text).
 */
export function suggestedTarget(workspaceDir: string, format: ExportFormat, filter: ExportFilter, now: Date = new Date()): string {
  const sep = workspaceDir.includes('\\') && !workspaceDir.includes('/') ? '\\' : '/';
  const dir = workspaceDir.replace(/[\\/]+$/, '');
  const date = now.toISOString().slice(0, 10);
  const stem = `dataset-${format}-${filter}-${date}`;
  return `${dir}${sep}exports${sep}${isFolderFormat(format) ? stem : `${stem}.${extensionOf(format)}`}`;
}

/** Replaces the format part of a suggested target when the analyst switches format or filter (a typed path is kept). */
export function isSuggested(path: string, workspaceDir: string): boolean {
  return /[\\/]exports[\\/]dataset-[a-z-]+-\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(path) && path.startsWith(workspaceDir.replace(/[\\/]+$/, ''));
}
