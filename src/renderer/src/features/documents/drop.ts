/**
 * Drag-and-drop of report files onto the window. The renderer never sends paths: it reads the
 * dropped files' bytes and the backend copies them into the workspace (importDropped), which
 * works the same in the desktop app and in browser mode.
 */
import { useEffect } from 'react';
import { getClient } from '../../api/client';
import { reportError } from '../errors/store';
import { setWorkspace, workspaceStore } from './store';

const MAX_BYTES = 50 * 1024 * 1024;

/** Base64 of bytes, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function importDroppedFiles(files: readonly File[]): Promise<void> {
  const usable = files.filter((f) => f.size > 0 || f.type !== '');
  if (usable.length === 0) return;
  const tooLarge = usable.filter((f) => f.size > MAX_BYTES);
  const payload = await Promise.all(usable.filter((f) => f.size <= MAX_BYTES).map(async (f) => ({ name: f.name, data: toBase64(new Uint8Array(await f.arrayBuffer())) })));
  const taskId = `drop-${Date.now()}`;
  workspaceStore.patch({ progress: { taskId, label: 'import', done: 0, total: usable.length, current: null, finished: false } });
  try {
    const summary = payload.length ? await getClient().importDropped({ files: payload, taskId }) : { imported: [], failed: [], cancelled: false };
    const failed = [...summary.failed, ...tooLarge.map((f) => ({ path: f.name, error: { code: 'file-too-large', message: `${f.name}: over 50 MB` } }))];
    workspaceStore.patch({ importResult: { kind: 'files', dir: null, imported: summary.imported.map((d) => ({ id: d.id, name: d.name })), failed, cancelled: summary.cancelled } });
    const ws = await getClient().workspaceGet({});
    if (ws) setWorkspace(ws);
  } catch (e) {
    reportError(e, 'importDropped');
  } finally {
    workspaceStore.patch({ progress: null });
  }
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
      void importDroppedFiles(Array.from(e.dataTransfer?.files ?? []));
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
