import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<{ pdfjs: PdfjsModule; cMapUrl: string; standardFontDataUrl: string }> | null = null;

/**
 * pdf.js for Node, loaded once on first use: the legacy build, with the worker code run in
 * this thread (no worker file to locate at run time) and CMaps read from the package.
 */
export function loadPdfjs(): Promise<{ pdfjs: PdfjsModule; cMapUrl: string; standardFontDataUrl: string }> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { pdfjs, cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}
