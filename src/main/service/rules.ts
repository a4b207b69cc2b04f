/**
 * Workspace rules (issue 16), kept per analyst: `.report-annotator/rules/<analystId>.json` is
 * written by that analyst's app alone (so a synced team workspace never has two writers of one
 * file); a teammate's rule file is read, never written. What an analyst's re-analysis applies:
 * their own enabled rules, and a teammate's enabled rules that the teammate shared with the
 * workspace. Each rule records where it came from (analyst, report, time, in core's Rule), and
 * the file records how many findings each rule changed (per document, from the last analysis of
 * that document) and how many reviews it made through "apply to all like this".
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { Rule, exportRules, importRules } from '../../core/rules';
import { writeFileAtomic } from '../store/atomic-write';
import { type StoreFs, nodeFs } from '../store/fs-layer';
import { STORE_DIR } from '../store/layout';
import type { WorkspaceStore } from '../store';

export const RULEBOOK_FORMAT = 'report-annotator-rulebook';
export const RULES_FOLDER = 'rules';

const Count = z.number().int().nonnegative();
export const RuleBookFile = z.object({
  format: z.literal(RULEBOOK_FORMAT),
  version: z.literal(1),
  analyst: z.object({ id: z.string(), name: z.string() }),
  rules: z.array(Rule),
  /** ids of the rules this analyst shares with the workspace (teammates' re-analysis applies them) */
  shared: z.array(z.string()),
  /** findings each rule changed in each document at its last analysis: documentId → ruleId → n */
  changed: z.record(z.string(), z.record(z.string(), Count)),
  /** reviews each rule made through apply-to-all: ruleId → n */
  applied: z.record(z.string(), Count),
  /**
   * the findings of each document whose data a rule made at its last analysis (documentId →
   * finding ids): a reviewed one keeps that data at the next analysis, whatever the rules then
   */
  touched: z.record(z.string(), z.array(z.string())).default({}),
});
export type RuleBookFile = z.infer<typeof RuleBookFile>;

export interface RuleEntry {
  rule: Rule;
  mine: boolean;
  owner: { id: string; name: string };
  shared: boolean;
  /** findings the rule changed at the last analysis of each document, summed */
  changed: number;
  /** reviews it made through apply-to-all */
  applied: number;
}

export interface RulePatch {
  enabled?: boolean;
  note?: string;
  shared?: boolean;
  action?: Rule['action'];
}

const empty = (analyst: { id: string; name: string }): RuleBookFile => ({ format: RULEBOOK_FORMAT, version: 1, analyst, rules: [], shared: [], changed: {}, applied: {}, touched: {} });

export function rulesFolder(workspaceDir: string): string {
  return join(workspaceDir, STORE_DIR, RULES_FOLDER);
}

export class RuleBook {
  private data: RuleBookFile;
  private teammates: RuleBookFile[];
  private activeCache: Rule[] | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  /** problems met reading the files (a damaged own file is moved aside), for the UI's notices */
  readonly problems: { file: string; movedTo?: string; message: string }[] = [];

  private constructor(
    readonly file: string,
    private readonly fs: StoreFs,
    data: RuleBookFile,
    teammates: RuleBookFile[],
    readonly readOnly: boolean,
  ) {
    this.data = data;
    this.teammates = teammates;
  }

