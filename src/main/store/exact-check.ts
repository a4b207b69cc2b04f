/**
 * A fast stand-in for `schema.safeParse(data)` on data that was just parsed from JSON, valid
 * only where it gives the same answer: `exactCheck(schema)(data)` is true only when zod would
 * accept `data` **and** return a value equal to it, key order included (no default to fill in,
 * no unknown key to strip, keys in the schema's order). When it is false nothing is known and
 * the caller runs zod, which validates and normalises as before.
 *
 * Why: the store writes only data that zod has just returned (`StoreFile.validate`), serialised
 * with JSON.stringify, so every file it wrote is already in that exact form and passes here.
 * Reading a 2,000-document workspace spends about a second in zod building a deep copy of
 * what JSON.parse built; this walk checks the same rules (types, enums, literals, integer and
 * range checks, required keys) without copying. Anything else — a hand-edited file, a file of
 * an older version, an extra key — fails here and goes through zod, which accepts and
 * normalises it or rejects it with its usual message (and the store's recovery runs).
 *
 * The checker is derived from the zod schema itself, so a schema change cannot leave it
 * behind; a zod construct it does not know (refinements, transforms, string checks, …) makes
 * `exactCheck` return null for that schema and every read uses zod. `exact-check.test.ts`
 * compares it with zod on valid, normalised and mutated documents.
 */
import type { z } from 'zod';

export type ExactCheck = (value: unknown) => boolean;

/** The parts of zod v4's internal definitions read here. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: Schema[];
  discriminator?: string;
  unionFallback?: boolean;
  mode?: string;
}
interface CheckDef {
  check?: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
}
interface Schema {
  _zod: { def: Def; optin?: string };
}

class Unsupported extends Error {}

const cache = new WeakMap<object, ExactCheck | null>();

/** The exact checker of a schema, or null when the schema uses something this module does not model. */
export function exactCheck(schema: z.ZodType): ExactCheck | null {
  let c = cache.get(schema);
  if (c === undefined) {
    try {
      c = compile(schema as unknown as Schema);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      c = null;
    }
    cache.set(schema, c);
  }
  return c;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** option types a plain union may hold: zod passes such values through unchanged */
const SCALAR = new Set(['string', 'number', 'boolean', 'null', 'literal', 'enum']);

function compile(schema: Schema): ExactCheck {
  const def = schema?._zod?.def;
  if (!def) throw new Unsupported('not a zod v4 schema');
  const checks = def.checks ?? [];
  if (def.type !== 'number' && checks.length > 0) throw new Unsupported(`checks on ${def.type}`);
  switch (def.type) {
    case 'string':
      if (def.coerce) throw new Unsupported('coerce');
      return (v) => typeof v === 'string';
    case 'number': {
      if (def.coerce) throw new Unsupported('coerce');
      const tests = checks.map((c) => numberCheck(c._zod.def));
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return false;
        for (const t of tests) if (!t(v)) return false;
        return true;
      };
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'literal': {
      const values = new Set(def.values ?? []);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType as Schema);
      return (v) => v === null || inner(v);
    }
    // JSON has no undefined: a present value must pass the inner type (absence is handled by the object)
    case 'optional':
    case 'default':
      return compile(def.innerType as Schema);
    case 'array': {
      const element = compile(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return objectCheck(def);
    case 'record': {
      const keyDef = def.keyType?._zod.def;
      if (!keyDef || keyDef.type !== 'string' || (keyDef.checks ?? []).length > 0 || def.mode === 'loose') throw new Unsupported('record key type');
      const value = compile(def.valueType as Schema);
      return (v) => {
        if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
        for (const k in v) {
          // zod drops a "__proto__" key: the result would differ
          if (k === '__proto__' || !value(v[k])) return false;
        }
        return true;
      };
    }
    case 'union': {
      const key = def.discriminator;
      if (typeof key !== 'string' && !def.unionFallback) {
        // a plain union of scalar types (string | number …): zod returns the value unchanged when any option takes it
        const options = (def.options ?? []) as Schema[];
        if (options.length === 0 || !options.every((o) => SCALAR.has(o?._zod?.def?.type ?? ''))) throw new Unsupported('union without discriminator');
        const tests = options.map(compile);
        return (v) => tests.some((t) => t(v));
      }
      if (typeof key !== 'string' || def.unionFallback) throw new Unsupported('union without discriminator');
      const byTag = new Map<unknown, ExactCheck>();
      for (const option of def.options ?? []) {
        const tag = option._zod.def.shape?.[key]?._zod.def;
        if (!tag || tag.type !== 'literal' || (tag.values ?? []).length !== 1) throw new Unsupported('discriminator');
        byTag.set((tag.values as unknown[])[0], compile(option));
      }
      return (v) => {
        if (!isObject(v)) return false;
        const option = byTag.get(v[key]);
        return option !== undefined && option(v);
      };
    }
    default:
      throw new Unsupported(def.type);
  }
}

function numberCheck(c: CheckDef): (v: number) => boolean {
  switch (c.check) {
    case 'number_format':
      if (c.format === 'safeint') return Number.isSafeInteger;
      throw new Unsupported(`number format ${c.format}`);
    case 'greater_than': {
      const min = c.value as number;
      if (typeof min !== 'number') throw new Unsupported('bound');
      return c.inclusive ? (v) => v >= min : (v) => v > min;
    }
    case 'less_than': {
      const max = c.value as number;
      if (typeof max !== 'number') throw new Unsupported('bound');
      return c.inclusive ? (v) => v <= max : (v) => v < max;
    }
    default:
      throw new Unsupported(`number check ${c.check}`);
  }
}

/**
 * zod (strip mode) builds a new object with the shape's keys in the shape's order, leaving out
 * an absent optional key and filling in an absent defaulted one. So the input is already the
 * output when its own keys are exactly the shape's keys, in order, where only plain optional
 * ones may be missing.
 */
function objectCheck(def: Def): ExactCheck {
  if (def.catchall !== undefined) throw new Unsupported('catchall');
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) throw new Unsupported('__proto__ key');
  const fields = keys.map((k) => compile(shape[k]));
  const mayBeAbsent = keys.map((k) => {
    const d = shape[k]._zod.def;
    return d.type === 'optional' && (d.innerType as Schema)._zod.optin !== 'defaulted';
  });
  const n = keys.length;
  return (v) => {
    if (!isObject(v)) return false;
    let j = 0;
    for (const k in v) {
      // the next key of the input must be the next shape key, skipping only absent optional ones
      while (j < n && keys[j] !== k && mayBeAbsent[j]) j++;
      if (j === n || keys[j] !== k || !fields[j](v[k])) return false;
      j++;
    }
    while (j < n && mayBeAbsent[j]) j++;
    return j === n;
  };
}
