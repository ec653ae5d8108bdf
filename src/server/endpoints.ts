import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteShorthandOptions,
} from 'fastify';
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from '../shared/api/endpoint.js';
import type { Actor } from '../domain/roles.js';
import { typed } from './types.js';

/** The request as a handler of a declared endpoint sees it: the actor and the validated parts. */
export interface EndpointRequest<E extends Endpoint> {
  actor: Actor;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  raw: FastifyRequest;
}

/**
 * Registers the route of an endpoint declared in src/shared/api: its schemas validate the input,
 * document it, and type both the handler and the web's `call()`. `config` says who may call it.
 */
export function declare<E extends Endpoint>(
  app: FastifyInstance,
  e: E,
  config: FastifyContextConfig,
  handler: (req: EndpointRequest<E>, reply: FastifyReply) => Promise<ResponseOf<E>>,
  options: Pick<RouteShorthandOptions, 'serializerCompiler' | 'bodyLimit'> = {},
): void {
  typed(app).route({
    method: e.method,
    url: e.path,
    config,
    ...options,
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      response: { 200: e.response },
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.headers ? { headers: e.headers } : {}),
    },
    // The actor is read when the handler asks for it: public routes (sign-in) have none, and reading it without a session answers 401.
    handler: (req, reply) =>
      handler(
        {
          get actor() {
            return req.actor;
          },
          params: req.params as ParamsOf<E>,
          query: req.query as QueryOf<E>,
          body: req.body as BodyOf<E>,
          raw: req,
        },
        reply,
      ),
  });
}
