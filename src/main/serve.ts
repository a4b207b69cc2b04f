/**
 * Browser mode: the same renderer served on 127.0.0.1 with the same backend behind the HTTP
 * binding of the API contract.  npm run serve -- [--port N] [--workspace DIR]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpServer } from './http/server';
import { watchLauncher } from './lifeline';
import { createLogger } from './log';
import { defaultUserDataDir } from './paths';
import { createBackend } from './service/backend';
import { appRoot, appVersion } from './root';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, workspace: { type: 'string' }, 'user-data': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run serve -- [--port N] [--workspace DIR] [--user-data DIR]\n');
    return;
  }
  const root = appRoot();
  const userDataDir = values['user-data'] ? resolve(values['user-data']) : defaultUserDataDir();
  const log = createLogger(join(userDataDir, 'logs', 'serve.log'));
  const backend = createBackend({
    mode: 'browser',
    app: 'serve',
    samplesDir: join(root, 'resources', 'samples'),
    userDataDir,
    workspaceDir: values.workspace ? resolve(values.workspace) : undefined,
    log,
    version: appVersion(),
  });
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const running = await startHttpServer({ backend, staticDir: join(root, 'out', 'renderer'), port, log });
  process.stdout.write(`Report Annotator is running at ${running.url}\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await running.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // started by npm run serve / npm start: end with the launcher, even when it was KILLed
  watchLauncher(() => void stop());
}

main().catch((e) => {
  process.stderr.write(`report-annotator serve: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
