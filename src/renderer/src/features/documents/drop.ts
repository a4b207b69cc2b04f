/**
 * Drag-and-drop of report files onto the window. The renderer never sends paths: it reads the
 * dropped files' bytes and the backend copies them into the workspace (importDropped), which
 * works the same in the desktop app and in browser mode.
 */
import { useEffect } from 'react';
import { getClient } from '../../api/client';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { type ImportResult, setWorkspace, workspaceStore } from './store';

const MAX_BYTES = 50 * 1024 * 1024;

/** Base64 of bytes, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Imports dropped files. `folders` marks the entries that are folders (a folder arrives as an
 * empty File with no type, like an empty file with no extension: the drop event's entries tell
 * them apart). Every dropped item gets an answer: folders a notice, empty and too large files a
 * line in the import summary, the rest what the backend says.
 */
export async function importDroppedFiles(files: readonly File[], folders: ReadonlySet<File> = new Set()): Promise<void> {
  if (files.some((f) => folders.has(f))) showNotice(t('drop.folder'), 8000);
  const usable = files.filter((f) => !folders.has(f));
  if (usable.length === 0) return;
  const local: ImportResult['failed'] = [];
  for (const f of usable) {
    if (f.size === 0) local.push({ path: f.name, error: { code: 'file-empty', message: `${f.name}: 0 bytes` } });
    else if (f.size > MAX_BYTES) local.push({ path: f.name, error: { code: 'file-too-large', message: `${f.name}: over 50 MB` } });
  }
  const payload = await Promise.all(usable.filter((f) => f.size > 0 && f.size <= MAX_BYTES).map(async (f) => ({ name: f.name, data: toBase64(new Uint8Array(await f.arrayBuffer())) })));
  const taskId = `drop-${Date.now()}`;
  workspaceStore.patch({ progress: { taskId, label: 'import', done: 0, total: usable.length, current: null, finished: false } });
  try {
    const summary = payload.length ? await getClient().importDropped({ files: payload, taskId }) : { imported: [], failed: [], cancelled: false };
    const failed = [...summary.failed.map((f) => ({ ...f, path: dropName(f.path) })), ...local];
    workspaceStore.patch({ importResult: { kind: 'files', dir: null, imported: summary.imported.map((d) => ({ id: d.id, name: d.name })), failed, cancelled: summary.cancelled, warnings: summary.warnings } });
    const ws = await getClient().workspaceGet({});
    if (ws) setWorkspace(ws);
  } catch (e) {
    reportError(e, 'importDropped');
  } finally {
    workspaceStore.patch({ progress: null });
  }
}

/** The dropped files that are folders, as far as the drop's entries tell. */
function droppedFolders(dt: DataTransfer | null, files: File[]): Set<File> {
  const out = new Set<File>();
  const items = Array.from(dt?.items ?? []).filter((i) => i.kind === 'file');
  items.forEach((item, i) => {
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory && files[i]) out.add(files[i]);
  });
  return out;
}

/** A failed drop's copy was deleted: the summary names the file as it was dropped, not its copy under dropped/. */
function dropName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Accepts files dropped anywhere on the window (and stops the browser from opening them). */
export function useFileDrop(): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      document.body.classList.add('drop-target');
    };
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) document.body.classList.remove('drop-target');
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      document.body.classList.remove('drop-target');
      const files = Array.from(e.dataTransfer?.files ?? []);
      void importDroppedFiles(files, droppedFolders(e.dataTransfer, files));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
