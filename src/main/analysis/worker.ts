/** worker_threads entry: runs the pure analysis off the main thread. */
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../../core/analyze';
import type { BoilerplateModel } from '../../core/duplicates';

interface Job {
  id: number;
  text: string;
  /** the boilerplate model, sent once per worker and then named by its key */
  boilerplateKey?: number;
  boilerplate?: BoilerplateModel;
}

const models = new Map<number, BoilerplateModel>();

parentPort?.on('message', (job: Job) => {
  try {
    if (job.boilerplateKey !== undefined && job.boilerplate) {
      models.clear();
      models.set(job.boilerplateKey, job.boilerplate);
    }
    const boilerplate = job.boilerplateKey === undefined ? undefined : models.get(job.boilerplateKey);
    const analysis = analyzeText(job.text, { boilerplate });
    parentPort?.postMessage({ id: job.id, ok: true, analysis });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
