import { recognitionApi } from '../src/shared/api/assessment-recognition.js';
import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { auditApi } from '../src/shared/api/audit.js';
import { authApi } from '../src/shared/api/auth.js';
import { availabilityApi } from '../src/shared/api/availability.js';
import { calendarApi } from '../src/shared/api/calendar.js';
import { campaignsApi } from '../src/shared/api/campaigns.js';
import { channelsApi } from '../src/shared/api/channels.js';
import { deliveriesApi } from '../src/shared/api/deliveries.js';
import { exportsApi } from '../src/shared/api/exports.js';
import { oauthApi } from '../src/shared/api/oauth.js';
import { notificationsApi } from '../src/shared/api/notifications.js';
import { opinionsApi } from '../src/shared/api/opinions.js';
import { orgApi } from '../src/shared/api/org.js';
import { orglifeApi } from '../src/shared/api/orglife.js';
import { peopleApi } from '../src/shared/api/people.js';
import { supervisionApi } from '../src/shared/api/supervision.js';
import { upwardApi } from '../src/shared/api/upward.js';
import { unitsApi } from '../src/shared/api/units.js';
import { usersApi } from '../src/shared/api/users.js';
import { workbenchApi } from '../src/shared/api/workbench.js';
import { ruleDocumentsApi } from '../src/shared/api/decision-rules-docs.js';
import { searchApi } from '../src/shared/api/search.js';
import { testDatabase, TestClock } from './helpers.js';
import { defaultConfig } from '../src/server/config.js';

/**
 * Contracts typed from the route to the page: every endpoint declared in src/shared/api is the
 * route the server registers (same method, path and schemas), and the routes left to declare are
 * counted, so that the number can only fall.
 */
const DECLARED = [
  supervisionApi,
  orgApi,
  campaignsApi,
  authApi,
  oauthApi,
  usersApi,
  peopleApi,
  unitsApi,
  upwardApi,
  calendarApi,
  availabilityApi,
  channelsApi,
  deliveriesApi,
  notificationsApi,
  auditApi,
  workbenchApi,
  exportsApi,
  orglifeApi,
  opinionsApi,
  ruleDocumentsApi,
  recognitionApi,
  searchApi,
].flatMap((api) => Object.values(api));
/** Downloads (a file, not JSON) and the sign-in redirects (a 302 to the vendor or the page) need no response schema. */
const FILE =
  /\.(xlsx|docx|png|ics|json|svg|zip)$|\/photos\/:fileId$|qr\.:format$|^\/api\/(attachments|activity-files|discipline\/admonition-files)\/|\/docx$|\/file$|\/files\/:sha256$|^\/api\/docs|^\/api\/auth\/oauth\/:vendor\/(start|callback)$/;
/** JSON routes that still answer without a response schema: this list may only shrink. */
const WITHOUT_RESPONSE_SCHEMA_AT_MOST = 0;

async function routes() {
  const seen: RouteOptions[] = [];
  const database = await testDatabase();
  const app = await buildApp(
    { db: database.db, clock: new TestClock(), config: { ...defaultConfig, webDir: null } },
    {
      onRoute: (r) => {
        seen.push(r);
      },
    },
  );
  await app.ready();
  await app.close();
  return seen.filter((r) => r.url.startsWith('/api/'));
}

describe('contracts from the route to the page', () => {
  it('every declared endpoint is registered from its declaration, with its response schema', async () => {
    const all = await routes();
    for (const e of DECLARED) {
      const r = all.find((x) => x.url === `/api${e.path}` && x.method === e.method);
      expect(r, `${e.method} ${e.path}`).toBeDefined();
      const schema = r!.schema as {
        response?: Record<string, unknown>;
        body?: unknown;
        querystring?: unknown;
        params?: unknown;
        headers?: unknown;
      };
      expect(schema.response?.['200'] ?? schema.response?.[200]).toBe(e.response);
      if ('body' in e) expect(schema.body).toBe(e.body);
      if ('query' in e) expect(schema.querystring).toBe(e.query);
      if ('params' in e) expect(schema.params).toBe(e.params);
      if ('headers' in e) expect(schema.headers).toBe(e.headers);
    }
  });

  it('counts the JSON routes still without a response schema (the number can only fall)', async () => {
    const all = await routes();
    const missing = all.filter(
      (r) => !FILE.test(r.url) && r.method !== 'HEAD' && !(r.schema as { response?: unknown } | undefined)?.response,
    );
    console.log(
      `contracts: ${DECLARED.length} endpoints declared; ${missing.length} JSON routes without a response schema: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`,
    );
    expect(missing.length).toBeLessThanOrEqual(WITHOUT_RESPONSE_SCHEMA_AT_MOST);
  });
});
