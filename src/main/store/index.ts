export { WorkspaceStore, STORE_DEFAULTS } from './workspace-store';
export type { OpenOptions, SaveState, StoreApp, StoreNotice, StoreNoticeCode } from './types';
export type { StoreFs } from './fs-layer';
export { nodeFs } from './fs-layer';
export { BUILTIN_TAXONOMY, loadDefaultTaxonomy } from './default-taxonomy';
export { migrations, migrate } from './migrations';
export { decodeSavedDocument, type Decoded, type SavedDocumentRef } from './decode';
export { defaultAnalyst } from './workspace-store';
export { documentIdIn, idForIndexedPath, indexedPath } from './document-ids';
