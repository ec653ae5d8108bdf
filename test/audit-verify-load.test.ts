import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFor } from '../src/server/crypto/keyring.js';
import { readAuditCheckpoints, writeAuditCheckpoints } from '../src/server/modules/audit/checkpoints.service.js';
import { formatCheckpointLine, nextCheckpointLines } from '../src/domain/audit-checkpoints.js';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

/**
 * The audit page's verify reads the checkpoint log inside the server, and the log grows without
 * bound. Reading it must leave the event loop free for everyone else's requests. (How long health
 * takes meanwhile is measured in bench/suites/audit-verify.ts; here only that it answers at all.)
 */
const LINES = 200_000;
let ctx: TestContext;
let base = '';
beforeAll(async () => {
  ctx = await testApp();
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  ctx.config.auditCheckpointDir = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-cp-load-')),
    'audit-checkpoints',
  );
  fs.mkdirSync(ctx.config.auditCheckpointDir, { recursive: true, mode: 0o700 });
  // Other units' checkpoints, signed with the real key: a few years of a city's log.
  const keyring = keyringFor(ctx.config);
  const heads = Array.from({ length: LINES }, (_, i) => ({
    unitId: '99999999-9999-4999-8999-999999999999',
    seq: i + 1,
    hash: (i % 16).toString(16).repeat(64),
  }));
  const lines = nextCheckpointLines(null, heads, ctx.clock.now(), 'sha256', (body, hash) =>
    keyring.mac('audit-checkpoint', body, hash),
  );
  fs.writeFileSync(
    path.join(ctx.config.auditCheckpointDir, '2026-11.log'),
    `${lines.map(formatCheckpointLine).join('\n')}\n`,
  );
});
afterAll(() => fs.rmSync(path.dirname(ctx.config.auditCheckpointDir), { recursive: true, force: true }));

/**
 * Asks /api/health over HTTP, one request after another, until `work` settles; counts the answers
 * that came back before it did. (Over a socket, as a browser would: an injected request never
 * leaves the microtask queue and would tell nothing about the event loop.)
 */
async function healthDuring<T>(work: Promise<T>) {
  let busy = true;
  const settled = work.finally(() => {
    busy = false;
  });
  let answered = 0;
  while (busy) {
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    if (busy && res.ok) answered++;
  }
  return { result: await settled, answered };
}

describe(`verifying against a checkpoint log of ${LINES.toLocaleString('en')} lines`, () => {
  it(
    'reads the log without stopping the server: /api/health answers while it is read',
    { timeout: 120_000 },
    async () => {
      const unit = await newDemoUnit(ctx);
      expect(
        await writeAuditCheckpoints(ctx.database.db, ctx.config, ctx.clock.now(), { unitIds: [unit.unit.id] }),
      ).toBe(1);

      const page = await healthDuring(readAuditCheckpoints(ctx.config, unit.unit.id));
      const counts = (r: Awaited<ReturnType<typeof readAuditCheckpoints>>) => ({
        lines: r.lines,
        authentic: r.authentic,
        problems: r.problems.length,
      });
      expect(counts(page.result)).toEqual({ lines: LINES + 1, authentic: 1, problems: 0 });
      expect(page.answered).toBeGreaterThan(0);

      const auditor = await signIn(ctx, unit.user('auditor'));
      const api = await healthDuring(auditor.get('/api/audit/verify'));
      expect(api.result.json()).toMatchObject({ ok: true, checkpoints: { checked: 1, problem: null }, messages: [] });
      expect(api.answered).toBeGreaterThan(0);

      // The command line authenticates every line.
      const full = await healthDuring(readAuditCheckpoints(ctx.config));
      expect(counts(full.result)).toEqual({ lines: LINES + 1, authentic: LINES + 1, problems: 0 });
      expect(full.answered).toBeGreaterThan(0);
    },
  );
});
