/** The analysis run in process (no worker script: unit tests from sources), loaded on first use. */
export { analyzeDuplicates, analyzeFiguresAndDefects, analyzeInParts, analyzeText } from '../../core/analyze';
export { buildBoilerplate } from '../../core/duplicates';
export { checkDefects } from '../../core/document/derive';
