/**
 * Turns the bytes of a store file into validated data, or says exactly why it cannot:
 * corrupt (empty, truncated, NUL-filled, not JSON, not an object, fails the schema) or newer
 * (written by a newer app: must never be overwritten). A leading UTF-8 BOM (an editor's) is
 * dropped: the JSON after it is the user's newest data and worth more than a backup.
 */
import type { z } from 'zod';
import { STORE_SCHEMA_VERSION } from '../../core/store-schema';
import { migrate, versionOf, type StoreFileKind } from './migrations';

export type Decoded<T> =
  | { ok: true; data: T; migratedFrom: number | null }
  | { ok: false; problem: 'corrupt'; reason: string }
  | { ok: false; problem: 'newer'; version: number };

export function decodeStoreFile<T>(bytes: Buffer, kind: StoreFileKind, schema: z.ZodType<T>): Decoded<T> {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: 'corrupt', reason: 'empty file' };
  if (text.includes('\u0000')) return { ok: false, problem: 'corrupt', reason: 'NUL bytes in file' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: 'corrupt', reason: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'corrupt', reason: 'not a JSON object' };
  const version = versionOf(raw as Record<string, unknown>);
  if (version > STORE_SCHEMA_VERSION) return { ok: false, problem: 'newer', version };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(kind, raw as Record<string, unknown>);
  } catch (e) {
    return { ok: false, problem: 'corrupt', reason: `migration failed (${(e as Error).message})` };
  }
  const parsed = schema.safeParse(migrated);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: 'corrupt', reason: `schema: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}` };
  }
  return { ok: true, data: parsed.data, migratedFrom: version < STORE_SCHEMA_VERSION ? version : null };
}
