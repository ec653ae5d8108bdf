import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { inTransaction } from './bound.js';
import { rowsOf, type Db } from './client.js';

/**
 * Reads from a streaming-replication hot standby (deploy/README.md). A route that only reads and
 * may show data a few seconds old declares `config.replica` (plugins/read-replica.ts); while its
 * handler runs, the reads it makes through `deps.db` go to the standby — if the standby answers and
 * is at most N seconds behind. Writes (an export's audit event) and transactions always go to the
 * primary. Without READ_DATABASE_URL none of this is built and every query goes to the primary.
 */

export type DbTarget = 'replica' | 'primary';

/**
 * What a probe of the standby found: how many seconds of the primary's committed work it has not
 * replayed yet; `notStandby` when it is no longer in recovery (promoted, or misconfigured: it would
 * not follow the primary any more); `down` when it (or the primary) did not answer.
 */
export type StandbyState = { lagSeconds: number } | 'notStandby' | 'down';

/** The rule, pure: the standby serves only when it is a standby and close enough behind. */
export function targetFor(state: StandbyState, maxLagSeconds: number): DbTarget {
  if (state === 'down' || state === 'notStandby') return 'primary';
  return state.lagSeconds <= maxLagSeconds ? 'replica' : 'primary';
}

/** Where the reads of the current call go, when a replica route chose the standby. */
const readScope = new AsyncLocalStorage<Db>();

/** The query builders that only read (relational `query` too); everything else stays on the primary. */
const READS = new Set<PropertyKey>(['select', 'selectDistinct', 'selectDistinctOn', 'execute', 'query', '$count']);

/**
 * `deps.db` when a standby is configured: the primary, except for the reads made inside
 * `ReadRouter.run('replica', …)` outside any open transaction (a transaction must see its own writes).
 * A raw `execute` that writes inside a replica route fails on the standby ("read-only transaction"):
 * the PostgreSQL test of the replica routes would show it.
 */
export function routeReads(primary: Db): Db {
  return new Proxy(primary, {
    get(_, prop) {
      const replica = readScope.getStore();
      const db = replica && READS.has(prop) && !inTransaction() ? replica : primary;
      const value = Reflect.get(db, prop, db) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
  });
}

export interface ReadRouterOptions {
  replica: Db;
  probe: () => Promise<StandbyState>;
  maxLagSeconds: number;
  /** How long one probe's answer stands (default 1 s): one probe a second per instance, whatever the traffic. */
  cacheMs?: number;
  now?: () => number;
}

/** Chooses the standby or the primary for replica routes, probing at most once per `cacheMs`. */
export class ReadRouter {
  private cached: { target: DbTarget; state: StandbyState; at: number } | null = null;
  private inFlight: Promise<DbTarget> | null = null;
  constructor(private readonly opts: ReadRouterOptions) {}

  /** The last state probed (for logs and tests). */
  get lastState(): StandbyState | null {
    return this.cached?.state ?? null;
  }

  async choose(): Promise<DbTarget> {
    const now = (this.opts.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.opts.cacheMs ?? 1000)) return this.cached.target;
    // Concurrent requests share one probe instead of each asking the standby.
    this.inFlight ??= this.probe().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async probe(): Promise<DbTarget> {
    const state = await this.opts.probe().catch((): StandbyState => 'down');
    const target = targetFor(state, this.opts.maxLagSeconds);
    this.cached = { target, state, at: (this.opts.now ?? Date.now)() };
    return target;
  }

  /** Runs a handler with its reads on the chosen database. */
  run<T>(target: DbTarget, fn: () => T): T {
    return target === 'replica' ? readScope.run(this.opts.replica, fn) : fn();
  }
}

/**
 * The standby's lag, by WAL position: where the primary's WAL ends now against what the standby
 * has replayed. Caught up (or ahead of the position read a moment before): 0. Behind: the time since
 * the last transaction it replayed was committed on the primary — an upper bound of how stale its
 * answers can be (after a long idle spell it over-states the lag until the standby catches up,
 * which errs towards the primary).
 */
export function walLagProbe(primary: Db, replica: Db): () => Promise<StandbyState> {
  return async () => {
    const [p] = rowsOf<{ lsn: string }>(await primary.execute(sql`select pg_current_wal_lsn()::text as lsn`));
    const [r] = rowsOf<{ standby: boolean; behind_bytes: string | null; behind_seconds: number | null }>(
      await replica.execute(sql`
        select pg_is_in_recovery() as standby,
          pg_wal_lsn_diff(${p!.lsn}::pg_lsn, pg_last_wal_replay_lsn())::text as behind_bytes,
          extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as behind_seconds`),
    );
    if (!r!.standby) return 'notStandby';
    if (r!.behind_bytes === null) return 'down';
    if (Number(r!.behind_bytes) <= 0) return { lagSeconds: 0 };
    return { lagSeconds: Math.max(0, r!.behind_seconds ?? Number.POSITIVE_INFINITY) };
  };
}
