/** Tag lookup helpers: hotkeys (a tag's own key, else its position 1–9). */
import { safeTagColor } from '../../../../core/colors';
import type { Tag } from '../../../../core/store-schema';
import { type Lang, translate } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { BUILTIN_TAG_NAMES } from './builtin-tags';

export { BUILTIN_TAG_NAMES };

export { safeTagColor };

/** A tag chip's inline style: the colour only if it is one (never raw CSS from the store). */
export function chipStyle(color: string): { background: string; color: string; borderColor: string } {
  const c = safeTagColor(color);
  return { background: c, color: textOn(c), borderColor: c };
}

export function tagForDigit(taxonomy: readonly Tag[], digit: string): Tag | null {
  const own = taxonomy.find((t) => t.hotkey === digit);
  if (own) return own;
  const n = Number(digit);
  if (n >= 1 && n <= 9 && !taxonomy.some((t) => t.hotkey)) return taxonomy[n - 1] ?? null;
  return null;
}

export function hotkeyOf(taxonomy: readonly Tag[], tag: Tag): string | null {
  if (tag.hotkey) return tag.hotkey;
  if (taxonomy.some((t) => t.hotkey)) return null;
  const i = taxonomy.indexOf(tag);
  return i >= 0 && i < 9 ? String(i + 1) : null;
}

/** Readable text colour on a tag's colour chip (black or white, whichever contrasts more). */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return '#000';
  const v = parseInt(m[1], 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000' : '#fff';
}

// ── warn-s7: the built-in tags in the analyst's language ──
/** A tag's label in `lang`: the built-in wording for a built-in tag left as it was, else its name. */
export function tagLabel(tag: Pick<Tag, 'id' | 'name'>, lang: Lang): string {
  const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_TAG_NAMES, tag.id) ? BUILTIN_TAG_NAMES[tag.id] : undefined;
  if (builtin === undefined || tag.name.trim() !== builtin) return tag.name;
  const key = `tag.builtin.${tag.id}`;
  return isMessageKey(key) ? translate(lang, key) : tag.name;
}
// ── end warn-s7 ──
