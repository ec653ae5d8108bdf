import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceivers, type Receivers } from '../test/robot-receivers.js';
import { apiAs, browserMissing, btn, launchBrowser, shot, signInAt, startServer, type Server } from './support.js';

const missing = browserMissing();
/** The stand-ins run on 127.0.0.1: the system administrator allow-lists them, as for a private deployment. */
const ALLOW = { ZUOFENG_CHANNEL_ALLOW_HOSTS: '127.0.0.1' };
const cfg = {
  wecomKey: 'e2e-digest-wecom-key',
  dingToken: 'x',
  dingSecret: 'x',
  feishuHook: 'x',
  feishuSecret: 'x',
  webhookSecret: 'e2e-oa-webhook-secret',
};

/**
 * An item goes overdue overnight. The sweep writes the reminder before working hours; quiet hours
 * hold it for the group; at 08:30 on the working day the WeCom robot gets one digest (with an @),
 * and the owner's inbox shows the reminder. The server is restarted on the same data with the
 * clock set to each moment (ZUOFENG_FAKE_NOW), as a training installation would be.
 */
describe.skipIf(missing)(
  'an overdue reminder reaches the work group as one digest at the start of the working day',
  () => {
    let rx: Receivers;
    let browser: Browser;
    let server: Server | null = null;
    let dataDir = '';
    let itemId = '';
    const wecom = () => rx.received.filter((r) => r.vendor === 'wecom');

    beforeAll(async () => {
      rx = await startReceivers(cfg);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await rx?.close();
    });

    it('Monday evening: the office adds the WeCom robot in the page; an item is already past its deadline', async () => {
      server = await startServer({
        ZUOFENG_FAKE_NOW: '2026-11-30T18:00:00+08:00',
        // Counts the robot's messages about one overdue item: the demo's sample work stays out.
        ZUOFENG_DEMO_WORK: '0',
        ZUOFENG_SWEEP_SECONDS: '0',
        ZUOFENG_DISPATCH_SECONDS: '1',
        ...ALLOW,
      });
      dataDir = server.dataDir;
      const p = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      await signInAt(p, `${server.url}/channels`, 'office');
      await p.getByRole('button', { name: /添加渠道/ }).click();
      const d = p.getByRole('dialog');
      await d.getByLabel('名称').fill('局机关工作群');
      await d.getByLabel('机器人地址（完整粘贴）').fill(`${rx.base}/cgi-bin/webhook/send?key=${cfg.wecomKey}`);
      await d.getByRole('button', { name: btn('保存') }).click();
      await p.locator('.ant-message-notice').getByText('已保存', { exact: true }).first().waitFor();
      await p.getByText('非工作时间免打扰').waitFor();
      await shot(p, '62-channels-with-rules');

      const office = await apiAs(server, 'office');
      const zhou = await apiAs(server, 'member1');
      const dept = (await office.call('GET', '/api/departments'))[0].id;
      const item = await office.call('POST', '/api/items', {
        title: '敬老院消防通道整改',
        leadDepartmentId: dept,
        ownerPersonId: zhou.personId,
        receivedOn: '2026-11-02',
      });
      expect(item.due < '2026-12-01').toBe(true);
      itemId = item.id;
      await new Promise((r) => setTimeout(r, 3000));
      // 18:00 is after working hours: the assignment notice is held, nothing reaches the group.
      expect(wecom()).toHaveLength(0);
      await server.stop(true);
      server = null;
    });

    it('Tuesday 07:00: the sweep writes the overdue reminder; quiet hours hold it', async () => {
      server = await startServer(
        {
          ZUOFENG_FAKE_NOW: '2026-12-01T07:00:00+08:00',
          ZUOFENG_SWEEP_SECONDS: '2',
          ZUOFENG_DISPATCH_SECONDS: '1',
          ...ALLOW,
        },
        dataDir,
      );
      const zhou = await apiAs(server, 'member1');
      for (let i = 0; i < 50; i++) {
        const inbox = await zhou.call('GET', '/api/inbox?pageSize=50');
        if (inbox.items.some((n: { kind: string }) => n.kind === 'overdue')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 3000));
      expect(wecom()).toHaveLength(0);
      await server.stop(true);
      server = null;
    });

    it("Tuesday 08:30: one digest in the WeCom group, and 周凯's inbox shows the reminder", async () => {
      // The webhook receiver judges signatures by the server's (fake) clock.
      rx.clock.offsetMs = new Date('2026-12-01T08:29:56+08:00').getTime() - Date.now();
      server = await startServer(
        {
          ZUOFENG_FAKE_NOW: '2026-12-01T08:29:56+08:00',
          ZUOFENG_SWEEP_SECONDS: '2',
          ZUOFENG_DISPATCH_SECONDS: '1',
          ...ALLOW,
        },
        dataDir,
      );
      const deadline = Date.now() + 30_000;
      while (wecom().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 4000)); // a second message, if any, would arrive by now
      expect(wecom()).toHaveLength(1);
      const text = wecom()[0]!.body.text as { content: string; mentioned_mobile_list: string[] };
      expect(text.content).toMatch(/^非工作时间提醒汇总（\d+ 条）/);
      expect(text.content).toContain('已逾期');
      expect(text.content).toContain('新交办：敬老院消防通道整改');
      expect(text.mentioned_mobile_list.length).toBeGreaterThan(0);

      const p = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      await signInAt(p, `${server.url}/`, 'member1');
      await p.getByTestId('inbox-button').click();
      const list = p.getByTestId('inbox-list');
      await list
        .getByText(/已逾期/)
        .first()
        .waitFor();
      await expect(list.textContent()).resolves.toContain('敬老院消防通道整改');
      await shot(p, '63-inbox-overdue');
      // The card's link opens the item over the page (here on the test server's address).
      const link = new URL(/https?:\/\/\S+\?item=[0-9a-f-]{36}/.exec(text.content)![0]);
      expect(link.searchParams.get('item')).toBe(itemId);
      await p.goto(`${server.url}${link.pathname}${link.search}`);
      await p.getByTestId('item-drawer').waitFor();
      await p.getByRole('dialog').getByText('敬老院消防通道整改').first().waitFor();
      await shot(p, '63b-item-from-link');
      await p.locator('.ant-drawer-close:visible').click();
      await p.getByTestId('item-drawer').waitFor({ state: 'detached' });
      expect(p.url()).not.toContain('item=');
      await p.getByTestId('inbox-button').click();
      await p.getByRole('button', { name: '提醒方式' }).click();
      await p.getByRole('dialog').getByText('推送到：局机关工作群').waitFor();
      await shot(p, '64-notification-preferences');

      const o = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      await signInAt(o, `${server.url}/deliveries`, 'office');
      await o.getByRole('cell', { name: '局机关工作群' }).first().waitFor();
      await expect(o.getByText('已送达').count()).resolves.toBeGreaterThan(0);
      await shot(o, '65-delivery-log');
    });

    it('a channel that refuses a message shows its error code in the log; after the fix, “重试” delivers it once', async () => {
      const office = await apiAs(server!, 'office');
      const hook = await office.call('POST', '/api/channels', {
        kind: 'webhook',
        name: 'OA 系统',
        address: `${rx.base}/hooks/zuofeng`,
        secret: 'not-the-secret',
      });
      await office.call('POST', '/api/items/chase', { itemIds: [itemId], message: '请今天下班前反馈整改进展' });
      const o = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      await signInAt(o, `${server!.url}/deliveries`, 'office');
      const row = o.getByRole('row').filter({ hasText: 'OA 系统' });
      /** Reloads the log (once its rows are shown) until the OA row says `status`. */
      const reloadUntil = async (status: string) => {
        for (let i = 0; i < 40; i++) {
          await o.getByText(/共 \d+ 条/).waitFor();
          if (await row.filter({ hasText: status }).count()) return;
          await o.waitForTimeout(300);
          await o.reload();
        }
      };
      await reloadUntil('失败');
      await row.filter({ hasText: '401' }).waitFor();
      await expect(row.textContent()).resolves.toContain('bad signature');
      await shot(o, '66-delivery-failed');
      await office.call('PUT', `/api/channels/${hook.id}`, {
        kind: 'webhook',
        name: 'OA 系统',
        address: hook.address,
        departmentId: null,
        secret: cfg.webhookSecret,
        version: hook.version,
      });
      await row.getByRole('button', { name: btn('重试') }).click();
      await o.getByRole('dialog').getByPlaceholder('请填写原因（必填）').fill('已更正签名密钥');
      await o
        .getByRole('dialog')
        .getByRole('button', { name: btn('确定') })
        .click();
      await o.locator('.ant-message-notice').getByText('已重新排队发送', { exact: true }).waitFor();
      await reloadUntil('已送达');
      await row.filter({ hasText: '已送达' }).waitFor();
      const hooks = rx.received.filter((r) => r.vendor === 'webhook');
      expect(hooks).toHaveLength(1);
      expect(JSON.stringify(hooks[0]!.body.notices)).toContain('催办：敬老院消防通道整改');
    });
  },
);
