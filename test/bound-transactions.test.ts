import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../src/server/db/bound.js';
import { units } from '../src/server/db/schema/index.js';
import { testDatabase } from './helpers.js';

/**
 * The open transaction is bound for the duration of the call (src/server/db/bound.ts): a query a
 * repo makes through the shared `db` inside a transaction runs in it — on the embedded database it
 * would otherwise wait forever for the one connection — and sees the transaction's own writes.
 * (Run on PGlite by `npm test`, on PostgreSQL by the CI's PG suite.)
 */
const code = () => `BT${Math.random().toString(36).slice(2, 8)}`;
const unitRow = (c: string) => ({ code: c, name: `绑定测试${c}` });

describe('a transaction bound to the call', () => {
  it('runs the shared db’s queries inside the open transaction, which sees its own writes', async () => {
    const { db } = await testDatabase();
    const c = code();
    const seen = await db.transaction(async (tx) => {
      await tx.insert(units).values(unitRow(c));
      expect(inTransaction()).toBe(true);
      // The shared handle, as a repo deep in a use case would be given it: no deadlock, and the row is there.
      return (await db.select().from(units).where(eq(units.code, c))).length;
    });
    expect(seen).toBe(1);
    expect(inTransaction()).toBe(false);
  });

  it('rolls back what the shared db wrote inside a transaction that fails', async () => {
    const { db } = await testDatabase();
    const c = code();
    await expect(
      db.transaction(async () => {
        await db.insert(units).values(unitRow(c));
        throw new Error('失败');
      }),
    ).rejects.toThrow('失败');
    expect(await db.select().from(units).where(eq(units.code, c))).toEqual([]);
  });

  it('makes a transaction begun inside another a savepoint of it', async () => {
    const { db } = await testDatabase();
    const [kept, undone] = [code(), code()];
    await db.transaction(async () => {
      await db.insert(units).values(unitRow(kept));
      await expect(
        db.transaction(async () => {
          await db.insert(units).values(unitRow(undone));
          throw new Error('内层失败');
        }),
      ).rejects.toThrow('内层失败');
    });
    expect((await db.select().from(units).where(eq(units.code, kept))).length).toBe(1);
    expect(await db.select().from(units).where(eq(units.code, undone))).toEqual([]);
  });

  it('sends work left behind by a finished transaction to the database itself', async () => {
    const { db } = await testDatabase();
    const c = code();
    let later: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.insert(units).values(unitRow(c));
      later = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        db.select().from(units).where(eq(units.code, c)),
      );
    });
    expect(((await later) as unknown[]).length).toBe(1);
  });
});
