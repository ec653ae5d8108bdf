import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode, totpStepOf } from '../src/domain/totp.js';
import { browserMissing, btn, shot as shotOf, signInAt, startSuite, type Server } from './support.js';

const missing = browserMissing();

/** The code an authenticator app would show: for a step after the one used last (the server refuses replays). */
function codeAfter(secret: string, lastStep: number) {
  const step = Math.max(totpStepOf(Date.now()), lastStep + 1);
  return { code: totpCode(base32Decode(secret), step), step };
}

/** Reads the secret shown for enrolment and confirms it with the password and a code, as a user with an authenticator app would. */
async function enrolOnPage(page: Page, password: string) {
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  const { code, step } = codeAfter(secret, -1);
  await page.getByPlaceholder('当前密码').fill(password);
  await page.getByPlaceholder('6位验证码').fill(code);
  await page.getByRole('button', { name: btn('确认启用') }).click();
  return { secret, step };
}

describe.skipIf(missing)('account security', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let server: Server;
  let page: Page;
  const shot = (name: string) => shotOf(page, name);
  const username = 'liuyang';

  beforeAll(async () => {
    suite = await startSuite({ ZUOFENG_REQUIRE_TOTP: '1' });
    server = suite.server;
    page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(() => suite?.stop());

  const logout = async () => {
    await page.getByTestId('user-menu').hover();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
  };

  it('makes the security administrator enrol a second factor first, then create a user', async () => {
    await signInAt(page, `${server.url}/users`, 'security');
    await page.getByText('管理员账号，须先启用两步验证').waitFor();
    await page.getByRole('button', { name: btn('启用两步验证') }).click();
    await page.getByAltText('两步验证二维码').waitFor();
    await enrolOnPage(page, 'demo1234');
    await page.getByRole('button', { name: btn('新建用户') }).waitFor();
    await page.getByRole('button', { name: btn('新建用户') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('刘洋');
    await dialog.getByLabel('初始密码').fill('12345678');
    await dialog.getByText('长度不足10位').first().waitFor();
    await dialog.getByLabel('初始密码').fill('Chushi#2026');
    await dialog.getByRole('button', { name: btn('确定') }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByPlaceholder('用户名或姓名').fill(username);
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    await page.getByRole('cell', { name: username, exact: true }).waitFor();
    await logout();
  });

  it('forces the new user to change the initial password, then enrols TOTP from 账号安全', async () => {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Chushi#2026');
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.getByText('首次登录，请修改初始密码').waitFor();
    await page.getByLabel('当前密码').fill('Chushi#2026');
    await page.getByLabel('新密码', { exact: true }).fill('woaini1314');
    await page.getByText('是常见密码').first().waitFor();
    await shot('30-forced-password-change');
    await page.getByLabel('新密码', { exact: true }).fill('Xinmima-Zf#2027');
    await page.getByLabel('确认新密码').fill('Xinmima-Zf#2027');
    await page.getByRole('button', { name: btn('修改并继续') }).click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: btn('启用两步验证') }).click();
    await page.getByAltText('两步验证二维码').waitFor();
    await shot('31-account-security');
    const { secret, step } = await enrolOnPage(page, 'Xinmima-Zf#2027');
    await page.getByText('已启用', { exact: true }).waitFor(); // not the toast “两步验证已启用”
    await page.getByText('Chrome · Linux').waitFor();
    await logout();

    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Xinmima-Zf#2027');
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.getByLabel('验证码').waitFor();
    await page.getByLabel('验证码').fill('000000' === codeAfter(secret, step).code ? '111111' : '000000');
    await page.getByRole('button', { name: btn('验证并登录') }).click();
    await page.getByText('验证码不正确').waitFor();
    await shot('32-login-code');
    await page.getByLabel('验证码').fill(codeAfter(secret, step).code);
    await page.getByRole('button', { name: btn('验证并登录') }).click();
    await page.getByTestId('user-menu').waitFor();
    const me = await (await page.request.get(`${server.url}/api/auth/me`)).json();
    expect(me.user).toMatchObject({ username, totpEnabled: true, mustChangePassword: false });
  });
});
