/**
 * The time budgets of an import, in one place (issue 17). The whole import of one file —
 * reading, parsing, analysis, storing — must end within IMPORT_BUDGET (20 s + 2 s per MB of the
 * file); the reliability harness (fuzz/run.mjs) counts a file past it as hung, and takes its
 * budget from here. Of it:
 * - parsing in the import worker gets PARSE_SHARE (15 s + 1.5 s/MB): past it the worker is
 *   stopped and the file refused with `timeout` (runner.ts);
 * - the PDF importer checks its own deadline at PDF_SHARE of the parse budget, between pages,
 *   so that it stops first and says at which page (pdf-limits.ts); in process (no worker
 *   script) it is the only clock;
 * - what is left (5 s + 0.5 s/MB) is for the analysis and the store.
 */
export interface Budget {
  baseMs: number;
  perMbMs: number;
}

/** The whole import of one file. */
export const IMPORT_BUDGET: Readonly<Budget> = { baseMs: 20_000, perMbMs: 2_000 };

/** The part of the import budget the import worker gets to parse the file. */
export const PARSE_SHARE = 0.75;

/** The part of the parse budget after which the PDF importer stops itself. */
export const PDF_SHARE = 0.9;

const MB = 1024 * 1024;

/** Milliseconds for a file of `bytes` under `budget`. */
export function budgetMs(bytes: number, budget: Budget): number {
  return Math.round(budget.baseMs + (budget.perMbMs * Math.max(0, bytes)) / MB);
}

/** The import worker's budget: PARSE_SHARE of the import budget (15 s + 1.5 s/MB). */
export const PARSE_BUDGET: Readonly<Budget> = { baseMs: IMPORT_BUDGET.baseMs * PARSE_SHARE, perMbMs: IMPORT_BUDGET.perMbMs * PARSE_SHARE };

/** The whole import of a file of `bytes`: 20 s + 2 s/MB. */
export const importBudgetMs = (bytes: number): number => budgetMs(bytes, IMPORT_BUDGET);

/** The PDF importer's own deadline for a file of `bytes` (within the import worker's). */
export const pdfBudgetMs = (bytes: number): number => Math.floor(budgetMs(bytes, PARSE_BUDGET) * PDF_SHARE);
