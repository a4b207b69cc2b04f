/**
 * worker_threads entry: parses one report file at a time (see runner.ts), under the heap limit
 * its parent sets, so a hostile file can exhaust only this thread, never the process.
 */
import { parentPort } from 'node:worker_threads';
import type { DocFormat } from '../../core/store-schema';
import { isAppError } from '../../core/errors';
import { parseBytes, type Parsed } from './parse';

export interface ParseJob {
  id: number;
  format: DocFormat;
  bytes: Uint8Array;
  encoding?: string;
}

export type ParseReply =
  | ({ id: number; ok: true } & Parsed)
  | { id: number; ok: false; code: string | null; message: string; details?: Record<string, unknown> };

parentPort?.on('message', (job: ParseJob) => {
  parseBytes(job.format, job.bytes, job.encoding).then(
    (r) => parentPort?.postMessage({ id: job.id, ok: true, ...r } satisfies ParseReply),
    (e: unknown) => {
      const reply: ParseReply = isAppError(e)
        ? { id: job.id, ok: false, code: e.code, message: e.message, details: plain(e.details) }
        : { id: job.id, ok: false, code: null, message: e instanceof Error ? e.message : String(e) };
      parentPort?.postMessage(reply);
    },
  );
});

// its code is loaded (the imports above): the parent starts the first file's time budget now
parentPort?.postMessage({ ready: true });

/** details that survive the structured clone (numbers, strings, booleans) */
function plain(d: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!d) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}
