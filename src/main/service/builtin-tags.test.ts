/**
 * [warn-s7] The renderer shows the default taxonomy's tags in the analyst's language by their id
 * and stored Chinese name (features/taxonomy/tags.ts BUILTIN_TAG_NAMES): that list must be the
 * one a new workspace starts with, or a built-in tag would show untranslated.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_TAG_NAMES } from '../../renderer/src/features/taxonomy/builtin-tags';
import { BUILTIN_TAXONOMY } from '../store/default-taxonomy';

describe('built-in tag names', () => {
  it('the renderer knows every built-in tag by the id and name it is stored with', () => {
    expect(BUILTIN_TAG_NAMES).toEqual(Object.fromEntries(BUILTIN_TAXONOMY.map((t) => [t.id, t.name])));
  });
});
