/**
 * The names of the API contract's methods and events (src/core/api.ts) without their schemas:
 * the sandboxed preload checks names against these and so bundles no zod. `api-names.test.ts`
 * keeps them equal to the contract.
 */
export const API_METHOD_NAMES = [
  'appInfo',
  'workspaceGet',
  'workspaceOpen',
  'workspaceOpenSample',
  'chooseFolder',
  'chooseFiles',
  'importFiles',
  'importDropped',
  'cancelTask',
  'documentGet',
  'documentView',
  'analyzeText',
  'reviewApply',
  'reviewUndo',
  'reviewRedo',
  'taxonomySet',
  'search',
  'saveStateGet',
  'chooseExportTarget',
  'exportDataset',
  'pivotGet',
  'orphanResolve',
  'documentSetEncoding',
  'indicatorMapSet',
  'metadataSet',
  'identityGet',
  'identitySet',
  // team:
  'teamAnalysts',
  'teamLayers',
  'teamAgreement',
  'teamAdjudicationSummary',
  'teamAdjudicationQueue',
  'teamAdjudicate',
  'teamAssignmentGet',
  'teamAssignmentSet',
  'teamMyQueue',
  'teamStatus',
  'teamAddDevice',
  'teamShareFolder',
  'teamAdoptAnalyst',
  // rules: issue 16
  'rulesList',
  'ruleUpdate',
  'ruleDelete',
  'rulesExport',
  'rulesImport',
  'likePreview',
  'likeApply',
  'rulesReanalyze',
] as const;

export const API_EVENT_NAMES = ['progress', 'saveState', 'workspaceChanged', 'menuCommand', /* team: */ 'teamChanged'] as const;
