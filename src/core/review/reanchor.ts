/** Moved to core/document (re-anchoring is part of building a document); kept so older imports resolve. */
export { type ReanchorInput, type ReanchorResult, placeAnchor, reanchorReviews } from '../document/reanchor';
