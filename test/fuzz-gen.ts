import fc from 'fast-check';
import type { Kind } from './fuzz-fixtures.js';

/** The part of an OpenAPI 3 / JSON schema the generator reads. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Ids of the unit the fuzz acts in, and of another unit. */
export interface IdPools {
  mine: Record<Kind, string[]>;
  theirs: Record<Kind, string[]>;
}

/** Does the field hold ids (so that another unit's id there must be refused)? */
export const holdsIds = (slot: Slot) =>
  slot.schema.format === 'uuid' ||
  slot.schema.items?.format === 'uuid' ||
  (slot.schema.anyOf ?? []).some((a) => a.format === 'uuid');

/** Which kind of thing a field names by its name (personId, ownerPersonIds, formId…). */
export function idKindOf(name: string): Kind | null {
  if (name === 'ids' || name === 'intoId' || name === 'sourceItemId') return 'opinionItem';
  const n = name.replace(/Ids?$/, '');
  if (/person|participant|absent|assignee|holder|approver|^from$|^to$/i.test(n)) return 'person';
  if (/department/i.test(n)) return 'department';
  if (/group/i.test(n)) return 'group';
  const direct: Record<string, Kind> = {
    campaign: 'campaign',
    form: 'opinionForm',
    item: 'item',
    object: 'object',
    channel: 'channel',
    unit: 'unit',
    scope: 'department',
  };
  return direct[n] ?? null;
}

const DATE_NAME = /On$|Date$|^due$|^date$|^from$|^to$|^explicitDue$/;
const DATES = ['2026-11-02', '2026-11-30', '2026-12-01', '2026-12-20', '2026-01-01', '2026-12-31', '2027-03-15'];
const TEXT_UNIT = fc.constantFrom(...'测试意见学习调研整改落实作风建设abcXYZ0123'.split(''));
const CONTROL_FREE = '^[^\\p{Cc}]*$';

function anyId(pools: IdPools, kind: Kind | null, side: 'mine' | 'theirs'): fc.Arbitrary<string> {
  const pool = kind ? pools[side][kind] : Object.values(pools[side]).flat();
  return fc.constantFrom(...pool);
}

function stringValue(s: Schema, name: string, pools: IdPools): fc.Arbitrary<string> {
  if (s.format === 'uuid') return name === 'progressId' ? fc.uuid() : anyId(pools, idKindOf(name), 'mine');
  if (s.format === 'email') return fc.constantFrom('zhou.kai@example.gov.cn', 'a@b.cn');
  if (DATE_NAME.test(name) && !s.pattern) return fc.constantFrom(...DATES);
  if (s.pattern && s.pattern !== CONTROL_FREE) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern, 'u'))
        .filter((v) => v.length <= (s.maxLength ?? 200) && v.length >= (s.minLength ?? 0));
    } catch {
      // A pattern fast-check cannot read: plain text below.
    }
  }
  const min = Math.max(s.minLength ?? 0, 1);
  return fc.string({
    unit: TEXT_UNIT,
    minLength: min,
    maxLength: Math.max(min, Math.min(s.maxLength ?? 24, min + 16)),
  });
}

function numberValue(s: Schema, name: string, integer: boolean): fc.Arbitrary<number> {
  // Records are fresh: a version past 3 would only ever meet a conflict.
  if (name === 'version') return fc.integer({ min: Math.max(s.minimum ?? 1, 0), max: 3 });
  const min = Math.max(s.minimum ?? 0, -1000);
  const max = Math.min(s.maximum ?? min + 100, min + 60);
  return integer
    ? fc.integer({ min, max })
    : fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value that the schema accepts, or nearly: ids are real ids of the unit, dates plausible, texts short. */
export function validValue(s: Schema, name: string, pools: IdPools, depth = 0): fc.Arbitrary<unknown> {
  const inner = (): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.const !== undefined) return fc.constant(s.const);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, name, pools, depth + 1)));
    if (s.allOf?.length) return validValue(s.allOf[0]!, name, pools, depth + 1);
    switch (typeOf(s)) {
      case 'object':
        return objectValue(s, pools, depth);
      case 'array': {
        const min = s.minItems ?? 0;
        return fc
          .array(validValue(s.items ?? {}, name.replace(/s$/, ''), pools, depth + 1), {
            minLength: min,
            maxLength: Math.min(s.maxItems ?? 3, min + 3),
          })
          .map((a) => (idKindOf(name) ? [...new Set(a)] : a));
      }
      case 'string':
        return stringValue(s, name, pools);
      case 'integer':
        return numberValue(s, name, true);
      case 'number':
        return numberValue(s, name, false);
      case 'boolean':
        return fc.boolean();
      default:
        return fc.constantFrom<unknown>('x', 1, true);
    }
  };
  return s.nullable ? fc.option(inner(), { nil: null, freq: 4 }) : inner();
}

