/** Boilerplate passages are at least this long (ANNOTATION-GUIDE §2). */
export const BOILERPLATE_MIN = 20;
/** Fewer documents than this give no corpus boilerplate (only the shipped formulae). */
export const MIN_CORPUS = 3;
