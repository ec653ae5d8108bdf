import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_CAN_KEYS } from '../src/domain/policies/item.js';
import { apiAs, browserMissing, btn, shot, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

type Api = Awaited<ReturnType<typeof apiAs>>;
type Ref = { id: string; version: number };

/**
 * The page offers exactly the item actions the policy gives the user (the `can` the API sends, which
 * test/item-actions.test.ts proves the server accepts), and a member does the work on a 390 px phone:
 * the item (report with an optional photo, submit), reminders, the self-check list and the study sign-in.
 */
describe.skipIf(missing)('item actions and the member’s phone, in the browser', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let browser: Browser;
  const api: Record<string, Api> = {};
  const items: Record<string, string> = {};
  let meetingId = '';

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_FAKE_NOW: '2026-11-30T10:00:00+08:00' });
    ({ server, browser } = suite);
    for (const login of ['office', 'secretary', 'leader1', 'member3', 'member5', 'branch'])
      api[login] = await apiAs(server, login);
    const { office, member3: owner } = api as Record<string, Api>;
    const depts = (await office!.call('GET', '/api/departments')) as { id: string }[];
    const leader = api.leader1!.personId;
    const create = (title: string, extra: Record<string, unknown> = {}) =>
      office!.call('POST', '/api/items', {
        title,
        leadDepartmentId: depts[0]!.id,
        ownerPersonId: owner!.personId,
        leaderPersonId: leader,
        receivedOn: '2026-11-30',
        ...extra,
      }) as Promise<Ref>;
    const move = (who: Api, i: Ref, action: string) =>
      who.call('POST', `/api/items/${i.id}/transitions`, {
        action,
        version: i.version,
        ...(action === 'submit' ? { result: '已按要求办结' } : {}),
      }) as Promise<Ref>;
    items.assigned = (await create('待签收的事项')).id;
    items.inProgress = (await move(owner!, await create('办理中的事项'), 'sign')).id;
    const fixed = await create('固定时限的事项', { milestones: [{ title: '摸底', due: '2026-12-10' }] });
    items.fixedDeadline = (await move(owner!, fixed, 'sign')).id;
    const pending = await move(owner!, await create('待审批延期的事项'), 'sign');
    await owner!.call('POST', `/api/items/${pending.id}/extensions`, { extraDays: 2, reason: '材料待补充' });
    items.pendingExtension = pending.id;
    items.underReview = (await move(owner!, await move(owner!, await create('待复核的事项'), 'sign'), 'submit')).id;
    items.phone = (await move(owner!, await create('手机上办理的事项'), 'sign')).id;
    const meeting = (await api.branch!.call('POST', '/api/org-life', {
      title: '2026年度专题组织生活会',
      plannedOn: '2026-12-20',
    })) as { id: string };
    meetingId = meeting.id;
    await api.branch!.call('POST', `/api/org-life/${meetingId}/study`, {
      kind: 'seminar',
      title: '集中学习研讨',
      heldOn: '2026-11-30',
    });
  }, 240_000);

  afterAll(async () => {
    await suite?.stop();
  });

  /** The action buttons the open drawer shows, by their policy key. */
  async function shownActions(page: Page) {
    const drawer = page.getByTestId('item-drawer');
    await drawer.waitFor();
    const ids = await drawer
      .locator('[data-testid^="item-action-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('item-action-', '')));
    return ids.sort();
  }

  /** What the policy lets this user do with the item, as the API tells the page. */
  async function allowed(who: Api, id: string) {
    const d = (await who.call('GET', `/api/items/${id}`)) as {
      can: Record<string, boolean>;
      milestones: { doneOn: string | null }[];
    };
    // 标记完成 sits on the next open milestone: an item without one has nowhere to show it.
    const drawable = (k: string) => k !== 'completeMilestone' || d.milestones.some((m) => !m.doneOn);
    return ITEM_CAN_KEYS.filter((k) => k !== 'see' && k !== 'readContent' && d.can[k] && drawable(k)).sort();
  }

  it('the drawer shows a button exactly for each action the item policy allows the user', async () => {
    const pairs: [string, string[]][] = [
      ['member3', ['assigned', 'inProgress', 'fixedDeadline', 'underReview']],
      ['leader1', ['pendingExtension', 'underReview']],
      ['office', ['underReview', 'fixedDeadline']],
      ['member5', ['underReview']],
      ['secretary', ['pendingExtension']],
    ];
    const seen = new Set<string>();
    for (const [login, states] of pairs) {
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await signInAt(page, `${server.url}/org-life?item=${items[states[0]!]}`, login);
      for (const [n, state] of states.entries()) {
        if (n > 0) await page.goto(`${server.url}/org-life?item=${items[state]}`);
        const expected = await allowed(api[login]!, items[state]!);
        expect(await shownActions(page), `${login} · ${state}`).toEqual(expected);
        expected.forEach((k) => seen.add(k));
        if (login === 'member3' && state === 'fixedDeadline') await shot(page, 'item-actions-fixed-deadline');
      }
      if (login === 'leader1' || login === 'member5') {
        // The ledger's 待我复核 lists what this user may review: the item's leader, not another department's head.
        const answered = page.waitForResponse((r) => /\/api\/items\?.*reviewable=true/.test(r.url()));
        await page.goto(`${server.url}/items?reviewable=true`);
        await answered;
        await page.getByText('待我复核', { exact: true }).first().waitFor();
        const row = page.locator('.ant-table-row').filter({ hasText: '待复核的事项' });
        if (login === 'leader1') await row.waitFor();
        else await page.getByText('暂无督办事项').waitFor();
        expect(await row.count(), `${login} · 待我复核`).toBe(login === 'leader1' ? 1 : 0);
      }
      await context.close();
    }
    // The pairs reach the actions that matter here: extension asked where it can be, decided, reviewed.
    for (const k of ['sign', 'report', 'requestExtension', 'submit', 'completeMilestone', 'decideExtension', 'close'])
      expect(seen.has(k), k).toBe(true);
  }, 240_000);

  it('a member on a 390×844 phone: item, reminders, self-check list and study sign-in without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    const fits = async (what: string) =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${what} fits 390 px`,
      ).toBeLessThanOrEqual(390);
    await signInAt(page, `${server.url}/?item=${items.phone}`, 'member3');
    const drawer = page.getByTestId('item-drawer');
    await drawer.getByTestId('item-action-report').waitFor();
    await fits('item');
    await shot(page, 'phone-item');
    await drawer.getByTestId('item-action-report').click();
    // The drawer is a dialog too: the form's dialog is the one with a text area.
    const ask = () =>
      page
        .getByRole('dialog')
        .filter({ has: page.locator('textarea') })
        .last();
    const dialog = ask();
    await dialog.locator('textarea').fill('已完成入户走访，正在整理台账');
    await fits('report dialog');
    await shot(page, 'phone-report');
    await dialog.getByRole('button', { name: btn('确定') }).click();
    await page.getByText('进展已报送').waitFor();
    // A photo is optional: the member may add one as an attachment, nothing asks for it.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await drawer.getByRole('button', { name: /现场照片\.png/ }).waitFor();
    await drawer.getByTestId('item-action-submit').click();
    const submit = ask();
    await submit.locator('textarea').fill('走访全部完成，台账已归档');
    await submit.getByRole('button', { name: btn('确定') }).click();
    await drawer.getByText('待复核').first().waitFor();
    expect(await shownActions(page)).toEqual(await allowed(api.member3!, items.phone!));
    await fits('item after submitting');
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    await page.getByTestId('inbox-button').click();
    await page.getByTestId('inbox-list').waitFor();
    await fits('reminders');
    await shot(page, 'phone-reminders');

    await page.goto(`${server.url}/org-life/${meetingId}?tab=lists`);
    await page.getByRole('button', { name: btn('添加问题') }).waitFor();
    await page.getByRole('button', { name: btn('添加问题') }).click();
    await page.getByLabel('问题和不足（差距和短板）').waitFor();
    await fits('self-check list');
    await shot(page, 'phone-self-check');

    await page.goto(`${server.url}/org-life/${meetingId}?tab=study`);
    const signIn = page.getByRole('button', { name: btn('签到') });
    await signIn.waitFor();
    await fits('study');
    await signIn.click();
    await page.getByText('已签到').first().waitFor();
    await fits('study after signing in');
    await shot(page, 'phone-study');

    await page.goto(`${server.url}/`);
    await page.getByTestId('my-items').or(page.getByText('我的任务')).first().waitFor();
    await fits('workbench');
    await shot(page, 'phone-workbench');
    await context.close();
  }, 240_000);
});
