/** Moved to core/document (the one place for finding ids, spans and anchors); kept so older imports resolve. */
export { byReadingOrder, findingEnd, findingSpan, findingStart, findingsFromAnalysis, makeAnchor } from '../document/findings';
export { defectId, duplicateId, figureId } from '../document/ids';
