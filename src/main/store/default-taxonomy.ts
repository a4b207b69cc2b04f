/**
 * The tag taxonomy a new workspace starts with: `resources/taxonomy/default.json` when it
 * exists and is valid (an array of tags, or `{ tags: [...] }` / `{ taxonomy: [...] }`),
 * else the built-in list below (hotkeys 1–9, 0).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { Tag } from '../../core/store-schema';

export const BUILTIN_TAXONOMY: readonly Tag[] = [
  { id: 'legislation', name: '立法', color: '#1f77b4', hotkey: '1' },
  { id: 'supervision', name: '监督', color: '#ff7f0e', hotkey: '2' },
  { id: 'deputies', name: '代表工作', color: '#2ca02c', hotkey: '3' },
  { id: 'appointments', name: '任免', color: '#d62728', hotkey: '4' },
  { id: 'resolutions', name: '决议决定', color: '#9467bd', hotkey: '5' },
  { id: 'self-building', name: '自身建设', color: '#8c564b', hotkey: '6' },
  { id: 'economy', name: '经济', color: '#e377c2', hotkey: '7' },
  { id: 'livelihood', name: '民生', color: '#7f7f7f', hotkey: '8' },
  { id: 'ecology', name: '生态', color: '#bcbd22', hotkey: '9' },
  { id: 'judiciary', name: '司法', color: '#17becf', hotkey: '0' },
];

const TaxonomyFile = z.union([
  z.array(Tag),
  z.object({ tags: z.array(Tag) }).transform((x) => x.tags),
  z.object({ taxonomy: z.array(Tag) }).transform((x) => x.taxonomy),
]);

export function defaultTaxonomyPath(): string {
  return resolve(process.cwd(), 'resources/taxonomy/default.json');
}

export async function loadDefaultTaxonomy(path = defaultTaxonomyPath()): Promise<Tag[]> {
  try {
    const parsed = TaxonomyFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success && parsed.data.length > 0) return parsed.data;
  } catch {
    // missing or unreadable: the built-in list
  }
  return BUILTIN_TAXONOMY.map((t) => ({ ...t }));
}
