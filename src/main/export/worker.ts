/**
 * worker_threads entry of the JSONL export (see line-workers.ts): reads a saved document file,
 * decodes it exactly as the store does (same checks, schema, migrations), and answers with the
 * document's JSONL line as UTF-8 bytes, moved to the caller. It never recovers or guesses:
 * anything but a plain good file is answered `ok: false`, and the caller reads that document
 * through the store (recovery, notices, errors) and writes its line itself.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { documentRecord, exportContext, jsonLine, prepareDocument, type ExportFilter } from '../../core/export';
import type { DocumentMeta, WorkspaceFile } from '../../core/store-schema';
import { decodeSavedDocument } from '../store/decode';

export interface LineWorkerInit {
  workspace: Pick<WorkspaceFile, 'taxonomy' | 'indicatorMap'>;
  filter: ExportFilter;
}
export interface LineJob {
  seq: number;
  path: string;
  meta: DocumentMeta;
}
export type LineReply = { seq: number; ok: true; line: Uint8Array; findings: number } | { seq: number; ok: false; reason: string };

const port = parentPort;
if (port) {
  const init = workerData as LineWorkerInit;
  const ctx = exportContext(init.workspace, init.filter);
  const encoder = new TextEncoder();
  port.on('message', (job: LineJob) => {
    let reply: LineReply;
    try {
      // a blocking read: this thread has nothing else to do meanwhile
      const decoded = decodeSavedDocument(job.path, (p) => readFileSync(p));
      if (!decoded.ok) reply = { seq: job.seq, ok: false, reason: decoded.problem };
      else if (decoded.migratedFrom !== null) reply = { seq: job.seq, ok: false, reason: 'migration' };
      else {
        const p = prepareDocument(job.meta, decoded.data, ctx);
        const line = encoder.encode(jsonLine(documentRecord(p, ctx)));
        const done: LineReply = { seq: job.seq, ok: true, line, findings: p.findings.length };
        port.postMessage(done, [line.buffer as ArrayBuffer]);
        return;
      }
    } catch (e) {
      reply = { seq: job.seq, ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
