export { WorkspaceStore, STORE_DEFAULTS } from './workspace-store';
export type { OpenOptions, SaveState, StoreApp, StoreNotice, StoreNoticeCode } from './types';
export type { StoreFs } from './fs-layer';
export { nodeFs } from './fs-layer';
export { BUILTIN_TAXONOMY, loadDefaultTaxonomy } from './default-taxonomy';
export { migrations, migrate } from './migrations';
export { decodeDocumentFile, type Decoded } from './decode';
