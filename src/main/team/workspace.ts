/**
 * A team workspace on disk: every analyst's layers, read from the store v2 work folders of a
 * (synced) workspace, and the team's own files — each with one writer:
 *
 *   .report-annotator/work/<analystId>/<docId>.json          that analyst's work (the store writes mine)
 *   .report-annotator/team/analysts/<analystId>.json          that analyst's profile {id, name, updatedAt}
 *   .report-annotator/team/adjudicated/<analystId>/<docId>.json   that adjudicator's choices on a report
 *   .report-annotator/team/assignment/<analystId>.json        the assignment that analyst set last
 *
 * No file has two writers, so no lock across machines is needed; where two people set an
 * assignment or adjudicated one report, the one written last (its own time stamp) is taken.
 *
 * Teammates' files are read read-only and tolerantly: a file that is missing, half written,
 * damaged or from a newer app makes that analyst's layer empty for now (`unreadable`), never
 * an error; a file changes under us as it syncs, so each read is keyed by (mtime, size).
 * Work made on another version of the report (the teammate's copy of the source differed) is
 * carried to this machine's text by the store's re-anchoring (in memory; their file is theirs).
 * My own layer comes from the store (with changes not yet on disk).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type EffectiveFinding, effectiveFinding } from '../../core/document/effective';
import { AppError } from '../../core/errors';
import { AGREEMENT_FIGURES_VERSION, type AdjudicationItem, type AgreementReport, type AnalystLayer, type DocumentFiguresEntry, type DocumentLayers, type TagTranslation, adjudicationItems, assignReports, computeAgreement, documentFigures, flattenFigures, isReviewed, layerDocument } from '../../core/team';
import { type AdjudicationFileData, adjudicatedWork, latestAdjudication } from '../../core/team/adjudicated';
import { type Analyst, type CacheFile, CacheFile as CacheFileSchema, type DocumentFile, type Finding, Finding as FindingSchema, type Review, STORE_SCHEMA_VERSION, type Tag, type WorkFile, WorkFile as WorkFileSchema } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import { reconcileWork } from '../store/compose';
import { decodeCache } from '../store/cache-codec';
import { type SavedDocumentRef, decodeStoreFile } from '../store/decode';
import { STORE_DIR, docIdFromName } from '../store/layout';
import { parseConflictName } from '../../core/team/conflicts';
import { AgreementCache, LAYER_READ_VERSION } from './agreement-cache';
import { scanCacheForAgreement, scanWorkForAgreement } from './slim-work';

const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
export const isAnalystId = (s: string): boolean => SAFE_ID.test(s) && !s.includes('..');

/** The analyst id under which the adjudicated layer appears among layers (not a valid work folder name: no clash). */
export const ADJUDICATED = '~adjudicated';
/** thrown inside a warming's report when an agreement call started (warmAgreement catches it) */
const WARMING_STOPPED = new Error('warming stopped');

export interface AnalystProfile {
  id: string;
  name: string;
  updatedAt: string;
  /**
   * s7: the analyst's tags (their workspace taxonomy), so the tag ids in their reviews are named
   * as they named them on other machines (a tag id made on two machines may name two tags)
   */
  taxonomy?: Tag[];
}

export interface AssignmentFileData {
  schemaVersion: 1;
  setBy: { id: string; name: string };
  setAt: string;
  analysts: string[];
  overlap: number;
  manual: Record<string, string[]>;
}

/** One analyst's layer of one report, with what the UI shows about it. */
export interface LayerRead {
  analyst: string;
  name: string;
  isMe: boolean;
  /** the analyst's work file was made on another version of the text */
  otherVersion: boolean;
  unreadable: boolean;
  /** their document as they see it (derived findings + their manual ones, their reviews) */
  doc: DocumentFile;
  /** their reviewed findings, effective */
  reviewed: EffectiveFinding[];
}

export interface DocumentLayersRead {
  docId: string;
  text: string;
  /** the derived findings (detector + checks) on this machine */
  derived: Finding[];
  layers: LayerRead[];
}

type WorkRead = { ok: true; work: WorkFile } | { ok: false };


/** Reads a JSON file tolerantly: null when missing, 'bad' when unreadable. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'bad';
  }
}

/** temp file + rename (the temp name ends in .tmp: the .stignore keeps it out of sync) */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  await writeFile(tmp, JSON.stringify(value), { flush: true });
  await rename(tmp, path);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}

export class TeamWorkspace {
  readonly root: string;
  readonly workDir: string;
  readonly teamDir: string;
  /** per analyst: the doc ids of their work files (refreshed by `rescan`) */
  private folders: Map<string, Set<string>> | null = null;
  private readonly names = new Map<string, string>();
  /** per-report agreement figures kept between calls and sessions (machine-local, made on first use) */
  private figuresCache: AgreementCache | null = null;

  constructor(
    readonly dir: string,
    readonly store: WorkspaceStore,
    /** whose layer comes from the store (null: every layer from disk, as the CLI reads) */
    private readonly meId: () => string | null = () => store.analyst.id,
    /** the app's version: the agreement cache of another build is not used */
    private readonly appVersion = 'dev',
  ) {
    this.root = join(dir, STORE_DIR);
    this.workDir = join(this.root, 'work');
    this.teamDir = join(this.root, 'team');
  }

  get me(): Analyst {
    return this.store.analyst;
  }

  private isMe(id: string): boolean {
    return id === this.meId();
  }

  // ---------------------------------------------------------------- analysts

  /** Forgets the listing of the work folders (a file appeared or went). */
  invalidate(): void {
    this.folders = null;
  }

