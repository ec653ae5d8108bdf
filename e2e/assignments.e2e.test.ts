import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { apiAs, browserMissing, btn, chooseOption, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/**
 * Effective-dated assignments in the browser, on a server whose clock reads 2026-11-30 10:00 (Shanghai): the office
 * moves a village to another person from a date and reads its history, and sets a department's 分管领导 from a date.
 */
describe.skipIf(missing)('assignments from a date, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let office: Page;

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    const api = await apiAs(server, 'office');
    const campaign = await api.call('POST', '/api/campaigns', {
      name: '作风建设专项活动',
      year: 2026,
      startsOn: '2026-03-01',
      endsOn: '2026-12-15',
    });
    const people = (await api.call('GET', '/api/people?q=%E6%9D%8E%E7%BA%A2%E6%A2%85')).items as { id: string }[];
    await api.call('POST', '/api/contact-objects', { kind: 'village', name: '红星村', assigneeIds: [people[0]!.id] });
    await api.call('POST', '/api/activities', {
      campaignId: campaign.id,
      type: 'study',
      title: '集中学习党纪条例',
      heldOn: '2026-11-20',
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    office = await context.newPage();
    await signInAt(office, `${server.url}/`, 'office');
    await office.getByText('本单位概况').waitFor();
  });
  afterAll(() => suite?.stop());

  it('the office reassigns a village to another person from a date and sees the history', async () => {
    const p = office;
    await p.goto(`${server.url}/campaigns`);
    await p.getByText('作风建设专项活动').first().click();
    await p.getByRole('tab', { name: '联系对象' }).click();
    const row = p.getByRole('row', { name: /红星村/ });
    await row.getByText('李红梅').waitFor();
    await row.getByRole('button', { name: '调整联系人' }).click();
    const d = p.getByRole('dialog').last();
    await d.getByText('现联系人：李红梅').waitFor();
    // A multiple select stays open after a choice: the title closes it.
    await d.getByLabel('联系人（可多选）').fill('张志强');
    await p.locator('.ant-select-item-option:visible').filter({ hasText: '张志强' }).first().click();
    await d.locator('.ant-modal-title').click();
    await d.getByLabel('生效日期').click();
    await d.getByLabel('生效日期').fill('2026-12-01');
    await d.getByLabel('生效日期').press('Enter');
    await shot(p, '80-object-reassign');
    await d.getByRole('button', { name: btn('调整') }).click();
    await p.getByText('已调整联系人').waitFor();
    // Today (11-30) the village is still 李红梅's; the history shows both terms.
    await row.getByText('李红梅').waitFor();
    await row.getByRole('button', { name: '联系人记录' }).click();
    const h = p.getByRole('dialog').last().getByTestId('object-history');
    await h.getByRole('row', { name: /张志强\s*2026-12-01\s*至今/ }).waitFor();
    await h.getByRole('row', { name: /李红梅\s*此前\s*2026-11-30/ }).waitFor();
    await shot(p, '81-object-history');
  });

  it('the office sets a department’s 分管领导 from a date on the org page', async () => {
    const p = office;
    await p.goto(`${server.url}/org`);
    await p.getByRole('tab', { name: '科室（中心）' }).click();
    await p.getByTestId('leader-养老服务股').click();
    const d = p.getByRole('dialog').last();
    await d.getByTestId('current-leader').getByText('张志强').waitFor();
    await chooseOption(p, d.getByLabel('分管领导'), '陈静');
    await d.getByLabel('生效日期').click();
    await d.getByLabel('生效日期').fill('2026-11-30');
    await d.getByLabel('生效日期').press('Enter');
    await d.getByRole('button', { name: btn('设置') }).click();
    await p.getByText('已设置分管领导').waitFor();
    await d.getByTestId('current-leader').getByText('陈静（2026-11-30起）').waitFor();
    const h = d.getByTestId('leader-history');
    await h.getByRole('row', { name: /陈静\s*2026-11-30 至 今/ }).waitFor();
    await h.getByRole('row', { name: /张志强\s*此前 至 2026-11-29/ }).waitFor();
    await shot(p, '82-department-leader');
    await d.locator('.ant-modal-close').click();
    await p.getByTestId('leader-养老服务股').getByText('陈静').waitFor();
  });

  it('the office corrects an activity with a reason, then withdraws it', async () => {
    const p = office;
    await p.goto(`${server.url}/campaigns`);
    await p.getByText('作风建设专项活动').first().click();
    await p.getByRole('tab', { name: '活动记录' }).click();
    const row = p.getByRole('row', { name: /集中学习党纪条例/ });
    await row.getByRole('button', { name: btn('更正') }).click();
    const d = p.getByRole('dialog').last();
    await d.getByText('更正“集中学习党纪条例”').waitFor();
    await d.getByLabel('活动名称').fill('集中学习党纪处分条例');
    await d.getByLabel('更正原因').fill('活动名称登记有误');
    await shot(p, '83-activity-correct');
    await d.getByRole('button', { name: btn('保存') }).click();
    await p.getByText('已更正，达标情况已更新').waitFor();
    const fixed = p.getByRole('row', { name: /集中学习党纪处分条例/ });
    await fixed.getByRole('button', { name: btn('撤回') }).click();
    const r = p.getByRole('dialog').last();
    await r.getByPlaceholder('请填写原因（必填）').fill('重复登记');
    await r.getByRole('button', { name: btn('确定') }).click();
    await fixed.getByText('已撤回：重复登记').waitFor();
    await shot(p, '84-activity-withdrawn');
  });
});
