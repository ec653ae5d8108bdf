import {
  urlOf,
  type BodyIn,
  type Endpoint,
  type ParamsIn,
  type QueryIn,
  type ResponseOf,
} from '../shared/api/endpoint';
import { api } from './api';

/** What a call of `E` takes: its path parameters and body when it has them, its query always optional. */
export type CallArgs<E extends Endpoint> = (ParamsIn<E> extends undefined
  ? { params?: undefined }
  : { params: ParamsIn<E> }) &
  (QueryIn<E> extends undefined ? { query?: undefined } : { query?: Partial<QueryIn<E>> }) &
  (BodyIn<E> extends undefined ? { body?: undefined } : { body: BodyIn<E> }) & { headers?: Record<string, string> };

/**
 * Calls an endpoint declared in src/shared/api: the URL is built from its path, and the answer is
 * typed from its response schema (no hand-written answer types in the web).
 */
export function call<E extends Endpoint>(e: E, args: CallArgs<E>): Promise<ResponseOf<E>> {
  const a = args as {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  return api<ResponseOf<E>>(
    e.method,
    urlOf(e, a.params, a.query),
    e.method === 'GET' ? undefined : (a.body ?? {}),
    a.headers,
  );
}