  /** analyst id → doc ids of their work files (conflict copies and temp files are not work files). */
  async workFolders(): Promise<Map<string, Set<string>>> {
    if (this.folders) return this.folders;
    const out = await this.listWorkFolders();
    this.folders = out;
    return out;
  }

  /** The work folders as they are now, not kept (`workFolders` keeps its listing until `invalidate`). */
  private async listWorkFolders(): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (const a of await listDir(this.workDir)) {
      if (!isAnalystId(a)) continue;
      const ids = new Set<string>();
      for (const n of await listDir(join(this.workDir, a))) {
        if (parseConflictName(n)) continue;
        const id = docIdFromName(n);
        if (id) ids.add(id);
      }
      out.set(a, ids);
    }
    const me = this.meId();
    if (me && !out.has(me)) out.set(me, new Set());
    return out;
  }

  /** Profiles written by each analyst's app (team/analysts/). */
  async profiles(): Promise<Map<string, AnalystProfile>> {
    const out = new Map<string, AnalystProfile>();
    const dir = join(this.teamDir, 'analysts');
    for (const n of await listDir(dir)) {
      const id = docIdFromName(n);
      if (!id) continue;
      const p = await readJson(join(dir, n));
      if (p && typeof p === 'object' && typeof (p as AnalystProfile).name === 'string' && (p as AnalystProfile).id === id) out.set(id, p as AnalystProfile);
    }
    return out;
  }

  /** Writes my profile (my name, for teammates' views), when it differs from what is there. */
  async writeMyProfile(now = new Date().toISOString()): Promise<void> {
    if (this.store.readOnly) return;
    const me = this.me;
    const file = join(this.teamDir, 'analysts', `${me.id}.json`);
    const p = await readJson(file);
    const taxonomy = this.store.workspace().taxonomy;
    if (p && typeof p === 'object' && (p as AnalystProfile).name === me.name && (p as AnalystProfile).id === me.id && JSON.stringify((p as AnalystProfile).taxonomy) === JSON.stringify(taxonomy)) return;
    await writeJsonAtomic(file, { id: me.id, name: me.name, updatedAt: now, taxonomy } satisfies AnalystProfile);
  }

  /**
   * s7: the tags to name the tag ids of an analyst's layer with: their own (their profile), then
   * this workspace's (an app before s7 published none). A tag id no taxonomy knows stays as it is.
   */
  async taxonomyFor(analyst: string, profiles?: Map<string, AnalystProfile>): Promise<Tag[]> {
    const local = this.store.workspace().taxonomy;
    if (this.isMe(analyst)) return local;
    const theirs = (profiles ?? (await this.profiles())).get(analyst)?.taxonomy;
    const out: Tag[] = [];
    const seen = new Set<string>();
    for (const list of [Array.isArray(theirs) ? theirs : [], local]) for (const t of list) {
      if (!t || typeof t.id !== 'string' || typeof t.name !== 'string' || seen.has(t.id)) continue;
      seen.add(t.id);
      out.push(t);
    }
    return out;
  }

  /**
   * s7: an analyst's tag ids → this machine's (the adjudicated layer takes reviews of several
   * analysts and is named by this machine's taxonomy): the tag of the same name here; a tag this
   * machine does not have is kept by its name (shown as it); where that name is another tag's
   * id here, as `id@analyst` — never another tag. An analyst whose app published no taxonomy
   * (before s7): their ids as they are.
   */
  async tagTranslation(): Promise<TagTranslation> {
    const local = this.store.workspace().taxonomy;
    const profiles = await this.profiles();
    const byId = new Map(local.map((t) => [t.id, t.name]));
    const byName = new Map<string, string>();
    for (const t of local) if (!byName.has(t.name)) byName.set(t.name, t.id);
    return (analyst, ids) => {
      const theirs = profiles.get(analyst)?.taxonomy;
      if (this.isMe(analyst) || ids.length === 0 || !Array.isArray(theirs)) return [...ids];
      return ids.map((id) => {
        const name = theirs.find((t) => t && t.id === id)?.name;
        if (typeof name !== 'string') return id;
        if (byId.get(id) === name) return id;
        return byName.get(name) ?? (byId.has(name) ? `${id}@${analyst}` : name);
      });
    };
  }

  /**
   * Every analyst with a work folder or a profile: id, display name, how many reports, last
   * activity. `activity: false` leaves lastActive null (it stats every work file: a quarter of
   * a second over 2,500 files; agreement does not show it).
   */
  async analysts(opts: { activity?: boolean } = {}): Promise<{ id: string; name: string; isMe: boolean; documents: number; lastActive: string | null }[]> {
    this.folders = null;
    const folders = await this.workFolders();
    const profiles = await this.profiles();
    const ids = new Set([...folders.keys(), ...profiles.keys()]);
    const out = [];
    for (const id of ids) {
      const docs = folders.get(id) ?? new Set<string>();
      let last = 0;
      if (opts.activity !== false) for (const d of docs) {
        const s = await stat(join(this.workDir, id, `${d}.json`)).catch(() => null);
        if (s && s.mtimeMs > last) last = s.mtimeMs;
      }
      out.push({ id, name: await this.nameOf(id, profiles), isMe: this.isMe(id), documents: docs.size, lastActive: last > 0 ? new Date(last).toISOString() : null });
    }
    return out.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  /** An analyst's display name: me, their profile, the name in one of their work files, or the id. */
  async nameOf(id: string, profiles?: Map<string, AnalystProfile>): Promise<string> {
    if (this.isMe(id)) return this.me.name;
    const p = (profiles ?? (await this.profiles())).get(id);
    if (p) return p.name;
    const known = this.names.get(id);
    if (known) return known;
    const docs = (await this.workFolders()).get(id);
    for (const d of docs ?? []) {
      const r = await this.readWork(id, d);
      if (r?.ok && r.work.analyst.name) {
        this.names.set(id, r.work.analyst.name);
        return r.work.analyst.name;
      }
    }
    return id;
  }

  // ---------------------------------------------------------------- work files

  /** A teammate's work file: null when there is none, {ok: false} when it cannot be read now (half written, damaged, newer). */
  async readWork(analyst: string, docId: string): Promise<WorkRead | null> {
    const file = join(this.workDir, analyst, `${docId}.json`);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' ? null : { ok: false };
    }
    const d = decodeStoreFile(bytes, 'work', WorkFileSchema);
    const value: WorkRead = d.ok && d.data.documentId === docId ? { ok: true, work: d.data } : { ok: false };
    if (value.ok && value.work.analyst.name) this.names.set(analyst, value.work.analyst.name);
    return value;
  }

  /** Per report two or more analysts have work files on (of `docIds`, or all): the analysts with one, sorted by id; in the workspace's order. */
  private async agreementCandidates(docIds?: readonly string[], background = false): Promise<{ id: string; sha256: string; analysts: string[] }[]> {
    // background (warming): neither flushes the store nor replaces the kept listing (a file arriving meanwhile would be missing from it until the watcher's invalidate); its figures are of the files on disk, under their fingerprints
    if (!background && !this.store.readOnly) await this.store.flush().catch(() => undefined); // the save state reports a failure; what is on disk is read
    let folders: Map<string, Set<string>>;
    if (background) folders = await this.listWorkFolders();
    else {
      this.folders = null;
      folders = await this.workFolders();
    }
    const byDoc = new Map<string, string[]>();
    for (const [a, docs] of folders) for (const d of docs) (byDoc.get(d) ?? byDoc.set(d, []).get(d)!).push(a);
    const wanted = docIds ? new Set(docIds) : null;
    return this.store
      .workspace()
      .documents.filter((m) => (!wanted || wanted.has(m.id)) && (byDoc.get(m.id)?.length ?? 0) >= 2)
      .map((m) => ({ id: m.id, sha256: m.sha256, analysts: byDoc.get(m.id)!.sort() }));
  }

  /**
   * Every analyst's layer of every report two or more analysts have work files on, as
   * agreement takes it, read from the files (mine too: my changes are flushed first). Nothing
   * is kept: what `agreement` computes from scratch (the CLI reads this way; the tests compare).
   */
  async agreementDocuments(docIds?: readonly string[]): Promise<DocumentLayers[]> {
    const out: DocumentLayers[] = [];
    let n = 0;
    for (const c of await this.agreementCandidates(docIds)) {
      const d = await this.agreementDocument(c.id, c.analysts, { cacheable: true });
      if (d && d.layers.length >= 2) out.push(d);
      if (++n % 16 === 0) await new Promise((r) => setImmediate(r)); // the reads are synchronous: let other requests in
    }
    return out;
  }

  /**
   * Pairwise agreement over the workspace (or `docIds`), analysts in the order of `names`: the
   * same report as `computeAgreement(await this.agreementDocuments(docIds), names, opts)`, with
   * each report's figures kept in a machine-local cache (./agreement-cache.ts) under the
   * fingerprint of the files they came from — a report whose files did not change is neither
   * read nor matched again, in this session or the next.
   */
  async agreement(names: readonly string[], opts: { docIds?: readonly string[]; perDocumentKinds?: 'every' | 'all' } = {}): Promise<{ report: AgreementReport; documents: number; fromCache: number }> {
    // a warming still running stops at its next report: this call takes over (what it did is in the cache)
    this.agreementCalls++;
    this.agreementRunning++;
    try {
      return await this.agreementNow(names, opts);
    } finally {
      this.agreementRunning--;
    }
  }

  private async agreementNow(names: readonly string[], opts: { docIds?: readonly string[]; perDocumentKinds?: 'every' | 'all' }): Promise<{ report: AgreementReport; documents: number; fromCache: number }> {
    const cache = this.agreementCache();
    const rank = new Map(names.map((n, i) => [n, i]));
    const entries: DocumentFiguresEntry[] = [];
    let fromCache = 0;
    let n = 0;
    const candidates = await this.agreementCandidates(opts.docIds);
    const scratch = new FileReads();
    for (const c of candidates) {
      if (++n % 16 === 0) await new Promise((r) => setImmediate(r)); // the reads are synchronous: let other requests in
      const got = await this.reportFigures(cache, c, names, rank, scratch);
      if (got.fromCache) fromCache++;
      if (got.entry) entries.push(got.entry);
    }
    if (!opts.docIds) cache.retain(new Set(this.store.workspace().documents.map((m) => m.id)));
    const report = computeAgreement(entries, names, { perDocumentKinds: opts.perDocumentKinds });
    this.lastSave = cache.save();
    return { report, documents: entries.length, fromCache };
  }

  private agreementCache(): AgreementCache {
    return (this.figuresCache ??= AgreementCache.in(join(this.root, 'cache'), resolve(this.dir), this.appVersion, !this.store.readOnly));
  }

  /** One report's figures: from the cache under the files' fingerprint, or read and matched (and kept in the cache when they may be). */
  /** `fromCache`: nothing was read (what warming counts as not computed) */
  /** `pause` (warming): awaited between the report's files and before its matching, to let other work in */
  /** `scratch`: the caller's own (its buffers are reused report after report) */
  private async reportFigures(cache: AgreementCache, c: { id: string; sha256: string; analysts: string[] }, names: readonly string[], rank: ReadonlyMap<string, number>, scratch: FileReads, background = false, pause?: () => Promise<void>): Promise<{ entry: DocumentFiguresEntry | null; fromCache: boolean }> {
    // taken before anything is read: a file that changes meanwhile gives another fingerprint next time, so figures read from a newer file are never used.
    // Nothing kept for the report (the first session): no fingerprint can hit, so each file is opened once, its stamp taken from the
    // open file and its bytes read from it (one open and fstat per file instead of a stat, then an open and fstat to read it)
    const reads = cache.has(c.id) ? undefined : scratch.next();
    const fp = this.fingerprint(c.id, c.sha256, c.analysts, rank, reads);
    if (fp !== null) {
      const hit = cache.get(c.id, fp, c.analysts, rank);
      if (hit !== undefined) return { entry: hit ? { docId: c.id, flat: hit, strings: cache.strings.list } : null, fromCache: true };
    }
    // warming keeps only what can be cached, and never goes through the store (a report it holds in memory is the call's to read)
    if (background && fp === null) return { entry: null, fromCache: true };
    const state = { cacheable: fp !== null };
    const d = await this.agreementDocument(c.id, c.analysts, state, background, pause, reads);
    if (!d) return { entry: null, fromCache: false };
    await pause?.();
    const figures = d.layers.length >= 2 ? documentFigures(d.layers, names) : null;
    const flat = figures && flattenFigures(figures, cache.strings);
    if (state.cacheable && (flat || !figures)) cache.set(c.id, fp!, flat);
    if (flat) return { entry: { docId: c.id, flat, strings: cache.strings.list }, fromCache: false };
    return { entry: figures ? { docId: c.id, figures } : null, fromCache: false };
  }

  /** agreement calls started / running: a warming stops when one started since it began or one runs (the call computes what is left) */
  private agreementCalls = 0;
  private agreementRunning = 0;

  /**
   * Fills the agreement cache in the background after the workspace opened (the first session on
   * a machine has no cache: the first agreement call would read and match every work file): one
   * report at a time, yielding to the event loop (setImmediate) once a slice of WARM_SLICE_MS is
   * used, so requests keep being answered. Stops when `cancelled()` (the workspace closed) or an
   * agreement call starts (it takes what is done from the cache and computes the rest itself).
   * The figures are the ones an agreement call computes, under the same fingerprints: the cache
   * is what such a call would have left. Returns how many reports it computed and whether it
   * went through all of them; the cache is saved when it did.
   */
  async warmAgreement(names: readonly string[], cancelled: () => boolean = () => false): Promise<{ computed: number; complete: boolean }> {
    const calls = this.agreementCalls;
    const callStarted = (): boolean => this.agreementCalls !== calls || this.agreementRunning > 0;
    const stop = (): boolean => callStarted() || cancelled();
    const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r));
    await yieldNow();
    if (stop()) return { computed: 0, complete: false };
    const cache = this.agreementCache();
    const rank = new Map(names.map((n, i) => [n, i]));
    const candidates = await this.agreementCandidates(undefined, true);
    const scratch = new FileReads();
    let computed = 0;
    let slice = performance.now();
    // between reports, and between the files of one report (one report is a few ms, the first ones before the code is
    // optimised and under load ten times that). A call that started meanwhile takes over: the report under way is dropped
    // (not kept, not counted) — the call reads it itself, so nothing is done twice and the cache never holds a report the
    // call did not see there
    const breathe = async (): Promise<void> => {
      if (performance.now() - slice >= TeamWorkspace.WARM_SLICE_MS) {
        await yieldNow();
        slice = performance.now();
      }
      if (callStarted()) throw WARMING_STOPPED;
    };
    try {
      for (const c of candidates) {
        await breathe();
        if (stop()) return { computed, complete: false };
        if (!(await this.reportFigures(cache, c, names, rank, scratch, true, breathe)).fromCache) computed++;
      }
    } catch (e) {
      if (e === WARMING_STOPPED) return { computed, complete: false };
      throw e;
    }
    if (stop()) return { computed, complete: false };
    cache.retain(new Set(this.store.workspace().documents.map((m) => m.id)));
    this.lastSave = cache.save();
    await this.lastSave;
    return { computed, complete: true };
  }

  /** false: every work file read in full for agreement (the tests' reference for ./slim-work.ts) */
  static SLIM_WORK_READ = true;

  /** the longest stretch warming runs before it lets other work in (one report may take longer) */
  static WARM_SLICE_MS = 8;

  private lastSave: Promise<void> = Promise.resolve();

  /** Settles when the agreement cache written after the last call is on disk (rejects when it could not be written). */
  agreementCacheSaved(): Promise<void> {
    return this.lastSave;
  }

  /** Writes the agreement cache now if a write was deferred (the workspace closes). */
  flushAgreementCache(): Promise<void> {
    return this.figuresCache?.flush() ?? Promise.resolve();
  }

  /** What the agreement cache found on disk when it was first read (tests, bench). */
  agreementCacheState(): AgreementCache['loadState'] {
    return this.figuresCache?.loadState ?? 'none';
  }

  /**
   * The fingerprint of a report's figures: the versions, the analysts' order, the report's
   * derived-data file and each analyst's work file on it (path, inode, size, mtime, ctime).
   * Null when the report is held by the store in memory (its derived data may not be the file's).
   */
  /** `reads`: the files are opened, stamped from the open file and read (their bytes kept there for agreementDocument) */
  private fingerprint(docId: string, sha: string, analysts: readonly string[], rank: ReadonlyMap<string, number>, reads?: FileReads): string | null {
    const ref = this.store.savedDocumentFile(docId);
    if (!ref) return null;
    const stamp = reads ? (file: string): string => readStamped(file, reads) : fileStamp;
    const order = analysts.filter((a) => rank.has(a)).sort((x, y) => rank.get(x)! - rank.get(y)!);
    const parts = [`${AGREEMENT_FIGURES_VERSION}.${LAYER_READ_VERSION}`, sha, order.join(','), stamp((JSON.parse(ref) as SavedDocumentRef).cache)];
    for (const a of analysts) parts.push(a, stamp(join(this.workDir, a, `${docId}.json`)));
    return parts.join('|');
  }

  /**
   * One report's layers for agreement (null when its derived data is not on this machine).
   * `state.cacheable` is cleared when what was read cannot be kept under the files' fingerprint:
   * a layer that cannot be read now (arriving, damaged: the next call tries again), or derived
   * data that came through the store (held in memory, recovered or migrated).
   */
  /** `reads`: files read already (with their fingerprint), taken from there rather than read again */
  private async agreementDocument(docId: string, analysts: string[], state: { cacheable: boolean }, background = false, pause?: () => Promise<void>, reads?: FileReads): Promise<DocumentLayers | null> {
    const layers: AnalystLayer[] = [];
    let derived: Map<string, Finding> | null = null;
    let cacheLike: CacheFile | null = null;
    /** cacheLike was read without its text */
    let textless = false;
    /**
     * The derived data with its text: from its saved file, or (held in memory, recovered, migrated) through the store —
     * not kept under the fingerprint then. Null: the report does not count now (not on this machine yet; warming leaves it to a call).
     */
    const withText = async (): Promise<CacheFile | null> => {
      const saved = this.savedCache(docId, false, reads);
      if (saved) return saved;
      state.cacheable = false;
      if (background) return null;
      let doc: DocumentFile;
      try {
        doc = await this.store.readDocument(docId);
      } catch (e) {
        if (e instanceof AppError) return null; // not on this machine yet, or its derived data unreadable
        throw e;
      }
      const ds = doc.findings.filter((f) => f.origin !== 'manual');
      return { schemaVersion: STORE_SCHEMA_VERSION, id: docId, sha256: doc.sha256, analyzer: '', sliced: false, text: doc.text, findings: ds };
    };
    const shared: SharedSlims = new Map();
    for (const a of analysts) {
      await pause?.();
      const file = join(this.workDir, a, `${docId}.json`);
      const bytes = reads?.has(file) ? reads.get(file)! : readBytes(file);
      if (bytes === null) continue;
      // the agreement part only (./slim-work.ts); where the scan is not sure, the full read decides
      const slimWork = bytes !== 'bad' && TeamWorkspace.SLIM_WORK_READ ? scanWorkForAgreement(bytes, docId) : null;
      const fullRead: WorkRead | null = slimWork ? null : bytes === 'bad' ? { ok: false } : readWorkLight(bytes, docId);
      const r = slimWork ? { ok: true as const, work: slimWork } : fullRead;
      if (!r) continue;
      if (!r.ok) {
        state.cacheable = false;
        continue;
      }
      if (!derived) {
        cacheLike = this.savedCache(docId, true, reads);
        textless = cacheLike !== null;
        cacheLike ??= await withText();
        if (!cacheLike) return null;
        derived = new Map(cacheLike.findings.map((f) => [f.id, f]));
      }
      // work made on another text is carried to this one (the spans' texts are needed for that: filled back first)
      let work: { findings: Finding[]; reviews: Record<string, Pick<Review, 'status' | 'fields'>> | ReadonlyMap<string, Pick<Review, 'status' | 'fields'>> };
      if (r.work.sha256 === cacheLike!.sha256) work = r.work;
      else {
        // re-anchoring takes the whole file (anchors, orphans): read in full
        const full = slimWork && bytes !== 'bad' ? readWorkLight(bytes, docId) : fullRead;
        if (!full?.ok) {
          state.cacheable = false;
          continue;
        }
        if (textless) {
          // re-anchoring reads the text: the derived data decoded in full
          cacheLike = await withText();
          if (!cacheLike) return null;
          textless = false;
        }
        work = reconcileWork(decodeCache(cacheLike!), full.work);
      }
      const manual = new Map(work.findings.map((f) => [f.id, f]));
      const findings = reviewedOf({ reviews: work.reviews, manual }, derived).map((e) => slim(e, manual.has(e.id) ? null : shared));
      if (findings.length > 0) layers.push({ analyst: a, findings });
    }
    return { docId, layers };
  }

  /**
   * The report's derived data read straight from its saved cache file, for agreement: the store
   * would load it with my work and keep it (a whole workspace's reports at once), when agreement
   * needs only the findings' ids, spans, kinds, units and values. The spans' texts stay blanked
   * (`sliced`) unless work must be re-anchored. Null when the store holds the report in memory
   * (changes not yet saved) or the file does not decode plainly (damaged, older): the caller
   * then goes through the store, which recovers, migrates and reports as usual.
   */
  private savedCache(docId: string, withoutText = false, reads?: FileReads): CacheFile | null {
    const ref = this.store.savedDocumentFile(docId);
    if (!ref) return null;
    const file = (JSON.parse(ref) as SavedDocumentRef).cache;
    const got = reads?.has(file) ? reads.get(file)! : readBytes(file);
    if (got === null || got === 'bad') return null;
    const bytes = got;
    // `withoutText`: the text left out where the file is in the store's exact form (./slim-work.ts), else decoded in full
    let c = withoutText && TeamWorkspace.SLIM_WORK_READ ? scanCacheForAgreement(bytes, docId) : null;
    if (!c) {
      const d = decodeStoreFile(bytes, 'cache', CacheFileSchema);
      if (!d.ok || d.migratedFrom !== null || d.data.id !== docId) return null;
      c = d.data;
    }
    return c.findings.some((f) => f.origin === 'manual') ? { ...c, findings: c.findings.filter((f) => f.origin !== 'manual') } : c;
  }

  // ---------------------------------------------------------------- layers

  /** The analysts with a work file on `docId` (me first when I have one). */
  async analystsOn(docId: string): Promise<string[]> {
    const folders = await this.workFolders();
    const out: string[] = [];
    for (const [a, docs] of folders) if (docs.has(docId) || (this.isMe(a) && this.store.hasDocument(docId))) out.push(a);
    return out.sort((x, y) => Number(this.isMe(y)) - Number(this.isMe(x)) || (x < y ? -1 : 1));
  }

  /**
   * Every analyst's layer of one report. `only` limits the analysts read; `withMe` includes my
   * layer even when I have not touched the report (an empty layer).
   */
  async documentLayers(docId: string, opts: { only?: readonly string[]; withMe?: boolean } = {}): Promise<DocumentLayersRead> {
    const mine = await this.store.readDocument(docId);
    const derived = mine.findings.filter((f) => f.origin !== 'manual');
    const cacheLike: CacheFile = { schemaVersion: STORE_SCHEMA_VERSION, id: docId, sha256: mine.sha256, analyzer: '', sliced: false, text: mine.text, findings: derived };
    const byId = new Map<string, Finding>();
    for (const f of derived) byId.set(f.id, f);
    let analysts = opts.only ? [...opts.only] : await this.analystsOn(docId);
    const me = this.meId();
    if (opts.withMe && me && !analysts.includes(me)) analysts = [me, ...analysts];
    const layers: LayerRead[] = [];
    const profiles = await this.profiles();
    for (const a of analysts) {
      const name = await this.nameOf(a, profiles);
      if (this.isMe(a)) {
        layers.push({ analyst: a, name, isMe: true, otherVersion: false, unreadable: false, doc: mine, reviewed: reviewedOf({ reviews: mine.reviews, manual: manualOf(mine) }, byId) });
        continue;
      }
      const r = await this.readWork(a, docId);
      if (!r) continue;
      if (!r.ok) {
        const doc = layerDocument(mine, derived, { reviews: {}, manualFindings: [], orphans: [] });
        layers.push({ analyst: a, name, isMe: false, otherVersion: false, unreadable: true, doc, reviewed: [] });
        continue;
      }
      const otherVersion = r.work.sha256 !== mine.sha256;
      const work = otherVersion ? reconcileWork(cacheLike, r.work) : r.work;
      const doc = layerDocument(mine, derived, { reviews: work.reviews, manualFindings: work.findings, orphans: work.orphans });
      layers.push({ analyst: a, name, isMe: false, otherVersion, unreadable: false, doc, reviewed: reviewedOf({ reviews: doc.reviews, manual: manualOf(doc) }, byId) });
    }
    return { docId, text: mine.text, derived, layers };
  }

  /** The layers as core/team's agreement and adjudication take them. */
  static agreementLayers(read: DocumentLayersRead): DocumentLayers {
    return { docId: read.docId, layers: read.layers.map((l): AnalystLayer => ({ analyst: l.analyst, findings: l.reviewed })) };
  }

  /**
   * Every report two or more analysts have work files on, with their layers (for agreement);
   * `docIds` limits the reports. Reports only one analyst touched are not read at all.
   */
  async *sharedDocuments(docIds?: readonly string[]): AsyncGenerator<DocumentLayersRead> {
    this.folders = null;
    const folders = await this.workFolders();
    const me = this.meId();
    const counts = new Map<string, number>();
    for (const [a, docs] of folders) {
      if (a === me) continue;
      for (const d of docs) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const indexed = this.store.workspace().documents.map((d) => d.id);
    const wanted = docIds ? new Set(docIds) : null;
    for (const id of indexed) {
      if (wanted && !wanted.has(id)) continue;
      const others = counts.get(id) ?? 0;
      // mine counts when I reviewed anything there (my file, or unsaved work in the store)
      const mineToo = me !== null && (folders.get(me)?.has(id) ?? false) ? 1 : 0;
      if (others + mineToo < 2) continue;
      if (!this.store.hasDocument(id)) continue;
      try {
        yield await this.documentLayers(id);
      } catch (e) {
        // a report whose derived data this machine cannot read (not imported here yet, damaged)
        if (e instanceof AppError) continue;
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- adjudication

  adjudicationFile(adjudicator: string, docId: string): string {
    return join(this.teamDir, 'adjudicated', adjudicator, `${docId}.json`);
  }

  /** Every adjudicator's file on the report (readable ones). */
  async adjudications(docId: string): Promise<AdjudicationFileData[]> {
    const out: AdjudicationFileData[] = [];
    for (const a of await listDir(join(this.teamDir, 'adjudicated'))) {
      if (!isAnalystId(a)) continue;
      const d = await readJson(this.adjudicationFile(a, docId));
      if (isAdjudicationFile(d, docId) && d.adjudicator.id === a) out.push(d);
    }
    return out;
  }

  /** The adjudication shown for a report: the one updated last, or null. */
  async adjudication(docId: string): Promise<AdjudicationFileData | null> {
    return latestAdjudication(await this.adjudications(docId));
  }

  /** My adjudication file of the report (null when I have none; a damaged one is refused so it is never overwritten unread). */
  async myAdjudication(docId: string): Promise<AdjudicationFileData | null> {
    const d = await readJson(this.adjudicationFile(this.me.id, docId));
    if (d === null) return null;
    if (!isAdjudicationFile(d, docId)) throw new AppError('store-corrupt', `Your adjudication file of report ${docId} cannot be read; it was left as it is.`, { docId });
    return d;
  }

  async writeMyAdjudication(data: AdjudicationFileData): Promise<void> {
    if (this.store.readOnly) throw new AppError('store-read-only', 'The workspace is open read-only.');
    await writeJsonAtomic(this.adjudicationFile(this.me.id, data.documentId), data);
  }

  /** Items of the adjudication queue of a report (the analysts' layers, the adjudicated layer left out). */
  async adjudicationItems(docId: string): Promise<{ read: DocumentLayersRead; items: AdjudicationItem[] }> {
    const read = await this.documentLayers(docId);
    return { read, items: adjudicationItems(TeamWorkspace.agreementLayers(read).layers) };
  }

  /** The adjudicated layer's work of a report (live agreement + frozen choices), or null when fewer than two analysts worked on it and nobody adjudicated it. */
  /** `tags`: the translation to use (an export over many reports makes it once: it reads every profile) */
  async adjudicatedLayer(docId: string, tags?: TagTranslation): Promise<{ work: ReturnType<typeof adjudicatedWork>; by: string | null } | null> {
    const { read, items } = await this.adjudicationItems(docId);
    const file = await this.adjudication(docId);
    const participants = read.layers.filter((l) => l.reviewed.length > 0).length;
    if (!file && participants < 2) return null;
    const by = file?.adjudicator.name ?? 'adjudicated';
    return { work: adjudicatedWork(items, file, by, file?.updatedAt ?? new Date(0).toISOString(), tags ?? (await this.tagTranslation())), by: file?.adjudicator.id ?? null };
  }

  // ---------------------------------------------------------------- assignment

  assignmentFile(analyst: string): string {
    return join(this.teamDir, 'assignment', `${analyst}.json`);
  }

  /** The assignment set last by anyone (each analyst writes only their own file). */
  async assignment(): Promise<AssignmentFileData | null> {
    const files: AssignmentFileData[] = [];
    const dir = join(this.teamDir, 'assignment');
    for (const n of await listDir(dir)) {
      const id = docIdFromName(n);
      if (!id) continue;
      const d = await readJson(join(dir, n));
      if (isAssignmentFile(d) && d.setBy.id === id) files.push(d);
    }
    let best: AssignmentFileData | null = null;
    for (const f of files) if (!best || f.setAt > best.setAt || (f.setAt === best.setAt && f.setBy.id > best.setBy.id)) best = f;
    return best;
  }

  async setAssignment(a: Omit<AssignmentFileData, 'schemaVersion' | 'setBy' | 'setAt'>, now = new Date().toISOString()): Promise<AssignmentFileData> {
    if (this.store.readOnly) throw new AppError('store-read-only', 'The workspace is open read-only.');
    const data: AssignmentFileData = { schemaVersion: 1, setBy: { id: this.me.id, name: this.me.name }, setAt: now, analysts: a.analysts, overlap: a.overlap, manual: a.manual };
    await writeJsonAtomic(this.assignmentFile(this.me.id), data);
    return data;
  }

  /** The plan of an assignment over the workspace's reports. */
  plan(a: AssignmentFileData | null): ReturnType<typeof assignReports> | null {
    if (!a) return null;
    return assignReports({ docIds: this.store.workspace().documents.map((d) => d.id), analysts: a.analysts, overlap: a.overlap, manual: a.manual });
  }
}

/** The reviewed findings of a layer, effective, in reading order (reviews whose finding is neither derived nor the analyst's manual one are left out). */
function reviewedOf(layer: { reviews: Record<string, Pick<Review, 'status' | 'fields'>> | ReadonlyMap<string, Pick<Review, 'status' | 'fields'>>; manual: Map<string, Finding> }, derivedById: Map<string, Finding>): EffectiveFinding[] {
  const out: EffectiveFinding[] = [];
  const reviews = layer.reviews instanceof Map ? layer.reviews : new Map(Object.entries(layer.reviews));
  for (const [id, review] of reviews) {
    if (review.status === 'suggested') continue;
    const f = layer.manual.get(id) ?? derivedById.get(id);
    if (!f) continue;
    // effectiveFinding reads a review's status and fields only (agreement's slim() drops the review it keeps)
    const e = effectiveFinding(f, review as Review);
    if (isReviewed(e)) out.push(e);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * A reviewed finding as agreement reads it (core/team/agreement: id, type, kind, status, span,
 * and a figure's unit and value): the layers of a whole workspace are kept between calls, and
 * the full findings would keep every report's span texts and review records alive.
 */
/** a report's slim derived findings by status, then id (two look-ups rather than a key string made per finding) */
type SharedSlims = Map<string, Map<string, EffectiveFinding>>;

function slim(e: EffectiveFinding, shared: SharedSlims | null): EffectiveFinding {
  // a derived finding (`shared` given: the report's, not the analyst's manual one) the analyst did not correct is the same
  // slim object in every layer that gave it the same status (a workspace's layers are kept: fewer objects to keep and collect)
  let byId: Map<string, EffectiveFinding> | undefined;
  if (shared !== null && e.original === null) {
    byId = shared.get(e.status);
    if (!byId) shared.set(e.status, (byId = new Map()));
    const hit = byId.get(e.id);
    if (hit) return hit;
  }
  const d = e.data as { unit?: string | null; value?: number | null };
  const data = (e.type === 'figure' ? { unit: d.unit ?? null, value: d.value ?? null } : NO_DATA) as EffectiveFinding['data'];
  const out: EffectiveFinding = { id: e.id, type: e.type, origin: e.origin, kind: e.kind, data, original: null, status: e.status, review: null, start: e.start, end: e.end };
  byId?.set(e.id, out);
  return out;
}

const NO_DATA = Object.freeze({});

/** A file's identity for the agreement cache: inode, size, mtime and ctime (ns), or 'none'. */
function fileStamp(file: string): string {
  let st: import('node:fs').BigIntStats | undefined;
  try {
    st = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  return st && st.isFile() ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : 'none';
}

/**
 * One report's files read with their fingerprint: path → bytes, null when missing (or a folder),
 * 'bad' when it could not be read. The bytes are views of buffers reused report after report
 * (each agreement call and each warming has its own FileReads): they are decoded into strings and
 * objects of their own before the next report, never kept.
 */
class FileReads extends Map<string, Buffer | null | 'bad'> {
  private readonly slots: Buffer[] = [];
  private used = 0;

  /** the next report: its files are forgotten, their buffers reused */
  next(): this {
    this.clear();
    this.used = 0;
    return this;
  }

  /** a buffer of `size` bytes for the report's next file */
  buffer(size: number): Buffer {
    let b = this.slots[this.used];
    if (!b || b.length < size) this.slots[this.used] = b = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024));
    this.used++;
    return b.subarray(0, size);
  }
}

/**
 * fileStamp of a file taken from the open file, whose bytes are then read from it into `reads`
 * (as readBytes reads them): the same stamp as fileStamp's, of the very file whose bytes are read.
 */
function readStamped(file: string, reads: FileReads): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    reads.set(file, code === 'ENOENT' || code === 'EISDIR' ? null : 'bad');
    return 'none';
  }
  try {
    let st: import('node:fs').BigIntStats;
    try {
      st = fstatSync(fd, { bigint: true });
    } catch {
      reads.set(file, 'bad');
      return 'none';
    }
    if (!st.isFile()) {
      // a folder (readBytes: EISDIR); anything else is read as readFileSync reads it
      reads.set(file, st.isDirectory() ? null : readBytes(file));
      return 'none';
    }
    reads.set(file, readAll(fd, Number(st.size), reads));
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } finally {
    closeSync(fd);
  }
}

/** the bytes of an open regular file of `size` bytes (fewer if it shrank meanwhile; as readFileSync, what it had at the fstat), or 'bad' */
function readAll(fd: number, size: number, reads: FileReads): Buffer | 'bad' {
  try {
    const buf = reads.buffer(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, null);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } catch {
    return 'bad';
  }
}

const STATUS = new Set(['suggested', 'accepted', 'rejected', 'corrected']);

/**
 * A file's bytes read synchronously (a few kB; the caller yields between reports: the
 * asynchronous read's round trips cost more CPU than the read): null when missing (or a
 * folder), 'bad' when it cannot be read now.
 */
function readBytes(file: string): Buffer | null | 'bad' {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EISDIR' ? null : 'bad';
  }
}

/**
 * A work file read in full for agreement (where ./slim-work.ts is not sure, and for
 * re-anchoring), checking what agreement reads (the ids, the text hash, each review's status,
 * fields and time; manual findings against the schema) rather than every field of the file: a
 * whole workspace's files are read at once, and the full check of 10,000 files took longer than
 * the agreement itself. A file of another schema version goes through the store's decoder
 * (migrations).
 */
export function readWorkLight(bytes: Buffer, docId: string): WorkRead {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false };
  }
  const w = raw as WorkFile;
  if (!w || typeof w !== 'object' || w.schemaVersion !== STORE_SCHEMA_VERSION) {
    const d = decodeStoreFile(bytes, 'work', WorkFileSchema);
    return d.ok && d.data.documentId === docId ? { ok: true, work: d.data } : { ok: false };
  }
  if (w.documentId !== docId || typeof w.sha256 !== 'string' || !Array.isArray(w.findings) || !w.reviews || typeof w.reviews !== 'object' || Array.isArray(w.reviews)) return { ok: false };
  if (!Array.isArray(w.orphans)) w.orphans = [];
  for (const id in w.reviews) {
    const r = w.reviews[id] as Partial<Review> | null;
    if (!r || typeof r !== 'object' || !STATUS.has(r.status as string) || typeof r.updatedAt !== 'string' || (r.fields !== undefined && (typeof r.fields !== 'object' || r.fields === null || Array.isArray(r.fields)))) return { ok: false };
    r.fields ??= {};
  }
  for (const f of w.findings) if (!FindingSchema.safeParse(f).success) return { ok: false };
  return { ok: true, work: w };
}

const manualOf = (doc: DocumentFile): Map<string, Finding> => new Map(doc.findings.filter((f) => f.origin === 'manual').map((f) => [f.id, f]));

function isAdjudicationFile(d: unknown, docId: string): d is AdjudicationFileData {
  if (!d || typeof d !== 'object') return false;
  const x = d as AdjudicationFileData;
  return x.schemaVersion === 1 && x.documentId === docId && typeof x.updatedAt === 'string' && !!x.adjudicator && typeof x.adjudicator.id === 'string' && typeof x.choices === 'object' && !!x.choices && !!x.work && typeof x.work.reviews === 'object' && Array.isArray(x.work.manualFindings);
}

function isAssignmentFile(d: unknown): d is AssignmentFileData {
  if (!d || typeof d !== 'object') return false;
  const x = d as AssignmentFileData;
  return x.schemaVersion === 1 && typeof x.setAt === 'string' && !!x.setBy && typeof x.setBy.id === 'string' && Array.isArray(x.analysts) && x.analysts.every((a) => typeof a === 'string') && typeof x.overlap === 'number' && typeof x.manual === 'object' && x.manual !== null;
}
