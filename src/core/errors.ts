/**
 * Expected errors carry a code; one presenter in the renderer turns the code into a message in
 * the user's language. Messages here are English fallbacks for logs and the CLI.
 */
export const ErrorCode = [
  // input files
  'file-unreadable', 'file-not-found', 'file-empty', 'file-too-large', 'binary-file', 'unknown-encoding',
  'unsupported-format', 'corrupt-docx', 'corrupt-pdf', 'pdf-encrypted', 'pdf-no-text', 'corrupt-html',
  // hostile or odd inputs: refused within the importer's memory and time budget
  'too-large', 'too-complex', 'timeout', 'not-regular-file', 'not-a-folder', 'path-invalid',
  // workspace store
  'store-corrupt', 'store-locked', 'store-write-failed', 'store-disk-full', 'store-read-only', 'store-newer-version',
  'document-not-found', 'finding-not-found', 'workspace-not-open',
  'workspace-not-found', // Open folder: no folder at that path (creating one is an explicit choice)
  // datasets
  'export-failed', 'file-exists', 'export-into-store',
  // API boundary
  'bad-request', 'unknown-method', 'forbidden', 'unauthorized', 'path-not-allowed', 'cancelled', 'internal',
  // team: the local Syncthing (src/main/team/syncthing.ts; UI words: core/team SYNCTHING_ERROR_KEYS)
  'syncthing-not-configured', 'syncthing-not-running', 'syncthing-forbidden', 'syncthing-bad-device-id',
  'syncthing-folder-shared-elsewhere', 'syncthing-timeout', 'syncthing-error',
] as const;
export type ErrorCode = (typeof ErrorCode)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError' && typeof (e as { code?: unknown }).code === 'string');
}
