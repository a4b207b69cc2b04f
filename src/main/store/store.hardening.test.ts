/**
 * Hardening of the store against documents too large to serialise: V8 cannot build a JSON
 * string past ~512 Mi characters, and a 24 MB report dense with figures got there (found by
 * fuzz/run.mjs: a RangeError escaped the import and the document stayed pending forever).
 * Such a document is now refused with 'file-too-large' before anything changes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors';
import { assertStorable, estimateDocumentJson, stringifyForStore } from './document-size';
import { removeTempWorkspaces, sampleDoc, tempWorkspace } from './test-support';
import { WorkspaceStore } from './workspace-store';

afterAll(() => removeTempWorkspaces());

function bigDoc(id: string, paragraphs: number) {
  const doc = sampleDoc(id, '增长5%。\n\n'.repeat(paragraphs));
  const figure = doc.findings[0];
  doc.findings = Array.from({ length: paragraphs }, (_, i) => ({ ...figure, id: `f${i}` }));
  return doc;
}

describe('documents too large to store', () => {
  it('writeDocument refuses one over the limit with file-too-large; nothing is written or left pending', async () => {
    const dir = tempWorkspace();
    const store = await WorkspaceStore.open(dir, { app: 'cli', maxDocumentJson: 1024 * 1024 });
    const doc = bigDoc('big', 20_000);
    expect(estimateDocumentJson(doc)).toBeGreaterThan(1024 * 1024);
    const err = await store.writeDocument(doc).then(() => null, (e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('file-too-large');
    expect(store.hasDocument('big')).toBe(false);
    expect(store.saveState()).toMatchObject({ pending: 0, error: null });
    expect(existsSync(join(dir, '.report-annotator', 'cache', 'big.json'))).toBe(false);
    // a normal document still saves, and the store closes cleanly
    await store.writeDocument(sampleDoc('small'));
    await store.close();
    const again = await WorkspaceStore.open(dir, { app: 'cli' });
    expect(again.documentIds()).toEqual(['small']);
    expect(again.notices).toEqual([]);
    await again.close();
  });

  it('a document under the limit is stored even when the cheap estimate is large', async () => {
    const dir = tempWorkspace();
    const store = await WorkspaceStore.open(dir, { app: 'cli', maxDocumentJson: 64 * 1024 * 1024 });
    await store.writeDocument(bigDoc('medium', 20_000));
    await store.close();
  });

  it('assertStorable treats a JSON string V8 cannot build as too large', () => {
    const doc = sampleDoc('x');
    (doc as unknown as { toJSON: () => never }).toJSON = () => {
      throw new RangeError('Invalid string length');
    };
    expect(() => assertStorable(doc, 1)).toThrow(/too large to store/);
  });

  it('a write that cannot serialise is a store error with a code, not a RangeError', () => {
    const data = { toJSON: () => { throw new RangeError('Invalid string length'); } };
    try {
      stringifyForStore(data, 'docs/x.json');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('store-write-failed');
    }
  });
});
