/** A small file + stderr logger with context; never writes the browser-mode token. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from './redact';
import type { Logger } from './service/dispatch';

export function createLogger(file: string | null, echo = true): Logger & { file: string | null } {
  let fileOk = false;
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      fileOk = true;
    } catch {
      fileOk = false;
    }
  }
  const write = (level: string, message: string, context?: Record<string, unknown>): void => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...context });
    const safe = redact(line);
    if (echo) process.stderr.write(safe + '\n');
    if (fileOk && file) {
      try {
        appendFileSync(file, safe + '\n');
      } catch {
        // the log is best effort
      }
    }
  };
  return {
    file,
    error: (m, c) => write('error', m, c),
    info: (m, c) => write('info', m, c),
  };
}
