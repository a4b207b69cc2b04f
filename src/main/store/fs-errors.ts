/** Maps file system errors of the store to AppError codes the UI can explain. */
import { AppError, isAppError } from '../../core/errors';
import { errnoCode } from './fs-layer';

export function mapWriteError(e: unknown, file: string): AppError {
  if (isAppError(e)) return e as AppError;
  const code = errnoCode(e);
  const reason = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('store-disk-full', `Not enough disk space to save ${file}; your changes are kept in memory and saved when space is free.`, { file, errno: code });
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new AppError('store-read-only', `Cannot write ${file} (${code}): the workspace folder is read-only; your changes are kept in memory.`, { file, errno: code });
    default:
      return new AppError('store-write-failed', `Could not save ${file}: ${reason}; your changes are kept in memory and saving is retried.`, { file, errno: code ?? null });
  }
}
