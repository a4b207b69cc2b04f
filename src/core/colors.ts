/**
 * Tag colours: only colours, never arbitrary CSS. A colour string reaches inline styles in the
 * UI, where `url(…)`, `var(…)` or `expression(…)` would make the browser fetch or compute
 * things; so it is accepted only as #rgb, #rrggbb, #rrggbbaa or one of a few named colours.
 */
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
export const NAMED_COLORS: ReadonlySet<string> = new Set([
  'black', 'white', 'gray', 'grey', 'silver', 'red', 'maroon', 'orange', 'yellow', 'olive', 'lime', 'green', 'teal', 'cyan', 'aqua', 'blue', 'navy', 'purple', 'fuchsia', 'magenta', 'pink', 'brown',
]);

export function isTagColor(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 9 && (HEX.test(s) || NAMED_COLORS.has(s.toLowerCase()));
}

/** The colour if it is one, else `fallback`: what the UI puts in a style. */
export function safeTagColor(s: unknown, fallback = '#888888'): string {
  return isTagColor(s) ? s : fallback;
}
