/**
 * Teams: several analysts annotate the same reports. Pure.
 * - agreement.ts — pairwise span F1 and Krippendorff's alpha (alpha.ts) per report and kind;
 * - adjudicate.ts — disagreements queue and the adjudicated layer;
 * - conflicts.ts — Syncthing conflict copies of a work file: names and the merge;
 * - assign.ts — which analysts review which reports (even split, overlap share, by hand);
 * - export.ts — team exports (annotator column, one Label Studio annotation per analyst).
 */
export * from './alpha';
export * from './agreement';
export * from './adjudicate';
export * from './export';
export * from './conflicts';
export * from './assign';
export * from './messages';
