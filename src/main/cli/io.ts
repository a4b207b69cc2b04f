export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  /** true when stderr is a terminal: progress then redraws one line */
  errIsTTY?: boolean;
}

export const processIO: CliIO = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** Progress on stderr: one redrawn line on a terminal, else a line per 10% step. */
export function progressReporter(io: CliIO, label: string, total: number): (done: number, finished?: boolean) => void {
  let lastStep = -1;
  return (done, finished = false) => {
    if (io.errIsTTY) {
      io.err(`\r${label} ${done}/${total}\x1b[K${finished ? '\n' : ''}`);
      return;
    }
    const step = total ? Math.floor((done / total) * 10) : 10;
    if (step !== lastStep) {
      lastStep = step;
      io.err(`${label} ${done}/${total}\n`);
    }
  };
}
