import { AppError, isAppError } from '../../core/errors';
import { fromPdfjsItem, pageToLines, type PdfItem } from './pdf-lines';
import { linesToParagraphs, stripRunningHeads, type PdfPage } from './pdf-layout';
import { loadPdfjs } from './pdfjs';
import { type PdfLimits, defaultPdfLimits, scanContentStreams, tooComplex } from './pdf-limits';
import { addCounts, emptyCounts, type SpacingCounts } from './pdf-spacing';
import { pdfPageFailureKind } from './library-messages';
import { joinParagraphs } from './paragraphs';
import type { ImportWarning } from './warnings';

export interface PdfResult {
  text: string;
  warnings: ImportWarning[];
  pages: number;
  /** Layout whitespace removed (also told in `warnings`), by kind. */
  layoutSpaces: SpacingCounts;
}

/**
 * A PDF's text layer → paragraphs: lines rebuilt from positioned runs, running heads/feet
 * and page numbers dropped, wrapped lines re-joined. Nothing is rendered, no fonts are
 * loaded, no code is evaluated and nothing is fetched.
 */
export async function importPdf(bytes: Uint8Array, limitsOverride: Partial<PdfLimits> = {}): Promise<PdfResult> {
  const started = performance.now();
  const limits = { ...defaultPdfLimits(bytes.byteLength), ...limitsOverride };
  const deadline = started + limits.timeBudgetMs;
  if (!hasPdfHeader(bytes)) throw new AppError('corrupt-pdf', 'Not a PDF file (no %PDF header).');
  scanContentStreams(bytes, limits);
  const { pdfjs, cMapUrl, standardFontDataUrl } = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js may transfer (detach) the buffer it is given
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  const warnings: ImportWarning[] = [];
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      throw loadError(e);
    }
    if (doc.numPages > limits.maxPages) {
      throw tooComplex(`The PDF has ${doc.numPages} pages (at most ${limits.maxPages}).`, { limit: 'pages', value: doc.numPages, max: limits.maxPages });
    }
    const pages: PdfPage[] = [];
    const budget = { chars: 0, deadline, limits };
    // a page tree may name one page many times: its text is read once
    const seen = new Map<string, PdfPage>();
    let repeated = 0;
    let failed = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      checkTime(budget, n);
      try {
        const page = await doc.getPage(n);
        const key = page.ref ? `${page.ref.num} ${page.ref.gen}` : null;
        const again = key === null ? undefined : seen.get(key);
        if (again) {
          if (++repeated > limits.maxRepeatedPages) {
            throw tooComplex(`The PDF's page tree names the same pages more than ${limits.maxRepeatedPages} times.`, { limit: 'repeated-pages', max: limits.maxRepeatedPages });
          }
          pages.push(again);
          continue;
        }
        const items = await readTextItems(page, budget, n);
        const read = { lines: pageToLines(items), height: page.view[3] - page.view[1] };
        pages.push(read);
        if (key !== null) seen.set(key, read);
        page.cleanup();
      } catch (e) {
        if (isAppError(e) && (e.code === 'too-complex' || e.code === 'too-large' || e.code === 'timeout')) throw e;
        failed++;
        warnings.push({ code: 'pdf-page-unreadable', params: { page: n, kind: pdfPageFailureKind(e), reason: ((e as Error)?.message ?? String(e)).slice(0, 300) } }); // warn-s7
      }
    }
    if (repeated > 0) warnings.push({ code: 'pdf-pages-repeated', params: { count: repeated } });
    if (doc.numPages > 0 && failed === doc.numPages) throw new AppError('corrupt-pdf', 'No page of the PDF could be read.');
    if (!pages.some((p) => p.lines.length > 0)) {
      throw new AppError('pdf-no-text', 'The PDF has no text layer (scanned pages?); run OCR first.', { pages: doc.numPages });
    }
    const kept = stripRunningHeads(pages);
    const spacing = emptyCounts();
    for (const lines of kept) for (const line of lines) if (line.spacing) addCounts(spacing, line.spacing);
    const removed = spacing.letterSpacing + spacing.cjkDigit + spacing.punctuation;
    if (removed > 0) warnings.push(spacingWarning(spacing));
    const paragraphs = linesToParagraphs(kept);
    const fixed = fixRadicals(joinParagraphs(paragraphs));
    if (fixed.count > 0) warnings.push({ code: 'pdf-radicals-fixed', params: { count: fixed.count } });
    return { text: fixed.text, warnings, pages: doc.numPages, layoutSpaces: spacing };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

interface Budget {
  chars: number;
  deadline: number;
  limits: PdfLimits;
}

function checkTime(b: Budget, page: number): void {
  if (performance.now() > b.deadline) {
    throw new AppError('timeout', `Reading the PDF took longer than ${Math.round(b.limits.timeBudgetMs / 1000)} s (stopped at page ${page}).`, { page, budgetMs: Math.round(b.limits.timeBudgetMs) });
  }
}

/** A page's text runs, read in chunks so the limits are checked as they come. */
async function readTextItems(page: { streamTextContent(): ReadableStream<{ items: unknown[] }> }, b: Budget, n: number): Promise<PdfItem[]> {
  const reader = page.streamTextContent().getReader();
  const items: PdfItem[] = [];
  let count = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      count += value.items.length;
      if (count > b.limits.maxItemsPerPage) {
        throw tooComplex(`Page ${n} of the PDF has more than ${b.limits.maxItemsPerPage} text runs.`, { limit: 'text-runs-per-page', page: n, max: b.limits.maxItemsPerPage });
      }
      for (const raw of value.items) {
        const it = fromPdfjsItem(raw);
        if (!it) continue;
        b.chars += it.str.length;
        items.push(it);
      }
      if (b.chars > b.limits.maxChars) {
        throw new AppError('too-large', `The PDF holds more than ${b.limits.maxChars} characters of text.`, { limit: 'characters', max: b.limits.maxChars });
      }
      checkTime(b, n);
    }
  } finally {
    // not reader.cancel(): with pdf.js's worker in this thread, a cancelled text stream makes
    // pdf.js close its controller twice (an uncaught error); the caller destroys the document
    reader.releaseLock();
  }
  return items;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function loadError(e: unknown): AppError {
  const name = (e as { name?: string } | null)?.name;
  const message = (e as Error | null)?.message ?? String(e);
  if (name === 'PasswordException') return new AppError('pdf-encrypted', 'The PDF is password-protected.');
  // import-s6: pdf.js says only what is broken ("Invalid Root reference."): say what that means
  return new AppError('corrupt-pdf', `The PDF is damaged or incomplete (a download cut short?) and cannot be read: ${message.replace(/\.$/, '')}. Export or download it again.`, { cause: name });
}

/**
 * Some PDF producers map ideographs to look-alike Kangxi radicals (U+2F00–U+2FDF) or CJK
 * radicals (U+2E80–U+2EFF), e.g. "⼯作" for "工作": NFKC maps them to the ideographs.
 */
function fixRadicals(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (ch) => {
    const n = ch.normalize('NFKC');
    if (n !== ch) count++;
    return n;
  });
  return { text: out, count };
}

function spacingWarning(c: SpacingCounts): ImportWarning {
  const total = c.letterSpacing + c.cjkDigit + c.punctuation;
  return { code: 'pdf-layout-spaces', params: { total, letterSpacing: c.letterSpacing, cjkDigit: c.cjkDigit, punctuation: c.punctuation } };
}
