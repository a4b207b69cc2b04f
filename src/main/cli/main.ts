/** Node entry of the CLI bundle. */
import { appVersion } from '../root';
import { runCli } from './index';

runCli(process.argv.slice(2), undefined, appVersion()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`report-annotator: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
