import fc from 'fast-check';
import type { Kind } from './fuzz-fixtures.js';
import {
  evilValue,
  holdsIds,
  idKindOf,
  RAW_BODIES,
  RAW_QUERY_VALUES,
  setAt,
  slotsOf,
  validValue,
  type IdPools,
  type Schema,
} from './fuzz-gen.js';

/** A route of the OpenAPI document as the fuzz test reads it. */
export interface FuzzRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: { name: string; schema: Schema }[];
  query: { name: string; schema: Schema; required: boolean }[];
  body: Schema | null;
}

/** One request: the URL as sent (already encoded), its body and headers, and what was done to it. */
export interface FuzzCase {
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  note: string;
  /** Another unit's ids put where an id belongs (a path parameter or an id field): the request must not store them. */
  foreign: string[];
}

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};

export function routesOf(doc: { paths: Record<string, Record<string, Operation>> }): FuzzRoute[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      method: m.toUpperCase() as FuzzRoute['method'],
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
}

const SEGMENT_KINDS: Record<string, Kind> = {
  departments: 'department',
  posts: 'post',
  groups: 'group',
  people: 'person',
  users: 'user',
  items: 'item',
  inbox: 'notification',
  unavailability: 'unavailability',
  campaigns: 'campaign',
  activities: 'activity',
  'opinion-forms': 'opinionForm',
  'org-life': 'meeting',
  'study-sessions': 'study',
  talks: 'talk',
  'self-check-lists': 'list',
  'opinion-items': 'opinionItem',
  channels: 'channel',
  deliveries: 'delivery',
};
const PARAM_KINDS: Record<string, Kind> = {
  grantId: 'grant',
  requestId: 'extension',
  milestoneId: 'milestone',
  measureId: 'measure',
  ruleId: 'rule',
  rollCallId: 'rollCall',
  distributionId: 'distribution',
};

/** The kind of thing a path parameter names. */
export function paramKind(path: string, param: string): Kind | null {
  if (param !== 'id') return PARAM_KINDS[param] ?? null;
  const first = path.split('/')[2]!;
  if (first === 'people' && path.includes('/imports/')) return 'import';
  if (first === 'calendar') return path.includes('/imports/') ? 'calendarImport' : 'override';
  return SEGMENT_KINDS[first] ?? null;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const BOUNDARY = 'fuzzboundary';
const part = (name: string, filename?: string, content = 'x') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;
const END = `--${BOUNDARY}--\r\n`;
const PDF = '%PDF-1.4\n% 材料\n%%EOF\n';
const mp = (body: string | Buffer, note: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`) => ({
  payload: Buffer.isBuffer(body) ? body : Buffer.from(body),
  headers: { 'content-type': contentType },
  note: `multipart: ${note}`,
});

/** Uploads that are not what any upload route takes: no boundary, cut short, a field for the file, too many parts, hostile file names. */
const MULTIPART = [
  mp(part('file', 'a.pdf', PDF) + END, 'no boundary', 'multipart/form-data'),
  mp(part('file', 'a.pdf', PDF) + END, 'another boundary', 'multipart/form-data; boundary=other'),
  mp(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n${PDF}`, 'truncated body'),
  mp(`--${BOUNDARY}\r\nContent-Disposition: form-da`, 'truncated headers'),
  mp(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot a file\r\n${END}`,
    'a field instead of the file',
  ),
  mp(
    part('file', 'a.pdf', PDF) + END,
    'a boundary of 300 characters',
    `multipart/form-data; boundary=${'b'.repeat(300)}`,
  ),
  mp(part('file', 'a.pdf', PDF) + END, 'an empty boundary', 'multipart/form-data; boundary='),
  mp(part('file', 'a.pdf', PDF) + part('file2', 'b.pdf', PDF) + part('file3', 'c.pdf', PDF) + END, 'three files'),
  mp(Array.from({ length: 12 }, (_, i) => part(`f${i}`)).join('') + part('file', 'a.pdf', PDF) + END, 'twelve fields'),
  mp(
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a`),
      Buffer.from([0]),
      Buffer.from(`.pdf"\r\n\r\n${PDF}\r\n${END}`),
    ]),
    'NUL in the file name',
  ),
  mp(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00%ED%A0%80.pdf\r\n\r\n${PDF}\r\n${END}`,
    'encoded NUL and surrogate in the file name',
  ),
  mp(
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="`),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(`.pdf"\r\n\r\n${PDF}\r\n${END}`),
    ]),
    'broken UTF-8 in the file name',
  ),
  mp('', 'empty'),
  mp(END, 'no parts'),
  mp(part('file', 'a.pdf', PDF) + END, 'a small PDF'),
];

