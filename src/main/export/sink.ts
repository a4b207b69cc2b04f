/**
 * Files written by an export: each goes to a temp name beside its target and is renamed into
 * place when complete (a cancelled or failed export leaves no half file). Writes respect
 * backpressure: `write` resolves at once while the stream has room and waits for 'drain' when
 * it has not.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

let counter = 0;
export function tempPathFor(path: string): string {
  return `${path}.partial-${process.pid}-${++counter}`;
}

export class FileSink {
  readonly temp: string;
  private readonly stream: WriteStream;
  private error: Error | null = null;
  bytes = 0;

  constructor(readonly path: string) {
    this.temp = tempPathFor(path);
    this.stream = createWriteStream(this.temp, { encoding: 'utf8', highWaterMark: 4 << 20 });
    this.stream.on('error', (e) => (this.error = e));
  }

  /** Writes s (text, or UTF-8 bytes); resolves when the stream can take more. */
  write(s: string | Uint8Array): Promise<void> | void {
    if (this.error) throw this.error;
    this.bytes += s.length;
    if (this.stream.write(s)) return;
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', fail);
        resolve();
      };
      const fail = (e: Error): void => {
        this.stream.off('drain', done);
        reject(e);
      };
      this.stream.once('drain', done);
      this.stream.once('error', fail);
    });
  }

  /** Ends the stream and renames the temp file into place. */
  async finish(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    await rename(this.temp, this.path);
  }

  /** Drops the temp file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}

/** Several sinks that succeed or fail together. */
export class SinkGroup {
  private readonly sinks: FileSink[] = [];
  open(path: string): FileSink {
    const s = new FileSink(path);
    this.sinks.push(s);
    return s;
  }
  async finish(): Promise<string[]> {
    for (const s of this.sinks) await s.finish();
    return this.sinks.map((s) => s.path);
  }
  async abort(): Promise<void> {
    await Promise.allSettled(this.sinks.map((s) => s.abort()));
  }
}
