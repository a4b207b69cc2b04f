// Synthetic documents for the store benches: text from the shared corpus (or the sample
// reports) with paragraphs shuffled, fake findings. Analysis is someone else's job.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../lib.mjs';
import { root } from './bundle.mjs';

export function loadParagraphs() {
  const dirs = [join(root, '../shared/corpus'), join(root, 'resources/samples')];
  const dir = dirs.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.txt')));
  if (!dir) throw new Error('no corpus found');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** a small deterministic PRNG (mulberry32), shared with the other benches */
export { rng };

export function makeDocument(id, paragraphs, random, { paragraphsPerDoc = 60, findings = 150 } = {}) {
  const picked = Array.from({ length: paragraphsPerDoc }, () => paragraphs[Math.floor(random() * paragraphs.length)]);
  const text = picked.join('\n');
  const chars = [...text];
  const figures = [];
  const found = [];
  for (let i = 0; i < findings; i++) {
    const start = Math.floor(random() * Math.max(1, chars.length - 8));
    const end = start + 2 + Math.floor(random() * 6);
    const fig = { text: chars.slice(start, end).join(''), start, end, kind: 'count', value: Math.round(random() * 1e4), value_to: null, unit: '个', approx: null, metric: null };
    figures.push(fig);
    found.push({ type: 'figure', id: `f${i}`, origin: 'detector', data: fig });
  }
  return {
    schemaVersion: 2, id, sha256: id.padEnd(64, '0').slice(0, 64), text,
    findings: found, reviews: {}, orphans: [], history: { undo: [], redo: [] },
  };
}

export function metaOf(doc) {
  return {
    id: doc.id, path: `${doc.id}.txt`, name: `${doc.id}.txt`, format: 'txt', encoding: 'utf-8', size: doc.text.length * 3, mtimeMs: 0, sha256: doc.sha256,
    length: [...doc.text].length, importedAt: new Date().toISOString(),
    counts: { figures: doc.findings.length, duplicates: 0, defects: 0, reviewed: 0, total: doc.findings.length }, metadata: {},
  };
}

export function reviewOf(findingId, note) {
  return { findingId, status: 'accepted', fields: {}, tags: [], note, updatedAt: new Date().toISOString(), annotator: 'bench', anchor: { start: 0, end: 1, quote: 'x', prefix: '', suffix: '' } };
}