  static async open(workspaceDir: string, analyst: { id: string; name: string }, opts: { fs?: StoreFs; readOnly?: boolean } = {}): Promise<RuleBook> {
    const fs = opts.fs ?? nodeFs;
    const folder = rulesFolder(workspaceDir);
    const file = join(folder, `${analyst.id}.json`);
    const problems: RuleBook['problems'] = [];
    let own = empty(analyst);
    const raw = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
    if (raw) {
      const parsed = parseBook(raw.toString('utf8'));
      if (parsed) own = { ...parsed, analyst };
      else {
        // never deleted: moved aside, and the analyst is told
        const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        if (!opts.readOnly) await fs.rename(file, movedTo).catch(() => undefined);
        problems.push({ file, movedTo: opts.readOnly ? undefined : movedTo, message: 'the rules file could not be read; it was moved aside and the rules start empty' });
      }
    }
    const teammates: RuleBookFile[] = [];
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!name.endsWith('.json') || name.startsWith('.') || name === `${analyst.id}.json`) continue;
      const text = await fs.readFile(join(folder, name)).catch(() => null);
      const book = text && parseBook(text.toString('utf8'));
      if (book) teammates.push(book);
      else problems.push({ file: join(folder, name), message: 'a teammate’s rules file could not be read; its rules are not applied' });
    }
    const book = new RuleBook(file, fs, own, teammates, opts.readOnly ?? false);
    book.problems.push(...problems);
    return book;
  }

  /** The rules re-analysis applies: this analyst's enabled rules, then teammates' shared enabled ones (the same array while nothing changes). */
  active(): readonly Rule[] {
    if (!this.activeCache) {
      const mine = this.data.rules.filter((r) => r.enabled);
      const ids = new Set(mine.map((r) => r.id));
      const theirs: Rule[] = [];
      for (const t of this.teammates) {
        const shared = new Set(t.shared);
        for (const r of t.rules) {
          if (!r.enabled || !shared.has(r.id) || ids.has(r.id)) continue;
          ids.add(r.id);
          theirs.push(r);
        }
      }
      this.activeCache = [...mine, ...theirs];
    }
    return this.activeCache;
  }

  mine(): readonly Rule[] {
    return this.data.rules;
  }

  entries(): RuleEntry[] {
    const totals = (book: RuleBookFile): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const perDoc of Object.values(book.changed)) for (const [id, n] of Object.entries(perDoc)) out[id] = (out[id] ?? 0) + n;
      return out;
    };
    const mineTotals = totals(this.data);
    const shared = new Set(this.data.shared);
    const out: RuleEntry[] = this.data.rules.map((rule) => ({ rule, mine: true, owner: this.data.analyst, shared: shared.has(rule.id), changed: mineTotals[rule.id] ?? 0, applied: this.data.applied[rule.id] ?? 0 }));
    for (const t of this.teammates) {
      const theirShared = new Set(t.shared);
      for (const rule of t.rules) {
        if (!theirShared.has(rule.id)) continue;
        // what a teammate's rule changed here is counted in this analyst's own file (by its id)
        out.push({ rule, mine: false, owner: t.analyst, shared: true, changed: mineTotals[rule.id] ?? 0, applied: 0 });
      }
    }
    return out;
  }

  /** Total findings each rule changed, by rule id (for a re-analysis report). */
  changedTotals(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const perDoc of Object.values(this.data.changed)) for (const [id, n] of Object.entries(perDoc)) out[id] = (out[id] ?? 0) + n;
    return out;
  }

  /** Adds a rule learned from a decision; a rule with the same match and action is not added twice (its id is returned). */
  add(rule: Rule): Rule {
    const same = this.data.rules.find((r) => JSON.stringify(r.match) === JSON.stringify(rule.match) && JSON.stringify(r.action) === JSON.stringify(rule.action));
    if (same) {
      if (!same.enabled) this.mutate((d) => void (d.rules.find((r) => r.id === same.id)!.enabled = true));
      return this.data.rules.find((r) => r.id === same.id)!;
    }
    const ok = Rule.parse(rule);
    this.mutate((d) => void d.rules.push(ok));
    return ok;
  }

  update(id: string, patch: RulePatch): void {
    const i = this.data.rules.findIndex((r) => r.id === id);
    if (i < 0) throw new AppError('bad-request', `no rule ${id} of yours (a teammate's rule is read-only)`);
    const next = { ...this.data.rules[i], ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}), ...(patch.note !== undefined ? { note: patch.note } : {}), ...(patch.action ? { action: patch.action } : {}) };
    const parsed = Rule.safeParse(next);
    if (!parsed.success) throw new AppError('bad-request', `rule ${id}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    this.mutate((d) => {
      d.rules[i] = parsed.data;
      if (patch.shared !== undefined) d.shared = patch.shared ? [...new Set([...d.shared, id])] : d.shared.filter((x) => x !== id);
    });
  }

  remove(id: string): void {
    if (!this.data.rules.some((r) => r.id === id)) throw new AppError('bad-request', `no rule ${id} of yours (a teammate's rule is read-only)`);
    this.mutate((d) => {
      d.rules = d.rules.filter((r) => r.id !== id);
      d.shared = d.shared.filter((x) => x !== id);
      delete d.applied[id];
      for (const perDoc of Object.values(d.changed)) delete perDoc[id];
    });
  }

  exportJson(): string {
    return exportRules(this.data.rules);
  }

  /**
   * Imports a rules file (core's format): nothing is imported when it has a problem. A rule with
   * the same match and action as one already here is skipped; an id already used gets a new one.
   */
  importJson(json: string, newId: () => string): { added: number; skipped: number } {
    const res = importRules(json);
    if (!res.ok) throw new AppError('bad-request', `not a rules file: ${res.errors.slice(0, 3).map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ')}`);
    const key = (r: Rule): string => JSON.stringify([r.match, r.action]);
    const have = new Set(this.data.rules.map(key));
    const ids = new Set(this.data.rules.map((r) => r.id));
    const added: Rule[] = [];
    let skipped = 0;
    for (const r of res.rules) {
      if (have.has(key(r))) {
        skipped++;
        continue;
      }
      have.add(key(r));
      const rule = ids.has(r.id) ? { ...r, id: newId() } : r;
      ids.add(rule.id);
      added.push(rule);
    }
    if (added.length > 0) this.mutate((d) => void d.rules.push(...added));
    return { added: added.length, skipped };
  }

  /** The findings of a document whose data a rule made at its last analysis. */
  touchedIn(documentId: string): ReadonlySet<string> {
    return new Set(this.data.touched[documentId] ?? []);
  }

  /** What the rules changed in a document at its latest analysis (replaces the document's earlier record). */
  setDocumentChanges(documentId: string, counts: Record<string, number>, touched: readonly string[]): void {
    const none = Object.keys(counts).length === 0 && touched.length === 0;
    if (none && !this.data.changed[documentId] && !this.data.touched[documentId]) return;
    const ids = [...touched].sort();
    if (sameCounts(this.data.changed[documentId] ?? {}, counts) && sameIds(this.data.touched[documentId] ?? [], ids)) return;
    this.mutate((d) => {
      if (Object.keys(counts).length === 0) delete d.changed[documentId];
      else d.changed[documentId] = { ...counts };
      if (ids.length === 0) delete d.touched[documentId];
      else d.touched[documentId] = ids;
    }, false);
  }

  recordApplied(ruleId: string, n: number): void {
    if (n <= 0 || !this.data.rules.some((r) => r.id === ruleId)) return;
    this.mutate((d) => void (d.applied[ruleId] = (d.applied[ruleId] ?? 0) + n));
  }

  /** Writes the pending change, durably (resolves when it is on disk). */
  async flush(): Promise<void> {
    if (!this.dirty || this.readOnly) return this.writing;
    this.dirty = false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const text = JSON.stringify(this.data);
    const fs = this.fs;
    const file = this.file;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await fs.mkdir(dirname(file));
        await writeFileAtomic(fs, file, text);
      })
      .catch((e: unknown) => {
        this.dirty = true;
        throw e;
      });
    return this.writing;
  }

  /**
   * A change: to the rules (on a validated copy: a change that breaks the schema is refused), or
   * to the per-document records (`rulesChanged` false: counts and ids the analysis made, changed
   * in place — a re-analysis of thousands of reports records one per report).
   */
  private mutate(fn: (d: RuleBookFile) => void, rulesChanged = true): void {
    if (this.readOnly) throw new AppError('store-read-only', 'the workspace is open read-only: rules cannot be changed');
    if (rulesChanged) {
      const copy = structuredClone(this.data);
      fn(copy);
      this.data = RuleBookFile.parse(copy);
      this.activeCache = null;
    } else fn(this.data);
    this.dirty = true;
    // written soon after a change even when no caller waits for it (an import's records: at most once a second)
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch((e: unknown) => this.onWriteError?.(e));
      }, rulesChanged ? 50 : 1000);
      this.timer.unref?.();
    }
  }

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** told when a background write fails (the next change or flush tries again) */
  onWriteError: ((e: unknown) => void) | null = null;
}

// (compared without serialising: a re-analysis of thousands of reports compares once per report)
function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function parseBook(text: string): RuleBookFile | null {
  try {
    const r = RuleBookFile.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A new rule id (random: two analysts' rules never share one). */
export function newRuleId(): string {
  return `r-${randomUUID()}`;
}

// the rule book of each open store (the importer reads it when it analyses a document)
const books = new WeakMap<WorkspaceStore, RuleBook>();

export function attachRuleBook(store: WorkspaceStore, book: RuleBook): void {
  books.set(store, book);
}

export function ruleBookOf(store: WorkspaceStore): RuleBook | null {
  return books.get(store) ?? null;
}
