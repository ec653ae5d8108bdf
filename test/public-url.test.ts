import { beforeAll, describe, expect, it } from 'vitest';
import { qrOf } from '../src/server/modules/opinions/qr.js';
import { newDemoUnit, ON_SHARED_DATABASE, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * The public address: the opinion pages are told when it is loopback (a phone scanning the QR code
 * gets nowhere), the system administrator sets it in the page, and the QR code follows it.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let secretary: Client;
let formId = '';

beforeAll(async () => {
  ctx = await testApp({ publicUrl: 'http://localhost:3000' });
  unit = await newDemoUnit(ctx);
  const office = await signIn(ctx, unit.user('office'));
  const campaign = (
    await office.post('/api/campaigns', { name: '专项活动', year: 2026, startsOn: '2026-03-01', endsOn: '2026-12-15' })
  ).json();
  secretary = await signIn(ctx, unit.user('branch'));
  formId = (
    await secretary.post('/api/opinion-forms', {
      campaignId: campaign.id,
      title: '征求意见表',
      opensOn: '2026-11-25',
      closesOn: '2026-12-10',
    })
  ).json().id;
});

const qrSvg = async (distributionId: string) =>
  (await secretary.get(`/api/opinion-forms/${formId}/distributions/${distributionId}/qr.svg`)).body;

describe.skipIf(ON_SHARED_DATABASE)('the public address', () => {
  it('tells the secretary when it is loopback, and only the system administrator may set it', async () => {
    const seen = (await secretary.get('/api/opinion-forms/public-address')).json();
    expect(seen).toEqual({ url: 'http://localhost:3000', loopback: true, fromSetting: false, editable: false });
    const refused = await secretary.put('/api/opinion-forms/public-address', { url: 'https://zf.example.gov.cn' });
    expect(refused.statusCode).toBe(403);
    const admin = await signIn(ctx, unit.user('admin'));
    expect((await admin.get('/api/opinion-forms/public-address')).json().editable).toBe(true);
  });

  it('refuses what is not a plain http(s) address a phone can reach, with a Chinese message', async () => {
    const admin = await signIn(ctx, unit.user('admin'));
    for (const url of ['zf.example.gov.cn', 'ftp://zf.gov.cn', 'http://127.0.0.1:3000', 'https://zf.gov.cn/?a=1', ''])
      expect((await admin.put('/api/opinion-forms/public-address', { url })).json().message, url).toMatch(
        /[\u4e00-\u9fa5]/,
      );
    expect((await admin.get('/api/opinion-forms/public-address')).json().fromSetting).toBe(false);
  });

  it('overrides the environment once set, is audited, and the QR code carries it', async () => {
    const link = (
      await secretary.post(`/api/opinion-forms/${formId}/distributions`, { audience: 'service', label: '服务对象' })
    ).json();
    expect(await qrSvg(link.id)).toBe((await qrOf(`http://localhost:3000/o/${link.token}`, 'svg')).toString());

    const admin = await signIn(ctx, unit.user('admin'));
    const set = await admin.put('/api/opinion-forms/public-address', { url: 'https://zf.example.gov.cn/' });
    expect(set.json()).toEqual({
      url: 'https://zf.example.gov.cn',
      loopback: false,
      fromSetting: true,
      editable: true,
    });
    expect((await secretary.get('/api/opinion-forms/public-address')).json().loopback).toBe(false);
    expect(await qrSvg(link.id)).toBe((await qrOf(`https://zf.example.gov.cn/o/${link.token}`, 'svg')).toString());

    const auditor = await signIn(ctx, unit.user('auditor'));
    const events = (await auditor.get('/api/audit/events?entityType=installation')).json().items;
    expect(events[0]).toMatchObject({
      action: 'set_public_url',
      before: { publicUrl: 'http://localhost:3000' },
      after: { publicUrl: 'https://zf.example.gov.cn' },
    });
  });
});
