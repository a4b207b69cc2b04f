// warn-s7 (no imports: the main process's test checks this list against BUILTIN_TAXONOMY)
/**
 * The default taxonomy's tags (src/main/store/default-taxonomy.ts BUILTIN_TAXONOMY) by id, with
 * the Chinese name they are stored with. A tag that still has its built-in id and name is shown
 * in the analyst's language (`tag.builtin.<id>`); stored ids and names never change, and a tag
 * the analyst made or renamed is shown as written.
 */
export const BUILTIN_TAG_NAMES: Readonly<Record<string, string>> = {
  legislation: '立法',
  supervision: '监督',
  deputies: '代表工作',
  appointments: '任免',
  resolutions: '决议决定',
  'self-building': '自身建设',
  economy: '经济',
  livelihood: '民生',
  ecology: '生态',
  judiciary: '司法',
};
