/**
 * The team methods of the API (src/core/api.ts, `// team:` block) over the open workspace:
 * layers, agreement, adjudication, assignment (src/main/team/workspace.ts reads and writes
 * the files, one writer each) and sharing through the local Syncthing (src/main/team/syncthing.ts).
 *
 * While a workspace is open (`attach`), the service also keeps it in sync hygiene:
 * - writes its `.stignore` (lock, temp files, the derived cache and backups stay home);
 * - writes my profile (my name for teammates' views);
 * - asks the local Syncthing, when it shares this folder, to scan each work file right after
 *   the store wrote it (the watcher alone takes ~1 s median, 3 s max);
 * - merges Syncthing's conflict copies of my own work files (one analyst on two machines) into
 *   the work through the store, by review time with the history kept, and raises a notice;
 * - watches the shared folders and pushes `teamChanged` when a teammate's file arrives.
 */
import { type Stats, statSync } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import { platform } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ApiEventName } from '../../core/api';
import type { AnalystWork } from '../../core/document/build';
import { countFindings } from '../../core/document/counts';
import type { EffectiveFinding } from '../../core/document/effective';
import { byReadingOrder } from '../../core/document/findings';
import { AppError } from '../../core/errors';
import { type AgreementMeasure, type AdjudicationItem, agreementMatrix } from '../../core/team';
import { type AdjudicationFileData, applyChoice, emptyAdjudication, isStale } from '../../core/team/adjudicated';
import type { AdjudicationItemView, AdjudicationQueueView, AssignmentView, TeamDecision, TeamLayersView, TeamStatusView } from '../../core/team/api';
import { AGREEMENT_MEASURES } from '../../core/team/api';
import { mergeWork } from '../../core/team/conflicts';
import { OffsetMap, cpSlice } from '../../core/text';
import { STORE_SCHEMA_VERSION, type CacheFile, WorkFile } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import { reconcileWork } from '../store/compose';
import { decodeStoreFile } from '../store/decode';
import { defaultFolderId } from '../cli/team';
import { SyncthingClient, SyncthingError, writeStignore } from '../team/syncthing';
import { type TeamChange, TeamWatcher } from '../team/watch';
import { TeamWorkspace, isAnalystId } from '../team/workspace';
import type { Handlers, Logger } from './dispatch';
import type { Identity } from './identity';
import type { UiNotice } from './notices';

type TeamMethod = Extract<keyof Handlers, `team${string}`>;
export type TeamHandlers = Pick<Handlers, TeamMethod>;

/** What the service needs of the open workspace (backend.ts's OpenWorkspace). */
export interface TeamHost {
  store: WorkspaceStore;
  dir: string;
  isSample: boolean;
  notices: UiNotice[];
  /** the reading of new and changed report files after the open (the backend's): warming the agreement cache waits for it, not to slow it down */
  refresh?: Promise<void>;
}

export interface TeamServiceOptions {
  /** the open workspace (opened on first use) */
  workspace(): Promise<TeamHost>;
  emit(name: ApiEventName, payload: unknown): void;
  /** pushes the workspace view again (after a notice was added) */
  announceNotices(host: TeamHost): void;
  log: Logger;
  /** this analyst */
  identity(): Promise<Identity>;
  /** makes `id` this machine's analyst id and reopens the workspace under it */
  adoptIdentity(id: string, name: string): Promise<Identity>;
  /** the local Syncthing (default: from its config.xml); tests pass their instance */
  syncthing?: () => Promise<SyncthingClient>;
  /** teammates' work names reports this machine has not listed yet: look at the folder's reports again */
  sourcesChanged?: () => void;
  /** the app's version (the machine-local agreement cache of another build is not used) */
  appVersion?: string;
  /** false: no background warming of the agreement cache after the open (default on) */
  warmAgreement?: boolean;
  /** ms between a burst of file events and teamChanged (default 30) */
  debounceMs?: number;
}

interface Attached {
  host: TeamHost;
  team: TeamWorkspace;
  watcher: TeamWatcher;
  unlisten: () => void;
  /** Syncthing's folder id of this workspace, when it shares it (looked up at most every 30 s) */
  folder: { id: string | null; at: number } | null;
  merging: Promise<void>;
  /** the agreement cache being filled in the background after the open (TeamWorkspace.warmAgreement); settles when done or stopped */
  warming: Promise<void>;
  /** my work files as this app wrote them last (doc id → inode:size:mtime of the last few versions), to tell another computer's version from mine */
  ownWrites: Map<string, string[]>;
  /** reports named by teammates' work that were not listed here (asked for a new listing once each) */
  unknown: Set<string>;
}

