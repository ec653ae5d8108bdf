import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('e2e/screenshots');

/** Why the browser tests cannot run here, or null. Under CI a missing browser is a failure. */
export function browserMissing(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  const why = `未找到 Chromium（${CHROMIUM}）：端到端测试已跳过。安装：apt-get install -y chromium`;
  if (process.env.CI) throw new Error(`CI: ${why}`);
  console.warn(why);
  return why;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Server {
  url: string;
  dataDir: string;
  output: () => string;
  /** Stops the server; its data directory is removed unless `keepData` (to start again on it). */
  stop: (keepData?: boolean) => Promise<void>;
}

/** Runs `npm start` exactly as a user would, on a new data directory (or `dataDir`), and waits until healthy. */
export async function startServer(env: Record<string, string> = {}, existingDataDir?: string): Promise<Server> {
  if (existingDataDir !== undefined && !(existingDataDir && fs.existsSync(existingDataDir)))
    throw new Error(`no data directory to start again on: "${existingDataDir}"`);
  const port = await freePort();
  const dataDir = existingDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-e2e-'));
  let out = '';
  const child: ChildProcess = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ZUOFENG_DATA_DIR: dataDir, ZUOFENG_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server not healthy in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => out,
    stop: async (keepData = false) => {
      if (child.exitCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      // npm may exit before the server it started, which writes its last audit checkpoint on the way out.
      await groupGone(child.pid!);
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until no process of the group is left (the server under `npm start` included). */
async function groupGone(pid: number) {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`server processes of group ${pid} still running a minute after SIGTERM`);
}

/** A button's accessible name: Ant Design puts a space between two Chinese characters of a text-only button. */
export const btn = (label: string) => new RegExp([...label].join('\\s?'));

/** A full-page screenshot once drawers and modals have finished opening. */
export async function shot(page: import('playwright-core').Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A fresh `npm start` and a browser for one suite; `stop` closes both. */
export async function startSuite(env: Record<string, string> = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer(env);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Signs in through the login page, starting from `path`. */
export async function signInAt(
  page: import('playwright-core').Page,
  url: string,
  username: string,
  password = 'demo1234',
) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: btn('登录') }).click();
}

/**
 * Chooses an option of an Ant Design Select and waits until its list has closed (so the next list
 * is the only one open). On a loaded machine a click can land while the list is still opening and
 * be lost: it is tried again (choosing the same option twice is still one choice).
 */
export async function chooseOption(
  page: import('playwright-core').Page,
  select: import('playwright-core').Locator,
  text: string,
) {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (!(await open.count())) await select.click();
    await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    try {
      await open.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Signs in over the API (for setup the test does not need to show) and returns a writer with the session and CSRF token. */
export async function apiAs(server: Server, username: string, password = 'demo1234') {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    user: { personId: string };
  };
  const call = async (method: string, path: string, body?: unknown) =>
    (
      await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json();
  return { call, personId: me.user.personId };
}
