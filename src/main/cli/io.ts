export interface CliIO {
  out(s: string): void;
  err(s: string): void;
}

export const processIO: CliIO = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};