function objectValue(s: Schema, pools: IdPools, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, validValue(p, k, pools, depth + 1)]));
  const record = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  if (typeof s.additionalProperties !== 'object') return record;
  const extra = fc.dictionary(
    fc.constantFrom('c1', 'c2', 'c3', 'leadership', 'members', 'q1', 'visits'),
    validValue(s.additionalProperties, 'value', pools, depth + 1),
    { maxKeys: 3 },
  );
  return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** Where a value may be replaced: every present node, and every absent property the schema names. */
export interface Slot {
  path: (string | number)[];
  name: string;
  schema: Schema;
}
export function slotsOf(
  value: unknown,
  s: Schema,
  path: (string | number)[] = [],
  name = '',
  out: Slot[] = [],
): Slot[] {
  out.push({ path, name, schema: s });
  const branches = [s, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (Array.isArray(value)) {
    const items = branches.find((b) => b.items)?.items ?? {};
    value.forEach((v, i) => slotsOf(v, items, [...path, i], name, out));
  } else if (value && typeof value === 'object') {
    const props = Object.assign({}, ...branches.map((b) => b.properties ?? {})) as Record<string, Schema>;
    for (const k of new Set([...Object.keys(props), ...Object.keys(value)])) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) out.push({ path: [...path, k], name: k, schema: props[k] ?? {} });
      else slotsOf(v, props[k] ?? {}, [...path, k], k, out);
    }
  }
  return out;
}

export function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...root];
    copy[Number(head)] = setAt(copy[Number(head)], rest, v);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(root as object) };
  copy[String(head)] = setAt(copy[String(head)], rest, v);
  return copy;
}

const nested = (depth: number, leaf: unknown, asObject: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
};

/** Lone surrogates and NUL, alone or inside text. */
export const BAD_TEXT = ['\ud800', 'a\udc00b', '意见\udbff', '\u0000', 'a\u0000b', '整改\u0000措施'];
const NUMBERS = [
  2147483648, 2147483647, -2147483649, 9007199254740991, -9007199254740991, 1e21, 1e300, -1, 0, 0.5, -0.5,
];
const WRONG = [
  true,
  false,
  null,
  {},
  [],
  '',
  ' ',
  '1',
  '-1',
  'NaN',
  '1e309',
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '2026-1-1',
  '<script>alert(1)</script>',
  '\u202e\ufeff',
  '😀',
];
const LONG = ['a'.repeat(100_000), '长'.repeat(30_000)];

/** A hostile value for a field of this name: bad text, out-of-range numbers, wrong types, deep nesting, long text, foreign or unknown ids. */
export function evilValue(name: string, pools: IdPools, idField = false): fc.Arbitrary<unknown> {
  const kind = idKindOf(name);
  const foreign = fc.oneof(
    anyId(pools, kind, 'theirs'),
    fc.array(anyId(pools, kind, 'theirs'), { minLength: 1, maxLength: 2 }),
  );
  // Where an id belongs, another unit's id is the most telling value.
  if (idField && kind)
    return fc.oneof({ weight: 3, arbitrary: foreign }, { weight: 2, arbitrary: evilValue(name, pools) });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BAD_TEXT) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...WRONG) },
    { weight: 1, arbitrary: fc.constantFrom(...LONG) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 50, max: 400 }), fc.boolean()).map(([d, o]) => nested(d, 1, o)),
    },
    { weight: 3, arbitrary: anyId(pools, kind, 'theirs') },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.uuid(),
        fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid'),
      ),
    },
    { weight: 1, arbitrary: anyId(pools, kind, 'mine').map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.array(anyId(pools, kind, 'theirs'), { minLength: 1, maxLength: 2 }) },
  );
}

/** Whole bodies that are not what any route takes, some of them not even JSON. */
export const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '1e999',
  '{"version":1e400}',
];

/** Query values sent as they are (already percent-encoded): NUL, an encoded lone surrogate, broken UTF-8, huge and negative numbers. */
export const RAW_QUERY_VALUES = [
  '%00',
  '%ED%A0%80',
  '%F0%9F',
  '%FF',
  '99999999999999999999',
  '2147483648',
  '-1',
  '0',
  '1e400',
  'NaN',
  '',
  '%5B%5D',
  'a'.repeat(3000),
  '2026-02-30',
  '%E9%95%BF'.repeat(500),
];
