/** worker_threads entry: runs the pure analysis off the main thread. */
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../../core/analyze';
import type { BoilerplateModel } from '../../core/duplicates';

interface Job {
  id: number;
  text: string;
  boilerplate?: BoilerplateModel;
}

parentPort?.on('message', (job: Job) => {
  try {
    const analysis = analyzeText(job.text, { boilerplate: job.boilerplate });
    parentPort?.postMessage({ id: job.id, ok: true, analysis });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