const FOLDER_TTL_MS = 30_000;

export class TeamService {
  private attached: Attached | null = null;
  readonly handlers: TeamHandlers;

  constructor(private readonly opts: TeamServiceOptions) {
    this.handlers = this.makeHandlers();
  }

  private syncthing(): Promise<SyncthingClient> {
    return this.opts.syncthing ? this.opts.syncthing() : SyncthingClient.local({ timeoutMs: 3000 });
  }

  // ---------------------------------------------------------------- open / close

  /** Starts the team side of an opened workspace (stignore, profile, conflicts, watching, scans). */
  async attach(host: TeamHost): Promise<void> {
    await this.detach();
    const team = new TeamWorkspace(host.dir, host.store, undefined, this.opts.appVersion);
    const a: Attached = { host, team, watcher: null as unknown as TeamWatcher, unlisten: () => undefined, folder: null, merging: Promise.resolve(), warming: Promise.resolve(), unknown: new Set(), ownWrites: new Map() };
    a.watcher = new TeamWatcher(team.root, (c) => this.changed(a, c), this.opts.debounceMs ?? 30, (e) => this.opts.log.error('team watcher', { error: String(e) }));
    this.attached = a;
    if (host.isSample || host.store.readOnly) return;
    try {
      await writeStignore(host.dir);
      await team.writeMyProfile();
    } catch (e) {
      this.opts.log.error('could not write the team files of the workspace', { error: String(e) });
    }
    const own = `.report-annotator/work/${team.me.id}/`;
    a.unlisten = host.store.onFileWritten((file) => {
      if (file.startsWith('.report-annotator/work/')) this.scanLater(a, file);
      if (file.startsWith(own)) this.rememberOwnWrite(a, file.slice(own.length).replace(/\.json$/, ''), join(host.dir, file));
    });
    await a.watcher.start();
    const recountAll = this.recountAllOnAttach;
    this.recountAllOnAttach = false;
    a.merging = this.mergeConflicts(a, null).then(() => this.recountChanged(a, recountAll));
    a.warming = this.opts.warmAgreement === false ? Promise.resolve() : a.merging.catch(() => undefined).then(() => this.warmAgreement(a));
  }

  /**
   * After the open: fills the machine-local agreement cache in the background (in slices that let
   * requests in; stopped on close or by an agreement call, which takes what is done), so that the
   * first session on a machine does not wait for every work file to be read and matched.
   */
  private async warmAgreement(a: Attached): Promise<void> {
    const stale = (): boolean => this.attached !== a;
    if (stale()) return;
    await new Promise((r) => setImmediate(r)); // the backend sets `refresh` once attach has returned
    await a.host.refresh?.catch(() => undefined);
    if (stale()) return;
    try {
      // the order teamAgreement uses (by id): the cached figures are under it
      const ids = (await a.team.analysts({ activity: false })).map((x) => x.id).sort();
      a.team.invalidate(); // the listing it made is not kept: a request after a file arrived lists again, as without warming
      if (stale() || ids.length < 2) return;
      await a.team.warmAgreement(ids, stale);
    } catch (e) {
      this.opts.log.error('could not prepare the agreement figures', { error: String(e) });
    }
  }

  /** Settles when the background warming of the agreement cache of the open workspace ended (tests, bench). */
  agreementWarmed(): Promise<void> {
    return this.attached?.warming ?? Promise.resolve();
  }

  /** set before the workspace is opened again under an adopted analyst id: every report's counts are that analyst's */
  private recountAllOnAttach = false;

