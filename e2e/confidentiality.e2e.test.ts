import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/**
 * What the pages show of personal and confidential records (domain/policies/): the setup goes
 * through the API; the test looks at what each role's pages show and offer.
 */
describe.skipIf(missing)('personal and confidential records in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  let campaignId = '';
  let personalItemId = '';
  const PROBLEM = '服务群众耐心不够，存在生硬现象';

  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await context.newPage();
    await signInAt(p, `${server.url}/`, username);
    await p.getByText('本单位概况').waitFor();
    return p;
  }

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    const office = await apiAs(server, 'office');
    const branch = await apiAs(server, 'branch');
    const zhouKai = await apiAs(server, 'member1');
    const discipline = await apiAs(server, 'discipline');
    const zhengWei = (await apiAs(server, 'member3')).personId;
    campaignId = (
      await office.call('POST', '/api/campaigns', {
        name: '作风专项',
        year: 2026,
        startsOn: '2026-03-01',
        endsOn: '2026-12-15',
      })
    ).id;
    await discipline.call('POST', '/api/activities', {
      campaignId,
      type: 'inspection',
      title: '11月不打招呼在岗检查',
      heldOn: '2026-11-20',
      absentIds: [zhengWei],
      minutes: '郑伟无故离岗',
    });
    // 周凯's personal list, approved, the meeting held, the rectification items made by the office.
    const meeting = await branch.call('POST', '/api/org-life', { title: '专题组织生活会', plannedOn: '2026-12-20' });
    const mine = await zhouKai.call('GET', `/api/org-life/${meeting.id}/lists/mine`);
    const entry = {
      categoryNo: null,
      appearance: '下基层少',
      shortfall: PROBLEM,
      causes: '宗旨意识不牢',
      nextSteps: '每月下基层两次',
      due: '2027-03-31',
    };
    const saved = await zhouKai.call('PUT', `/api/self-check-lists/${mine.id}`, {
      entries: [entry],
      version: mine.version,
    });
    const submitted = await zhouKai.call('POST', `/api/self-check-lists/${mine.id}/action`, {
      action: 'submit',
      version: saved.version,
    });
    await branch.call('POST', `/api/self-check-lists/${mine.id}/action`, {
      action: 'approve',
      version: submitted.version,
    });
    const m = await branch.call('GET', `/api/org-life/${meeting.id}`);
    const attendance = m.people
      .filter((p: { member: boolean }) => p.member)
      .map((p: { id: string }) => ({ personId: p.id, present: true, reason: '' }));
    await branch.call('POST', `/api/org-life/${meeting.id}/record`, {
      heldOn: '2026-11-30',
      place: '会议室',
      attendance,
      secretaryReport: '报告',
      minutes: '记录',
      holdDespiteGaps: { reason: '测试保密性，准备情况不影响' },
      version: m.version,
    });
    const rect = await office.call('POST', `/api/org-life/${meeting.id}/rectification`);
    personalItemId = rect.rows[0].itemId;
    expect(personalItemId).toBeTruthy();
  });
  afterAll(() => suite?.stop());

  it('a department head sees that a discipline check happened, not whom it found absent; the inspector reads it', async () => {
    const head = await pageAs('member5');
    await head.goto(`${server.url}/campaigns/${campaignId}`);
    await head.getByRole('tab', { name: '活动记录' }).click();
    const row = head.locator('tr').filter({ hasText: '纪律检查记录（保密' });
    await row.getByText('保密', { exact: true }).waitFor();
    expect(await head.locator('.ant-table').first().textContent()).not.toContain('郑伟');
    expect(await row.getByRole('button', { name: btn('撤回') }).count()).toBe(0);
    await shot(head, '60-activities-confidential-as-head');

    const inspector = await pageAs('discipline');
    await inspector.goto(`${server.url}/campaigns/${campaignId}`);
    await inspector.getByRole('tab', { name: '活动记录' }).click();
    const own = inspector.locator('tr').filter({ hasText: '11月不打招呼在岗检查' });
    await own.getByText('保密', { exact: true }).waitFor();
    await own.getByRole('button', { name: btn('撤回') }).waitFor();
    await shot(inspector, '61-activities-confidential-as-inspector');
  });

  it('the office sees a personal rectification item in the ledger under a neutral title, with no review or withdraw offered', async () => {
    const office = await pageAs('office');
    await office.goto(`${server.url}/items`);
    const row = office.locator('tr').filter({ hasText: '个人自查问题整改' });
    await row.first().waitFor();
    expect(await office.locator('body').textContent()).not.toContain(PROBLEM);
    await row.first().getByText('个人自查问题整改').click();
    const drawer = office.getByTestId('item-drawer');
    await drawer.getByTestId('item-personal').waitFor();
    expect(await drawer.getByRole('button', { name: /复核销号|撤\s?销/ }).count()).toBe(0);
    await shot(office, '62-personal-item-as-office');
    await drawer.getByRole('button', { name: btn('催办') }).waitFor();

    const owner = await pageAs('member1');
    await owner.getByTestId('my-items').getByText(`整改：${PROBLEM}`).waitFor();
    await shot(owner, '63-personal-item-as-owner');
  });
});
