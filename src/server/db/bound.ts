import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.js';

/** The transaction open in this call, while it is open. */
interface Open {
  tx: Db;
  open: boolean;
}
const current = new AsyncLocalStorage<Open>();

/**
 * The database as services see it: while a transaction is open in the current call, every query
 * made through it — by a repo given `deps.db` deep inside a use case — runs in that transaction.
 * On the embedded database (one connection) a query outside the open transaction would wait for it
 * forever; on PostgreSQL it would not see the transaction's own writes. A transaction begun inside
 * another is a savepoint of it. Work the call leaves behind (a timer, a promise not awaited) goes to
 * the database itself once the transaction has ended.
 */
export function bindTransactions(base: Db): Db {
  const target = (): Db => {
    const s = current.getStore();
    return s?.open ? s.tx : base;
  };
  return new Proxy(base, {
    get(_, prop) {
      const db = target();
      if (prop === 'transaction') {
        return <T>(fn: (tx: Db) => Promise<T>, config?: unknown) =>
          (db.transaction as (f: (tx: Db) => Promise<T>, c?: unknown) => Promise<T>)(async (tx) => {
            const state: Open = { tx, open: true };
            try {
              return await current.run(state, () => fn(tx));
            } finally {
              state.open = false;
            }
          }, config);
      }
      const value = Reflect.get(db, prop, db) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
  });
}

/** Is a transaction open in the current call? (For tests and assertions.) */
export const inTransaction = () => current.getStore()?.open === true;
