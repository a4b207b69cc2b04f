/**
 * The LibreOffice round trip, shared by its unit test (pdf-roundtrip.test.ts) and its bench
 * (bench/pdf/roundtrip.mjs): text reports → PDFs by `soffice --headless --convert-to pdf` (one
 * invocation for all of them, in a temporary folder with its own LibreOffice profile, killed
 * on timeout) → the PDF importer → the analysis; the figures of the PDF's text are compared,
 * in order, with those of the report's own text. Test and bench material only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyzeText } from '../../core/analyze';
import type { Figure } from '../../core/schema';

/** The soffice executable on PATH, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const path = r.status === 0 ? r.stdout.trim() : '';
    if (path) return path;
  }
  return null;
}

export interface Converted {
  /** Folder holding the PDFs; remove() deletes it with the LibreOffice profile. */
  dir: string;
  /** Input path → PDF path. */
  pdfs: Map<string, string>;
  seconds: number;
  remove(): void;
}

/**
 * Converts every file to PDF in one soffice run. The process group is killed when it takes
 * longer than `timeoutMs`; a file that yields no PDF is an error.
 */
export async function convertToPdf(files: readonly string[], opts: { soffice?: string; timeoutMs?: number } = {}): Promise<Converted> {
  const soffice = opts.soffice ?? findSoffice();
  if (!soffice) throw new Error('soffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ra-pdf-roundtrip-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const out = join(dir, 'out');
  const t0 = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], {
        detached: true, // its own process group, so the whole tree can be killed
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 4000) stderr += String(d);
      });
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        reject(new Error(`soffice did not finish within ${opts.timeoutMs ?? 120_000} ms`));
      }, opts.timeoutMs ?? 120_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`soffice exited with ${code ?? signal}: ${stderr.slice(-1000)}`));
      });
    });
    const pdfs = new Map<string, string>();
    for (const f of files) {
      const pdf = join(out, basename(f).replace(/\.[^.]+$/, '') + '.pdf');
      if (!existsSync(pdf)) throw new Error(`soffice made no PDF of ${f}`);
      pdfs.set(f, pdf);
    }
    return { dir, pdfs, seconds: (performance.now() - t0) / 1000, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

/** A figure as a comparable token: its kind and full value (value, upper bound, unit). */
export function figureKey(f: Figure): string {
  return `${f.kind}:${f.value}:${f.value_to}:${f.unit}`;
}

/** The figures the analysis finds in a text, in order, as keys. */
export function figureKeys(text: string): string[] {
  return analyzeText(text).figures.map(figureKey);
}

/** Length of the longest common subsequence of two sequences (O(n·m) time, O(m) memory). */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface RoundTrip {
  /** Figures of the report's own text. */
  original: number;
  /** Figures found in the PDF's text. */
  found: number;
  /** Figures of the original found with the same kind and value, in order (LCS). */
  kept: number;
  /** kept / original. */
  ratio: number;
}

/** Compares the figures of the report's text with those of the text read back from its PDF. */
export function compareFigures(originalText: string, pdfText: string): RoundTrip {
  const a = figureKeys(originalText);
  const b = figureKeys(pdfText);
  const kept = lcsLength(a, b);
  return { original: a.length, found: b.length, kept, ratio: a.length === 0 ? 1 : kept / a.length };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