  /**
   * On open: the index's review counts of the reports whose work file of mine was written after
   * the index (behind the store's back: a sync from my other computer while the app was closed,
   * a tool) — or of every report of mine (`all`, after taking over an analyst id) — are brought
   * in line with the files (team-s6).
   */
  private async recountChanged(a: Attached, all: boolean): Promise<void> {
    const { host, team } = a;
    if (host.store.readOnly || host.isSample) return;
    const index = await stat(join(team.root, 'workspace.json')).catch(() => null);
    const dir = join(team.workDir, team.me.id);
    // a file written into the folder (the store's writes and a sync's are renames) makes the folder newer: none since the index, nothing to look at
    const folder = await stat(dir).catch(() => null);
    if (!all && index && (!folder || folder.mtimeMs <= index.mtimeMs)) return;
    const ids: string[] = [];
    for (const m of host.store.workspace().documents) {
      const s = await stat(join(dir, `${m.id}.json`)).catch(() => null);
      if (s && (all || !index || s.mtimeMs > index.mtimeMs)) ids.push(m.id);
    }
    await this.recount(a, ids);
  }

  /**
   * Brings the index's review counts of these reports (what the report list shows: "3/4
   * reviewed") in line with my work as the store has it now — after work written behind the
   * store's back was taken in (a merge, my other computer's version, an adopted id) — and pushes
   * the workspace view when one changed (team-s6).
   */
  private async recount(a: Attached, ids: Iterable<string>): Promise<void> {
    const { host } = a;
    if (host.store.readOnly || host.isSample) return;
    let changed = false;
    for (const id of ids) {
      if (this.attached !== a) return;
      const meta = host.store.workspace().documents.find((m) => m.id === id);
      if (!meta || !host.store.hasDocument(id)) continue;
      let counts: ReturnType<typeof countFindings>;
      try {
        const doc = await host.store.readDocument(id);
        counts = countFindings(doc.findings, doc.reviews, doc.orphans);
      } catch {
        continue; // unreadable now: the store reports it where the report is opened
      }
      if (JSON.stringify(counts) === JSON.stringify(meta.counts)) continue;
      await host.store.updateWorkspace((w) => {
        const m = w.documents.find((d) => d.id === id);
        if (m) m.counts = counts;
      });
      changed = true;
    }
    if (changed && this.attached === a) this.opts.announceNotices(host);
  }

  async detach(): Promise<void> {
    const a = this.attached;
    if (!a) return;
    this.attached = null;
    a.watcher.close();
    a.unlisten();
    await a.merging.catch(() => undefined);
    await a.warming; // stops at its next report (never rejects)
    await a.team.flushAgreementCache().catch((e: unknown) => this.opts.log.error('could not write the agreement cache', { error: String(e) }));
  }

  /** My display name changed: my profile says so (teammates' views show it). */
  async profileChanged(): Promise<void> {
    const a = this.attached;
    if (!a || a.host.isSample || a.host.store.readOnly) return;
    await a.team.writeMyProfile().catch((e: unknown) => this.opts.log.error('could not write the analyst profile', { error: String(e) }));
  }

  /** Settles when the conflict merges started so far are done (tests). */
  async idle(): Promise<void> {
    await this.attached?.merging;
  }

  private async current(): Promise<Attached> {
    const host = await this.opts.workspace();
    if (!this.attached || this.attached.host.store !== host.store) await this.attach(host);
    return this.attached!;
  }

  // ---------------------------------------------------------------- Syncthing scans after writes

  private scanLater(a: Attached, file: string): void {
    void (async () => {
      const folder = await this.folderOf(a);
      if (!folder) return;
      const st = await this.syncthing();
      await st.scan(folder, file);
    })().catch((e: unknown) => {
      // Syncthing stopped meanwhile: the watcher (or its next start) picks the file up
      if (!(e instanceof SyncthingError)) this.opts.log.error('scan request failed', { error: String(e) });
      if (a.folder) a.folder = { id: null, at: Date.now() };
    });
  }

  /** The Syncthing folder id that shares this workspace, or null (not installed, not running, not shared). */
  private async folderOf(a: Attached): Promise<string | null> {
    if (a.folder && Date.now() - a.folder.at < FOLDER_TTL_MS) return a.folder.id;
    let id: string | null = null;
    try {
      const st = await this.syncthing();
      const dir = resolve(a.host.dir);
      id = (await st.folders()).find((f) => resolve(f.path) === dir)?.id ?? null;
    } catch {
      id = null;
    }
    a.folder = { id, at: Date.now() };
    return id;
  }

  // ---------------------------------------------------------------- watching

