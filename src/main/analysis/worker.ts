/** worker_threads entry: runs the pure analysis off the main thread. */
import { parentPort } from 'node:worker_threads';
import { analyzeDuplicates, analyzeFiguresAndDefects, analyzeInParts, analyzeText } from '../../core/analyze';
import { checkDefects } from '../../core/document/derive';
import type { Analysis, AnalysisCapped } from '../../core/schema';
import { BoilerplateBuilder, type BoilerplateModel } from '../../core/duplicates';

/** Which analysis a job asks for: all of it, or one of its two parts (see analyzeFiguresAndDefects). */
export type AnalysisPart = 'all' | 'figures+defects' | 'duplicates';

export type WorkerJob =
  | {
      kind: 'analyze';
      id: number;
      text: string;
      part: AnalysisPart;
      /**
       * reply with JSON text instead of objects (a string crosses threads far cheaper): for
       * 'figures+defects' { figures, defects } each as JSON text, else the JSON of the result;
       * 'utf8' (part 'all' only): the JSON of figures, duplicates and defects as three UTF-8
       * byte arrays, moved (not copied) to the caller
       */
      json: boolean | 'utf8';
      /**
       * with JSON replies of 'figures+defects' and 'all' in 'utf8': the consistency checks over
       * the figures too (core/document checkDefects, no indicator map), as `checks` JSON text or
       * a fourth UTF-8 part
       */
      checks?: boolean;
      /** findings kept per kind (core/analyze's default unless given) */
      maxPerKind?: number;
      /** the boilerplate model, sent once per worker and then named by its key */
      boilerplateKey?: number;
      boilerplate?: BoilerplateModel;
    }
  /** one document of a corpus whose boilerplate model this worker builds (no reply) */
  | { kind: 'boilerplate-add'; builder: number; text: string }
  /** the model of the documents added so far; replies with the model */
  | { kind: 'boilerplate-build'; id: number; builder: number };

/**
 * `capped`: the kinds of finding the analysis cut to their first ones (core/analyze's cap) — beside
 * the result, since a JSON or UTF-8 result has no room for it.
 */
export type WorkerReply = { id: number; ok: true; result: unknown; capped?: AnalysisCapped } | { id: number; ok: false; message: string };

const models = new Map<number, BoilerplateModel>();
const builders = new Map<number, BoilerplateBuilder | Error>();

function analyze(job: Extract<WorkerJob, { kind: 'analyze' }>, capped: AnalysisCapped): unknown {
  if (job.boilerplateKey !== undefined && job.boilerplate) {
    models.clear();
    models.set(job.boilerplateKey, job.boilerplate);
  }
  const boilerplate = job.boilerplateKey === undefined ? undefined : models.get(job.boilerplateKey);
  const maxPerKind = job.maxPerKind;
  switch (job.part) {
    case 'all': {
      if (job.json === 'utf8') {
        const encoder = new TextEncoder();
        const parts: Uint8Array[] = [];
        let checks: Uint8Array | null = null;
        const cut = analyzeInParts(job.text, { boilerplate, maxPerKind }, (key, part) => {
          parts.push(encoder.encode(JSON.stringify(part)));
          if (job.checks && key === 'figures') checks = encoder.encode(JSON.stringify(checkDefects(job.text, part as Analysis['figures'])));
        });
        if (cut) Object.assign(capped, cut);
        if (checks) parts.push(checks);
        return parts;
      }
      const a = analyzeText(job.text, { boilerplate, maxPerKind });
      if (a.capped) Object.assign(capped, a.capped);
      return job.json ? JSON.stringify(a) : a;
    }
    case 'figures+defects': {
      const a = analyzeFiguresAndDefects(job.text, { maxPerKind });
      if (a.capped) Object.assign(capped, a.capped);
      if (!job.json) return a;
      return { figures: JSON.stringify(a.figures), defects: JSON.stringify(a.defects), ...(job.checks ? { checks: JSON.stringify(checkDefects(job.text, a.figures)) } : {}), ...(a.capped ? { capped: a.capped } : {}) };
    }
    case 'duplicates': {
      const d = analyzeDuplicates(job.text, { boilerplate, maxPerKind }, capped);
      return job.json ? JSON.stringify(d) : d;
    }
  }
}

function run(job: WorkerJob): WorkerReply | null {
  switch (job.kind) {
    case 'analyze': {
      const capped: AnalysisCapped = {};
      const result = analyze(job, capped);
      return { id: job.id, ok: true, result, ...(Object.keys(capped).length > 0 ? { capped } : {}) };
    }
    case 'boilerplate-add': {
      // a failure is kept and reported when the model is asked for
      const b = builders.get(job.builder) ?? new BoilerplateBuilder();
      builders.set(job.builder, b);
      if (b instanceof BoilerplateBuilder) {
        try {
          b.add(job.text);
        } catch (e) {
          builders.set(job.builder, e instanceof Error ? e : new Error(String(e)));
        }
      }
      return null;
    }
    case 'boilerplate-build': {
      const b = builders.get(job.builder) ?? new BoilerplateBuilder();
      builders.delete(job.builder);
      if (b instanceof Error) throw b;
      return { id: job.id, ok: true, result: b.build() };
    }
  }
}

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const reply = run(job);
    if (!reply) return;
    // UTF-8 parts are moved, not copied
    const moved: ArrayBuffer[] = [];
    if (reply.ok && Array.isArray(reply.result)) for (const p of reply.result) if (p instanceof Uint8Array && p.buffer instanceof ArrayBuffer) moved.push(p.buffer);
    parentPort?.postMessage(reply, moved);
  } catch (e) {
    if (job.kind !== 'boilerplate-add') parentPort?.postMessage({ id: job.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
  }
});