const RAW_PARAMS = ['x', '%00', '%ED%A0%80', '..%2F..%2Fetc', 'A'.repeat(190), '00000000-0000-0000-0000-000000000000'];

/**
 * Cases for a route: valid-ish requests (ids of the unit, plausible dates), and the same with one
 * or two fields, a path parameter or a query value made hostile, whole bodies that are not JSON
 * objects, and for routes without a JSON body hostile uploads.
 */
export function caseArbitrary(route: FuzzRoute, pools: IdPools, token: string): fc.Arbitrary<FuzzCase> {
  const paramsArb = fc.record(
    Object.fromEntries(
      route.params.map((p) => {
        const kind = paramKind(route.path, p.name);
        const value =
          p.name === 'token'
            ? fc.constant(token)
            : p.name === 'format'
              ? fc.constantFrom('svg', 'png')
              : p.name === 'sha256'
                ? fc.constant('0'.repeat(64))
                : fc.constantFrom(...(kind ? pools.mine[kind] : ['x']));
        return [p.name, value];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryArb = fc.record(
    Object.fromEntries(
      route.query.map((q) => [
        q.name,
        validValue(q.schema, q.name, pools).map((v) => (v === null ? undefined : encodeURIComponent(String(v)))),
      ]),
    ),
    {
      requiredKeys: route.query.filter((q) => q.required).map((q) => q.name),
    },
  ) as fc.Arbitrary<Record<string, string | undefined>>;
  const bodyArb = route.body ? validValue(route.body, '', pools) : fc.constant(undefined);
  const base = fc.record({ params: paramsArb, query: queryArb, body: bodyArb });
  const theirIds = Object.values(pools.theirs).flat();
  const idsIn = (v: unknown) => {
    const s = JSON.stringify(v) ?? '';
    return theirIds.filter((id) => s.includes(id));
  };
  type Parts = { params: Record<string, string>; query: Record<string, string | undefined>; body: unknown };
  const build = (b: Parts, note: string, raw?: Partial<FuzzCase>, foreign: string[] = []): FuzzCase => {
    let url = route.path.replace(/\{(\w+)\}/g, (_, n: string) => b.params[n] ?? 'x');
    const qs = Object.entries(b.query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    if (qs) url += `?${qs}`;
    if (raw?.payload !== undefined)
      return { url, payload: raw.payload, headers: raw.headers ?? JSON_HEADERS, note, foreign };
    if (route.method === 'GET' || b.body === undefined)
      return {
        url,
        headers: route.method === 'GET' ? {} : JSON_HEADERS,
        payload: route.method === 'GET' ? undefined : '{}',
        note,
        foreign,
      };
    return { url, payload: JSON.stringify(b.body), headers: JSON_HEADERS, note, foreign };
  };

  const mutateBody = (v: unknown) => {
    const slots = slotsOf(v, route.body ?? {});
    return fc.constantFrom(...slots).chain((slot) =>
      evilValue(slot.name, pools, holdsIds(slot)).map((e) => ({
        value: setAt(v, slot.path, e),
        foreign: holdsIds(slot) ? idsIn(e) : [],
        note: `${slot.path.join('.') || '(body)'} = ${JSON.stringify(e)?.slice(0, 60)}`,
      })),
    );
  };
  const kinds: fc.WeightedArbitrary<FuzzCase>[] = [{ weight: 2, arbitrary: base.map((b) => build(b, 'valid-ish')) }];
  if (route.body) {
    kinds.push({
      weight: 8,
      arbitrary: base.chain((b) =>
        mutateBody(b.body).chain((m1) =>
          fc
            .boolean()
            .chain((twice) =>
              twice
                ? mutateBody(m1.value).map((m2) => ({
                    value: m2.value,
                    foreign: [...m1.foreign, ...m2.foreign],
                    note: `${m1.note}; ${m2.note}`,
                  }))
                : fc.constant(m1),
            )
            .map((m) => build({ ...b, body: m.value }, m.note, undefined, m.foreign)),
        ),
      ),
    });
  }
  if (route.body && JSON.stringify(route.body).includes('"uuid"')) {
    // Another unit's id in one id field of an otherwise valid body: the request must be refused (or store nothing of it).
    kinds.push({
      weight: 3,
      arbitrary: base.chain((b) => {
        const slots = slotsOf(b.body, route.body!).filter(holdsIds);
        if (slots.length === 0) return fc.constant(build(b, 'valid-ish'));
        return fc.constantFrom(...slots).chain((slot) => {
          const kind = idKindOf(slot.name);
          const theirs = kind ? pools.theirs[kind] : theirIds;
          return fc.constantFrom(...theirs).map((id) => {
            const value = slot.schema.type === 'array' ? [id] : id;
            return build(
              { ...b, body: setAt(b.body, slot.path, value) },
              `${slot.path.join('.')} = another unit's ${kind ?? 'id'}`,
              undefined,
              [id],
            );
          });
        });
      }),
    });
  }
  if (route.method !== 'GET')
    kinds.push({
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...RAW_BODIES))
        .map(([b, raw]) => build(b, `raw body ${raw.slice(0, 40)}`, { payload: raw })),
    });
  if (route.method !== 'GET' && !route.body)
    kinds.push({
      weight: 3,
      arbitrary: fc.tuple(base, fc.constantFrom(...MULTIPART)).map(([b, m]) => build(b, m.note, m)),
    });
  const idParams = route.params.filter((p) => p.name !== 'token' && p.name !== 'format');
  if (idParams.length) {
    kinds.push({
      weight: 2,
      arbitrary: fc.tuple(base, fc.constantFrom(...idParams), fc.nat()).chain(([b, p, n]) => {
        const kind = paramKind(route.path, p.name);
        const theirs = kind ? pools.theirs[kind] : [];
        return fc
          .constantFrom(
            ...RAW_PARAMS,
            ...theirs,
            ...(kind ? [pools.mine[kind][n % pools.mine[kind].length]!.toUpperCase()] : []),
          )
          .map((v) =>
            build(
              { ...b, params: { ...b.params, [p.name]: v } },
              `path ${p.name} = ${v.slice(0, 40)}`,
              undefined,
              theirIds.includes(v) ? [v] : [],
            ),
          );
      }),
    });
  }
  if (route.query.length) {
    kinds.push({
      weight: route.method === 'GET' ? 6 : 2,
      arbitrary: fc.tuple(base, fc.constantFrom(...route.query)).chain(([b, q]) => {
        const kind = q.schema.format === 'uuid' ? 'theirs' : null;
        const values = [...RAW_QUERY_VALUES, ...(kind ? Object.values(pools.theirs).flat().slice(0, 20) : [])];
        return fc
          .constantFrom(...values)
          .map((v) => build({ ...b, query: { ...b.query, [q.name]: v } }, `query ${q.name} = ${v.slice(0, 40)}`));
      }),
    });
    kinds.push({
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...route.query))
        .map(([b, q]) => build({ ...b, query: { ...b.query, [q.name]: `a&${q.name}=b` } }, `query ${q.name} twice`)),
    });
  }
  return fc.oneof(...kinds);
}
