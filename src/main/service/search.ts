import type { SearchHit } from '../../core/api';
import { OffsetMap } from '../../core/text';
import type { WorkspaceStore } from '../store';

const CONTEXT = 30;

/** Full-text search across the workspace's documents; hits in document order with context, those of the document `first` (the open report) first. */
export async function searchWorkspace(store: WorkspaceStore, query: string, limit: number, first?: string): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  const q = query.normalize('NFC');
  const docs = store.workspace().documents;
  const ordered = first ? [...docs.filter((d) => d.id === first), ...docs.filter((d) => d.id !== first)] : docs;
  for (const meta of ordered) {
    if (hits.length >= limit) break;
    const { text } = await store.readDocument(meta.id);
    let map: OffsetMap | null = null;
    let from = 0;
    for (;;) {
      const i = text.indexOf(q, from);
      if (i < 0 || hits.length >= limit) break;
      map ??= new OffsetMap(text);
      const j = i + q.length;
      const start = map.toCp(i);
      const end = map.toCp(j);
      hits.push({
        documentId: meta.id,
        name: meta.name,
        start,
        end,
        before: text.slice(map.toUtf16(Math.max(0, start - CONTEXT)), i).replace(/\n+/g, ' '),
        match: text.slice(i, j),
        after: text.slice(j, map.toUtf16(Math.min(map.cpLength, end + CONTEXT))).replace(/\n+/g, ' '),
      });
      from = j;
    }
  }
  return hits;
}
