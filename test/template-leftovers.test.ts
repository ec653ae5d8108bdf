import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/server/db/client.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

type Leftover = {
  key: string;
  no: number;
  kind: string;
  match: string;
  where: string;
  kept: { reason: string } | null;
};
type Measure = { id: string; no: number; title: string; text: string; categoryNo: number; version: number };
let ctx: TestContext;
let office: Client, member: Client;
let campaign: { id: string; version: number; leftovers: Leftover[]; measures: Measure[] };

beforeAll(async () => {
  ctx = await testApp();
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  member = await signIn(ctx, unit.user('member1'));
  campaign = (
    await office.post('/api/campaigns', {
      name: '兴“十风”治“十弊”专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
    })
  ).json();
});

const measureWith = (fragment: string) => campaign.measures.find((m) => m.text.includes(fragment))!;

describe('待完善: the template leftovers of a new campaign', () => {
  it('are listed with where they are and why: redactions, 2022年, forestry terms', () => {
    const at = (match: string) =>
      campaign.leftovers.filter((l) => l.match === match && l.kind === 'measure').map((l) => l.no);
    expect(at('2022年')).toContain(measureWith('将2022年工作任务').no);
    expect(at('涉林')).toContain(measureWith('涉林企业').no);
    expect(at('**')).toContain(measureWith('同志联系**村').no);
    expect(campaign.leftovers.every((l) => l.kept === null && l.where)).toBe(true);
  });

  it('an item disappears when the office edits the measure text', async () => {
    const m = measureWith('将2022年工作任务');
    const res = await office.put(`/api/campaigns/${campaign.id}/measures/${m.id}`, {
      categoryNo: m.categoryNo,
      title: m.title,
      text: m.text.replace('2022年', '2026年'),
      version: m.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    campaign = res.json();
    expect(campaign.leftovers.some((l) => l.no === m.no && l.match === '2022年')).toBe(false);
  });

  it('an item can be kept as it is with a reason, audited; only by the office; unknown items are refused', async () => {
    const l = campaign.leftovers.find((x) => x.match === '涉林')!;
    const body = { key: l.key, reason: '本局确有涉林企业服务任务', version: campaign.version };
    expect((await member.post(`/api/campaigns/${campaign.id}/leftovers/keep`, body)).statusCode).toBe(403);
    const short = await office.post(`/api/campaigns/${campaign.id}/leftovers/keep`, { ...body, reason: '好' });
    expect(short.statusCode).toBe(400);
    const unknown = await office.post(`/api/campaigns/${campaign.id}/leftovers/keep`, {
      ...body,
      key: 'measure:1:1999年',
    });
    expect(unknown.json().message).toBe('该待完善事项已不存在（原文可能已修改），请刷新后再试');
    const kept = await office.post(`/api/campaigns/${campaign.id}/leftovers/keep`, body);
    expect(kept.statusCode, kept.body).toBe(200);
    campaign = kept.json();
    expect(campaign.leftovers.find((x) => x.key === l.key)!.kept).toMatchObject({ reason: '本局确有涉林企业服务任务' });
    const events = rowsOf<{ action: string; after: { reason: string } }>(
      await ctx.database.db.execute(
        sql`select action, after from audit_events where entity_id = ${campaign.id} and action = 'keep_leftover'`,
      ),
    );
    expect(events).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ reason: '本局确有涉林企业服务任务' }) }),
    ]);
    const again = await office.post(`/api/campaigns/${campaign.id}/leftovers/keep`, {
      ...body,
      version: campaign.version,
    });
    expect(again.json().message).toBe('该事项已确认保留原文');
  });
});
