import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/client.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { ReadRouter } from './db/replica.js';

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Set when a hot standby is configured (READ_DATABASE_URL): chooses where replica routes read. */
  reads?: ReadRouter;
}

/** A route module: registered under /api with the app's dependencies. */
export type RouteModule = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