  private changed(a: Attached, c: TeamChange): void {
    if (this.attached !== a) return;
    const me = a.team.me.id;
    const docs = new Set<string>(c.adjudicated);
    const analysts = new Set<string>();
    for (const [analyst, ids] of c.work) {
      if (analyst === me) continue; // my own writes
      analysts.add(analyst);
      for (const id of ids) docs.add(id);
    }
    a.team.invalidate();
    // a teammate's work on a report this machine has not listed (its source arrived with it, or is on its way): list the folder again, once per report
    const indexed = new Set(a.host.store.workspace().documents.map((d) => d.id));
    const unknown = [...docs].filter((d) => !indexed.has(d) && !a.unknown.has(d));
    if (unknown.length > 0) {
      for (const d of unknown) a.unknown.add(d);
      this.opts.sourcesChanged?.();
    }
    const mine = c.work.get(me);
    if (mine) a.merging = a.merging.then(async () => this.recount(a, await this.mergeForeignVersions(a, mine)));
    if (c.conflicts.has(me)) a.merging = a.merging.then(() => this.mergeConflicts(a, c.conflicts.get(me)!));
    if (docs.size === 0 && analysts.size === 0 && !c.assignment && !c.profiles) return;
    this.opts.emit('teamChanged', { documentIds: [...docs].sort(), analysts: [...analysts].sort(), assignment: c.assignment || c.profiles });
  }

  /**
   * Merges conflict copies of my work files (all of them, or `names`) into my work through the
   * store; each merged copy is deleted once the merged work is durable, an unreadable one is
   * left where it is. One notice per report.
   */
  private async mergeConflicts(a: Attached, names: Set<string> | null): Promise<void> {
    const { team, host } = a;
    const dir = join(team.workDir, team.me.id);
    const { conflictGroups } = await import('../../core/team/conflicts');
    const { readdir } = await import('node:fs/promises');
    let list: string[];
    try {
      list = await readdir(dir);
    } catch {
      return;
    }
    for (const [original, copies] of conflictGroups(list)) {
      if (this.attached !== a) return;
      const todo = names ? copies.filter((c) => names.has(c)) : copies;
      if (todo.length === 0) continue;
      const docId = original.replace(/\.json$/, '');
      if (!host.store.hasDocument(docId)) continue;
      try {
        await this.mergeCopies(a, docId, dir, [...todo].sort());
      } catch (e) {
        this.opts.log.error('could not merge conflict copies', { docId, error: String(e) });
      }
    }
  }

  /**
   * Notes which version of my work file this app wrote: its inode, size and mtime, taken as the
   * store reports the write (a write is a rename, so each version has its own inode). A version
   * a sync puts in its place has another. (A sync landing between the store's rename and this
   * call — a few ms — would pass for mine.)
   */
  private rememberOwnWrite(a: Attached, docId: string, file: string): void {
    try {
      const list = a.ownWrites.get(docId) ?? [];
      list.push(versionOf(statSync(file)));
      a.ownWrites.set(docId, list.slice(-4));
    } catch {
      // gone already: nothing to remember
    }
  }

  /**
   * My own work file changed on disk and it is not what this app wrote (the analyst's other
   * computer wrote it later and the sync replaced the file without a conflict): its work is
   * merged into mine like a conflict copy (later review wins, the other in the undo history),
   * so this app's next write does not erase it.
   */
  private async mergeForeignVersions(a: Attached, ids: Set<string>): Promise<string[]> {
    const { host, team } = a;
    const merged: string[] = [];
    if (host.store.readOnly) return merged;
    // every write made so far is on disk and its hash taken
    await host.store.flush().catch(() => undefined);
    const dir = join(team.workDir, team.me.id);
    for (const id of ids) {
      if (this.attached !== a || !host.store.hasDocument(id)) continue;
      let bytes: Buffer;
      try {
        if (a.ownWrites.get(id)?.includes(versionOf(statSync(join(dir, `${id}.json`))))) continue; // mine
        bytes = await readFile(join(dir, `${id}.json`));
      } catch {
        continue;
      }
      const d = decodeStoreFile(bytes, 'work', WorkFile);
      if (!d.ok || d.data.documentId !== id) continue; // a damaged file is the store's to recover when it reads it
      try {
        await this.mergeCopies(a, id, dir, [`${id}.json`], true);
        merged.push(id);
      } catch (e) {
        this.opts.log.error('could not merge another computer’s version of my work', { docId: id, error: String(e) });
      }
    }
    return merged;
  }

