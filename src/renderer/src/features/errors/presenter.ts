/**
 * The one error presenter: any thrown value → a message in the user's language that says what
 * happened, what was kept safe and what to do. ApiError codes map through errorTexts; anything
 * else is 'internal' (and logged with its context).
 */
import { ApiError } from '../../../../core/api';
import { ErrorCode } from '../../../../core/errors';
import type { Lang } from '../i18n/i18n';
import { errorTexts } from './messages';

export interface PresentedError {
  code: ErrorCode;
  what: string;
  safe: string;
  todo: string;
  /** the backend's own message (English), shown as detail */
  detail: string;
}

const CODES = new Set<string>(ErrorCode);

export function errorCode(e: unknown): ErrorCode {
  if (e instanceof ApiError && CODES.has(e.code)) return e.code;
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && CODES.has((e as { code: string }).code)) {
    return (e as { code: ErrorCode }).code;
  }
  return 'internal';
}

export function presentError(e: unknown, lang: Lang): PresentedError {
  const code = errorCode(e);
  const text = errorTexts[lang][code];
  const detail = e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return { code, ...text, detail };
}
