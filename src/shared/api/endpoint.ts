import type { z } from 'zod';

/**
 * One endpoint of the API, declared once: the server registers its route from it (with the same
 * schemas for validation and the OpenAPI document), and the web calls it with `call()`, its answer
 * typed from `response`. Paths are below /api and name their parameters as `:id`.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request headers the route reads (e.g. the version an edit starts from). */
  headers?: z.ZodType;
  response: z.ZodType;
}

/** Keeps the exact schema types of a declaration (so that answers and inputs are inferred from it). */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type Part<E, K extends 'params' | 'query' | 'body', Side extends 'in' | 'out'> = E extends {
  [P in K]: infer S extends z.ZodType;
}
  ? Side extends 'in'
    ? z.input<S>
    : z.output<S>
  : undefined;

/** What the server's handler receives (after validation and defaults). */
export type ParamsOf<E> = Part<E, 'params', 'out'>;
export type QueryOf<E> = Part<E, 'query', 'out'>;
export type BodyOf<E> = Part<E, 'body', 'out'>;
/** What a caller sends (before defaults). */
export type ParamsIn<E> = Part<E, 'params', 'in'>;
export type QueryIn<E> = Part<E, 'query', 'in'>;
export type BodyIn<E> = Part<E, 'body', 'in'>;
/** The answer. */
export type ResponseOf<E extends Endpoint> = z.output<E['response']>;

/** The URL of an endpoint for these parameters and query (values are encoded; empty ones left out). */
export function urlOf(e: Endpoint, params?: Record<string, string>, query?: Record<string, unknown>): string {
  const path = e.path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`${e.method} ${e.path}: missing :${name}`);
    return encodeURIComponent(v);
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api${path}${s ? `?${s}` : ''}`;
}