  private async mergeCopies(a: Attached, docId: string, dir: string, copies: string[], keepSource = false): Promise<void> {
    const { host } = a;
    const merged: string[] = [];
    const unreadable: string[] = [];
    let superseded = 0;
    for (const c of copies) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(dir, c));
      } catch {
        continue; // gone meanwhile (another merge)
      }
      const d = decodeStoreFile(bytes, 'work', WorkFile);
      if (!d.ok || d.data.documentId !== docId) {
        unreadable.push(c);
        continue;
      }
      const doc = await host.store.readDocument(docId);
      const derived = doc.findings.filter((f) => f.origin !== 'manual');
      const cacheLike: CacheFile = { schemaVersion: STORE_SCHEMA_VERSION, id: docId, sha256: doc.sha256, analyzer: '', sliced: false, text: doc.text, findings: derived };
      const copy = d.data.sha256 === doc.sha256 ? d.data : reconcileWork(cacheLike, d.data);
      const copyWork: AnalystWork = { reviews: copy.reviews, manualFindings: copy.findings, orphans: copy.orphans, history: copy.history };
      await host.store.applyToDocument(docId, (cur) => {
        const curWork: AnalystWork = { reviews: cur.reviews, manualFindings: cur.findings.filter((f) => f.origin === 'manual'), orphans: cur.orphans, history: cur.history };
        const m = mergeWork(curWork, copyWork);
        superseded += m.report.superseded.length;
        const base = cur.findings.filter((f) => f.origin !== 'manual');
        return { ...cur, findings: [...base, ...m.work.manualFindings].sort(byReadingOrder), reviews: m.work.reviews, orphans: m.work.orphans, history: m.work.history as typeof cur.history };
      });
      await host.store.flush();
      if (!keepSource) await unlink(join(dir, c)).catch(() => undefined);
      merged.push(c);
    }
    const name = host.store.workspace().documents.find((m) => m.id === docId)?.name ?? docId;
    if (merged.length > 0) {
      host.notices.push({
        code: 'work-conflict-merged', params: { name, copies: merged.length, superseded },
        message: `Your work on ${name} was changed on two computers at once; both versions were merged (${superseded} review(s) that differed: the later one kept, the other can be brought back with undo).`,
      });
    }
    if (unreadable.length > 0) {
      host.notices.push({ code: 'work-conflict-unreadable', params: { name, files: unreadable.join(', ') }, message: `A conflicting copy of your work on ${name} could not be read and was left as it is: ${unreadable.join(', ')}.` });
    }
    if (merged.length > 0 && !keepSource) await this.recount(a, [docId]); // team-s6: the list's counts (mergeForeignVersions recounts its own)
    if (merged.length + unreadable.length > 0) {
      this.opts.announceNotices(host);
      this.opts.emit('teamChanged', { documentIds: [docId], analysts: [a.team.me.id], assignment: false });
    }
  }

  // ---------------------------------------------------------------- handlers

  private makeHandlers(): TeamHandlers {
    const requireDoc = (a: Attached, id: string): string => {
      const meta = a.host.store.workspace().documents.find((d) => d.id === id);
      if (!meta) throw new AppError('document-not-found', `no document ${id}`);
      return meta.name;
    };
    return {
      teamAnalysts: async () => (await this.current()).team.analysts(),
      teamLayers: async ({ documentId }) => {
        const a = await this.current();
        requireDoc(a, documentId);
        return layersView(await a.team.documentLayers(documentId, { withMe: true }));
      },
      teamAgreement: async ({ kind, documentIds }) => {
        const a = await this.current();
        const t0 = performance.now();
        const analysts = await a.team.analysts({ activity: false });
        // the same order on every machine (by id, not me first): pair (a, b) reads alike for every teammate
        const ids = analysts.map((x) => x.id).sort();
        const { report, documents } = await a.team.agreement(ids, { docIds: documentIds, perDocumentKinds: 'all' });
        a.team.agreementCacheSaved().catch((e: unknown) => this.opts.log.error('could not write the agreement cache', { error: String(e) }));
        const k = kind ?? 'all';
        const matrices = Object.fromEntries(AGREEMENT_MEASURES.map((m) => [m, agreementMatrix(report.pairs, ids, k, m as AgreementMeasure)])) as Record<AgreementMeasure, (number | null)[][]>;
        const names = new Map(a.host.store.workspace().documents.map((d) => [d.id, d.name]));
        return {
          analysts: ids,
          names: Object.fromEntries(analysts.map((x) => [x.id, x.name])),
          kinds: report.kinds,
          kind: k,
          matrices,
          pairs: report.pairs,
          perDocument: report.perDocument.filter((d) => d.pairs.length > 0).map((d) => ({ documentId: d.docId, name: names.get(d.docId) ?? d.docId, pairs: d.pairs })),
          documents,
          ms: Math.round(performance.now() - t0),
        };
      },
      teamAdjudicationSummary: async () => {
        const a = await this.current();
        const names = new Map(a.host.store.workspace().documents.map((d) => [d.id, d.name]));
        const out = [];
        for await (const read of a.team.sharedDocuments()) {
          const { adjudicationItems } = await import('../../core/team');
          const items = adjudicationItems(TeamWorkspace.agreementLayers(read).layers);
          const file = await a.team.adjudication(read.docId);
          out.push({ documentId: read.docId, name: names.get(read.docId) ?? read.docId, analysts: read.layers.map((l) => l.analyst), counts: countsOf(items, file), adjudicatedBy: file?.adjudicator.id ?? null });
        }
        return { documents: out };
      },
      teamAdjudicationQueue: async ({ documentId }) => {
        const a = await this.current();
        requireDoc(a, documentId);
        const { read, items } = await a.team.adjudicationItems(documentId);
        return queueView(documentId, read.text, items, await a.team.adjudication(documentId));
      },
      teamAdjudicate: async ({ documentId, item, choice }) => {
        const a = await this.current();
        requireDoc(a, documentId);
        const me = a.team.me;
        const { read, items } = await a.team.adjudicationItems(documentId);
        const mine = await a.team.myAdjudication(documentId);
        // continuing someone else's adjudication of this report: start from their choices
        const latest = await a.team.adjudication(documentId);
        const now = new Date().toISOString();
        // s7: tags as this machine names them (a teammate's ids, and a previous adjudicator's, translated by name)
        const tags = await a.team.tagTranslation();
        const continued = (f: AdjudicationFileData): AdjudicationFileData => ({ ...f, adjudicator: { id: me.id, name: me.name }, work: { ...f.work, reviews: Object.fromEntries(Object.entries(f.work.reviews).map(([id, r]) => [id, { ...r, tags: tags(f.adjudicator.id, r.tags) }])) } });
        const base: AdjudicationFileData = mine && (!latest || latest.adjudicator.id === me.id || mine.updatedAt >= latest.updatedAt) ? mine : latest ? continued(latest) : emptyAdjudication(documentId, { id: me.id, name: me.name }, now);
        let next: AdjudicationFileData;
        try {
          next = applyChoice(base, items, item, choice, { id: me.id, name: me.name }, now, tags);
        } catch (e) {
          if (e instanceof TypeError) throw new AppError('bad-request', e.message);
          throw e;
        }
        await a.team.writeMyAdjudication(next);
        this.scanLater(a, `.report-annotator/team/adjudicated/${me.id}/${documentId}.json`);
        return queueView(documentId, read.text, items, next);
      },
      teamAssignmentGet: async () => {
        const a = await this.current();
        return assignmentView(a.team, await a.team.assignment());
      },
      teamAssignmentSet: async ({ analysts, overlap, manual }) => {
        const a = await this.current();
        const docs = new Set(a.host.store.workspace().documents.map((d) => d.id));
        for (const id of Object.keys(manual ?? {})) if (!docs.has(id)) throw new AppError('document-not-found', `no document ${id}`);
        const data = await a.team.setAssignment({ analysts: [...new Set(analysts)], overlap, manual: manual ?? {} });
        this.scanLater(a, `.report-annotator/team/assignment/${a.team.me.id}.json`);
        return assignmentView(a.team, data);
      },
      teamMyQueue: async () => {
        const a = await this.current();
        const plan = a.team.plan(await a.team.assignment());
        const me = a.team.me.id;
        const metas = a.host.store.workspace().documents;
        const mineIds = plan ? new Set(plan.queues[me] ?? []) : null;
        return {
          assigned: plan !== null,
          documents: metas
            .filter((m) => !mineIds || mineIds.has(m.id))
            .map((m) => ({ documentId: m.id, name: m.name, reviewed: m.counts.reviewed, total: m.counts.total, done: m.counts.total > 0 && m.counts.reviewed >= m.counts.total, coAnalysts: (plan?.byDoc[m.id] ?? []).filter((x) => x !== me) })),
        };
      },
      teamStatus: async () => this.status(await this.current()),
      teamAddDevice: async ({ deviceId, name }) => {
        const a = await this.current();
        await this.withSyncthing(async (st) => st.addDevice(deviceId, name?.trim() || deviceId.trim().slice(0, 7)));
        return this.status(a);
      },
      teamShareFolder: async ({ devices }) => {
        const a = await this.current();
        if (a.host.isSample) throw new AppError('bad-request', 'The sample workspace cannot be shared; open a folder of your own.');
        await this.withSyncthing(async (st) => {
          for (const d of devices) await st.addDevice(d, d.trim().slice(0, 7));
          await writeStignore(a.host.dir);
          const existing = (await st.folders()).find((f) => resolve(f.path) === resolve(a.host.dir));
          await st.shareFolder({ id: existing?.id ?? defaultFolderId(a.host.dir), label: basename(a.host.dir), path: a.host.dir, devices });
        });
        a.folder = null;
        return this.status(a);
      },
      teamAdoptAnalyst: async ({ analystId }) => {
        const a = await this.current();
        const me = a.team.me;
        if (analystId === me.id) throw new AppError('bad-request', 'That is your analyst id already.');
        if (!isAnalystId(analystId)) throw new AppError('bad-request', 'Not an analyst id.');
        const folders = await a.team.workFolders();
        if ((folders.get(me.id)?.size ?? 0) > 0 || a.host.store.saveState().pending > 0) throw new AppError('bad-request', 'You have work of your own in this workspace: an analyst id can only be taken over on a computer that has none.');
        if ((folders.get(analystId)?.size ?? 0) === 0) throw new AppError('bad-request', `No analyst ${analystId} has work in this workspace.`);
        const name = await a.team.nameOf(analystId);
        this.recountAllOnAttach = true; // the index counted my (empty) work: every report's counts are that analyst's now
        try {
          return await this.opts.adoptIdentity(analystId, name);
        } finally {
          this.recountAllOnAttach = false;
        }
      },
    };
  }

  private async withSyncthing<T>(fn: (st: SyncthingClient) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.syncthing());
    } catch (e) {
      if (e instanceof SyncthingError) throw new AppError(e.code, e.message, e.params);
      throw e;
    }
  }

  private async status(a: Attached): Promise<TeamStatusView> {
    const dir = resolve(a.host.dir);
    const out: TeamStatusView = { syncthing: 'not-configured', errorCode: null, installHint: await installHint(), deviceId: null, folderId: defaultFolderId(dir), folderShared: false, folderState: null, devices: [], scanAfterWrite: false };
    try {
      const st = await this.syncthing();
      out.deviceId = await st.myId();
      out.syncthing = 'running';
      const folder = (await st.folders()).find((f) => resolve(f.path) === dir);
      a.folder = { id: folder?.id ?? null, at: Date.now() };
      if (!folder) return out;
      out.folderId = folder.id;
      out.folderShared = true;
      out.scanAfterWrite = true;
      out.folderState = (await st.folderStatus(folder.id).catch(() => null))?.state ?? null;
      const known = new Map((await st.devices()).map((d) => [d.deviceID, d.name ?? '']));
      for (const d of folder.devices) {
        if (d.deviceID === out.deviceId) continue;
        const connected = await st.connected(d.deviceID).catch(() => false);
        const completion = connected ? ((await st.completion(folder.id, d.deviceID).catch(() => null))?.completion ?? null) : null;
        out.devices.push({ deviceId: d.deviceID, name: known.get(d.deviceID) || d.deviceID.slice(0, 7), connected, completion });
      }
    } catch (e) {
      if (!(e instanceof SyncthingError)) throw e;
      out.errorCode = e.code;
      out.syncthing = e.code === 'syncthing-not-configured' ? 'not-configured' : e.code === 'syncthing-forbidden' ? 'forbidden' : out.syncthing === 'running' ? 'running' : 'not-running';
    }
    return out;
  }
}

