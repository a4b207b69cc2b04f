import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('app log', () => {
  it('writes JSON lines with context and never the browser-mode token, however it is spelled', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ra-log-')), 'logs', 'app.log');
    const log = createLogger(file, false);
    log.error('request failed', { url: '/?token=SECRET1&x=1', other: '/?tok%65n=SECRET2' });
    log.info!('plain', { n: 1 });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toMatch(/SECRET/);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'request failed', url: '/?token=<redacted>&x=1' });
    expect(lines[1]).toMatchObject({ level: 'info', message: 'plain', n: 1 });
  });
});
