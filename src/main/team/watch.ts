/**
 * Watches a team workspace's shared folders for files that teammates' apps wrote (arriving
 * through Syncthing or any other sync): work files, adjudications, assignments, profiles, and
 * conflict copies in my own work folder. One non-recursive fs.watch per directory (one inotify
 * watch each on Linux: 1 + analysts × 2 + 3, whatever the number of reports); new analyst
 * folders are picked up when their parent changes. Changes are collected for `debounceMs` and
 * reported together. Every watcher is closed by `close()`.
 */
import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConflictName } from '../../core/team/conflicts';
import { docIdFromName } from '../store/layout';
import { isAnalystId } from './workspace';

export interface TeamChange {
  /** analyst → doc ids of their work files that changed */
  work: Map<string, Set<string>>;
  /** conflict copies that appeared in a work folder: analyst → file names */
  conflicts: Map<string, Set<string>>;
  /** doc ids whose adjudication changed */
  adjudicated: Set<string>;
  assignment: boolean;
  profiles: boolean;
}

const emptyChange = (): TeamChange => ({ work: new Map(), conflicts: new Map(), adjudicated: new Set(), assignment: false, profiles: false });

export class TeamWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending: TeamChange = emptyChange();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private rescanning: Promise<void> | null = null;
  /** a folder event came during a rescan: scan once more after it */
  private again = false;

  constructor(
    private readonly root: string,
    private readonly onChange: (c: TeamChange) => void,
    private readonly debounceMs = 30,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** number of directories watched (one inotify watch each) */
  get size(): number {
    return this.watchers.size;
  }

  async start(): Promise<void> {
    await this.rescan();
  }

  private async rescan(): Promise<void> {
    if (this.closed) return;
    const work = join(this.root, 'work');
    const team = join(this.root, 'team');
    const adjudicated = join(team, 'adjudicated');
    const dirs: [string, (name: string) => void][] = [
      [this.root, () => this.scheduleRescan()],
      [work, () => this.scheduleRescan()],
      [team, () => this.scheduleRescan()],
      [adjudicated, () => this.scheduleRescan()],
      [join(team, 'assignment'), () => this.mark((c) => void (c.assignment = true))],
      [join(team, 'analysts'), () => this.mark((c) => void (c.profiles = true))],
    ];
    const first = this.watchers.size === 0;
    for (const a of await safeList(work)) {
      if (!isAnalystId(a)) continue;
      const dir = join(work, a);
      // a folder that appeared after the start (a teammate's first sync) may hold files already: each is a change
      if (!first && !this.watchers.has(dir)) {
        this.watchDir(dir, (name) => this.workEvent(a, name));
        for (const name of await safeFiles(dir)) this.workEvent(a, name);
        continue;
      }
      dirs.push([dir, (name) => this.workEvent(a, name)]);
    }
    for (const a of await safeList(adjudicated)) {
      if (!isAnalystId(a)) continue;
      const dir = join(adjudicated, a);
      const handler = (name: string) => {
        const id = docIdFromName(name);
        if (id) this.mark((c) => void c.adjudicated.add(id));
      };
      if (!first && !this.watchers.has(dir)) {
        this.watchDir(dir, handler);
        for (const name of await safeFiles(dir)) handler(name);
        continue;
      }
      dirs.push([dir, handler]);
    }
    for (const [dir, handler] of dirs) this.watchDir(dir, handler);
  }

  private scheduleRescan(): void {
    if (this.rescanning) {
      this.again = true;
      return;
    }
    this.rescanning = this.rescan()
      .catch(this.onError)
      .finally(() => {
        this.rescanning = null;
        if (this.again) {
          this.again = false;
          this.scheduleRescan();
        }
      });
  }

  private watchDir(dir: string, handler: (name: string) => void): void {
    if (this.closed || this.watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, { persistent: false }, (_event, name) => {
        if (typeof name === 'string' && name.length > 0) handler(name);
        else this.scheduleRescan();
      });
    } catch {
      return; // not there (yet): its parent's watcher sees it come
    }
    w.on('error', () => {
      w.close();
      this.watchers.delete(dir);
      this.scheduleRescan();
    });
    this.watchers.set(dir, w);
  }

  private workEvent(analyst: string, name: string): void {
    if (parseConflictName(name)) {
      this.mark((c) => {
        let s = c.conflicts.get(analyst);
        if (!s) c.conflicts.set(analyst, (s = new Set()));
        s.add(name);
      });
      return;
    }
    const id = docIdFromName(name);
    if (!id) return; // temp files
    this.mark((c) => {
      let s = c.work.get(analyst);
      if (!s) c.work.set(analyst, (s = new Set()));
      s.add(id);
    });
  }

  private mark(fn: (c: TeamChange) => void): void {
    if (this.closed) return;
    fn(this.pending);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const c = this.pending;
      this.pending = emptyChange();
      try {
        this.onChange(c);
      } catch (e) {
        this.onError(e);
      }
    }, this.debounceMs);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

async function safeFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}

async function safeList(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}