const versionOf = (st: Stats): string => `${st.ino}:${st.size}:${st.mtimeMs}`;

/** Which install instructions fit this machine. */
async function installHint(): Promise<TeamStatusView['installHint']> {
  const p = platform();
  if (p === 'darwin') return 'brew';
  if (p === 'win32') return 'windows';
  if (p !== 'linux') return 'other';
  try {
    const os = await readFile('/etc/os-release', 'utf8');
    const like = /^(?:ID|ID_LIKE)=(.*)$/gm;
    const ids = [...os.matchAll(like)].map((m) => m[1]!.replace(/"/g, '')).join(' ');
    if (/\b(debian|ubuntu)\b/.test(ids)) return 'apt';
    if (/\b(fedora|rhel|centos)\b/.test(ids)) return 'dnf';
  } catch {
    // unknown distribution
  }
  return 'other';
}

// ---------------------------------------------------------------- views

export function decisionOf(analyst: string, f: EffectiveFinding): TeamDecision {
  const fig = f.type === 'figure' ? (f.data as { value: number | null; unit: string | null }) : null;
  return {
    analyst,
    status: f.status,
    fields: f.review?.fields ?? {},
    kind: f.kind,
    value: fig && typeof fig.value === 'number' && Number.isFinite(fig.value) ? fig.value : null,
    unit: fig?.unit ?? null,
    tags: f.review?.tags ?? [],
    note: f.review?.note ?? '',
    updatedAt: f.review?.updatedAt ?? '',
  };
}

function layersView(read: Awaited<ReturnType<TeamWorkspace['documentLayers']>>): TeamLayersView {
  const decisions: Record<string, TeamDecision[]> = {};
  const mine = read.layers.find((l) => l.isMe);
  const inMyView = new Set((mine?.doc.findings ?? read.derived).map((f) => f.id));
  const findings: TeamLayersView['findings'] = [];
  const seen = new Set<string>();
  for (const l of read.layers) {
    for (const f of l.reviewed) (decisions[f.id] ??= []).push(decisionOf(l.analyst, f));
    if (l.isMe) continue;
    for (const f of l.doc.findings) {
      if (f.origin !== 'manual' || inMyView.has(f.id) || seen.has(f.id)) continue;
      seen.add(f.id);
      findings.push({ analyst: l.analyst, finding: f });
    }
  }
  return {
    documentId: read.docId,
    layers: read.layers.map((l) => ({ analyst: l.analyst, name: l.name, isMe: l.isMe, reviewed: l.reviewed.length, otherVersion: l.otherVersion, unreadable: l.unreadable })),
    decisions,
    findings,
  };
}

function countsOf(items: readonly AdjudicationItem[], file: AdjudicationFileData | null): AdjudicationQueueView['counts'] {
  const c = { agree: 0, single: 0, disagree: 0, open: 0, resolved: 0 };
  for (const it of items) {
    c[it.class]++;
    if (file?.choices[it.id]) c.resolved++;
    else if (it.class !== 'agree') c.open++;
  }
  return c;
}

function queueView(documentId: string, text: string, items: readonly AdjudicationItem[], file: AdjudicationFileData | null): AdjudicationQueueView {
  const map = new OffsetMap(text);
  return {
    documentId,
    items: items.map((it): AdjudicationItemView => {
      const stored = file?.choices[it.id];
      return {
        id: it.id,
        class: it.class,
        start: it.start,
        end: it.end,
        quote: cpSlice(text, it.start, it.end, map),
        decisions: it.decisions.map((d) => ({ findingId: d.finding.id, type: d.finding.type, decision: decisionOf(d.analyst, d.finding) })),
        missing: it.missing,
        resolution: stored ? { choice: stored.choice, by: stored.by, at: stored.at } : null,
        stale: isStale(it, stored),
      };
    }),
    counts: countsOf(items, file),
    adjudicatedBy: file?.adjudicator.id ?? null,
  };
}

function assignmentView(team: TeamWorkspace, data: Awaited<ReturnType<TeamWorkspace['assignment']>>): AssignmentView {
  const plan = team.plan(data);
  return {
    analysts: data?.analysts ?? [],
    overlap: data?.overlap ?? 0,
    manual: data?.manual ?? {},
    byDoc: plan?.byDoc ?? {},
    queues: plan?.queues ?? {},
    setBy: data?.setBy.id ?? null,
    setAt: data?.setAt ?? null,
  };
}
