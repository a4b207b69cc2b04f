/** Long lists on the Team page (thousands of reports): filtered by name, and only the first rows drawn. Pure. */

export const MAX_ROWS = 300;

/** The rows whose name contains `query` (case-insensitive), the first `max` of them, and how many matched. */
export function limitRows<T>(rows: readonly T[], query: string, nameOf: (row: T) => string, max = MAX_ROWS): { shown: T[]; matched: number } {
  const q = query.trim().toLowerCase();
  const matched = q ? rows.filter((r) => nameOf(r).toLowerCase().includes(q)) : rows;
  return { shown: matched.slice(0, max), matched: matched.length };
}
