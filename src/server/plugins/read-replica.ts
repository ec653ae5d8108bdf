import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ReadRouter } from '../db/replica.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route only reads and may show data a few seconds old (dashboards, rankings, exports): with a
     * hot standby configured its reads go there while the standby is within the allowed lag.
     */
    replica?: boolean;
  }
}

/** The header that says which database served a replica route's reads (deploy/test.sh checks it). */
export const DB_HEADER = 'x-zf-db';

/**
 * Wraps the handler of every route declaring `config.replica`: the router chooses (from a probe at
 * most a second old), the reply says which, and the handler's reads run there. Without a standby the
 * routes are left as they are.
 */
export default fp(async function readReplicaPlugin(app: FastifyInstance, opts: { reads?: ReadRouter }) {
  const reads = opts.reads;
  if (!reads) return;
  app.addHook('onRoute', (route) => {
    if (!(route.config as { replica?: boolean } | undefined)?.replica) return;
    const handler = route.handler;
    route.handler = async function (request, reply) {
      const target = await reads.choose();
      reply.header(DB_HEADER, target);
      return reads.run(target, () => handler.call(this, request, reply));
    };
  });
});
