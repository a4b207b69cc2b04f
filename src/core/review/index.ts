export * from './actions';
export * from './batch';
// finding spans, anchors and re-anchoring live in core/document; re-exported for the review API's users
export { byReadingOrder, findingEnd, findingSpan, findingStart, findingsFromAnalysis, makeAnchor } from '../document/findings';
export { defectId, duplicateId, figureId } from '../document/ids';
export { type ReanchorInput, type ReanchorResult, placeAnchor, reanchorReviews } from '../document/reanchor';
