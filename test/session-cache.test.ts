import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp } from './helpers.js';

const deleteSessionsOf = (db: Db, username: string) =>
  db.execute(sql`delete from sessions where user_id = (select id from users where username = ${username})`);

describe('the session cache', () => {
  it('serves a session removed elsewhere for at most its time, and forgets everything on a write here', async () => {
    const ctx = await testApp({ sessionCacheMs: 60_000 });
    const unit = await newDemoUnit(ctx);
    const member = await signIn(ctx, unit.user('member1'));
    const office = await signIn(ctx, unit.user('office'));
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    // Another instance (or the command line) ends the session: this instance still knows it …
    await deleteSessionsOf(ctx.database.db, unit.user('member1'));
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    // … until any write passes through it.
    expect((await office.post('/api/inbox/read-all')).statusCode).toBe(200);
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('never outlives the session itself', async () => {
    const ctx = await testApp({ sessionCacheMs: 60_000 });
    const unit = await newDemoUnit(ctx);
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance((ctx.config.sessionHours * 3600 + 1) * 1000);
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('is off at 0: a removed session is refused at once', async () => {
    const ctx = await testApp({ sessionCacheMs: 0 });
    const unit = await newDemoUnit(ctx);
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get('/api/auth/me')).statusCode).toBe(200);
    await deleteSessionsOf(ctx.database.db, unit.user('member1'));
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
  });
});
