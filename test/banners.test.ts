import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

/** The demo and calendar banners are put away per user, on the server, so they stay away on every device. */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;

beforeAll(async () => {
  ctx = await testApp();
});
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
});

describe('dismissing a banner', () => {
  it('keeps it away for that user only, in every new session, audited once', async () => {
    const office = await signIn(ctx, unit.user('office'));
    expect((await office.get('/api/auth/me')).json().dismissedBanners).toEqual([]);
    const first = await office.post('/api/auth/dismissed-banners', { banner: 'demo' });
    expect(first.statusCode).toBe(200);
    expect(first.json().dismissedBanners).toEqual(['demo']);
    expect((await office.post('/api/auth/dismissed-banners', { banner: 'calendar:2027' })).statusCode).toBe(200);
    // A second dismissal changes nothing.
    expect((await office.post('/api/auth/dismissed-banners', { banner: 'demo' })).statusCode).toBe(200);

    const again = await signIn(ctx, unit.user('office'));
    expect((await again.get('/api/auth/me')).json().dismissedBanners.sort()).toEqual(['calendar:2027', 'demo']);
    const other = await signIn(ctx, unit.user('member1'));
    expect((await other.get('/api/auth/me')).json().dismissedBanners).toEqual([]);

    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get('/api/audit/events?entityType=user')).json().items as { action: string }[];
    expect(events.filter((e) => e.action === 'dismiss_banner')).toHaveLength(2);
  });

  it('refuses unknown banners with a Chinese message', async () => {
    const office = await signIn(ctx, unit.user('office'));
    for (const banner of ['other', 'calendar:27', 'calendar:2027x', '', 42]) {
      const res = await office.post('/api/auth/dismissed-banners', { banner });
      expect(res.statusCode, String(banner)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await office.get('/api/auth/me')).json().dismissedBanners).toEqual([]);
  });

  it('needs a session', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/dismissed-banners',
      payload: { banner: 'demo' },
    });
    expect(res.statusCode).toBe(401);
  });
});
