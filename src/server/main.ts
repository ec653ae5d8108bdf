import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { clockFromEnv } from './clock.js';
import { configFromEnv } from './config.js';
import { openDatabase } from './db/client.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { Scheduler } from './jobs/scheduler.js';
import { Dispatcher } from './jobs/dispatcher.js';
import { smtpSender } from './modules/deliveries/mail.js';
import { keyringFor } from './crypto/keyring.js';
import { ensureKeyMatchesDatabase } from './modules/installation/installation.service.js';

/** Starts Zuofeng: opens (and migrates) the database, seeds the demo unit on first run, listens. */
export async function main() {
  const config = configFromEnv(process.env);
  if (process.env.ZUOFENG_TRUST_PROXY?.trim() === '1') {
    console.warn('注意：ZUOFENG_TRUST_PROXY=1 现在只信任本机（回环地址）上的反向代理。代理在其他机器上时，请写出其地址，如 ZUOFENG_TRUST_PROXY=10.0.0.5 或 10.0.0.0/24');
  }
  const webDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
  config.webDir = fs.existsSync(path.join(webDir, 'index.html')) ? webDir : null;
  if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config);
  await database.migrate();
  await ensureKeyMatchesDatabase(database.db, keyringFor(config));
  const clock = clockFromEnv(process.env);
  if (process.env.ZUOFENG_FAKE_NOW) console.log(`注意：时钟已设为 ${process.env.ZUOFENG_FAKE_NOW}（ZUOFENG_FAKE_NOW，仅供测试与培训）`);
  const deps = { db: database.db, clock, config };
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) printDemoLogins(seeded.logins);
  }
  const app = await buildApp(deps, { logger: process.env.ZUOFENG_LOG !== '0' });
  const scheduler = config.sweepSeconds > 0 ? new Scheduler(database.db, clock, config.sweepSeconds * 1000, (m) => app.log.info(m)) : null;
  const dispatcher = config.dispatchSeconds > 0 ? new Dispatcher(database.db, clock, {
    concurrency: config.dispatchConcurrency, leaseMs: config.deliveryLeaseSeconds * 1000, publicUrl: config.publicUrl,
    mail: config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : null, log: (m) => app.log.info(m),
  }) : null;
  const close = async () => {
    await scheduler?.stop();
    await dispatcher?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  scheduler?.start();
  dispatcher?.start(config.dispatchSeconds * 1000);
  console.log(`Zuofeng 作风 已启动：http://localhost:${config.port}  (${database.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL'})`);
  if (!config.webDir) console.log('提示：未找到前端构建 dist/web，请运行 npm run build');
}

function printDemoLogins(logins: string[]) {
  console.log('已创建演示单位“示例县民政局”。演示账号（密码均为 demo1234）：');
  console.log(`  ${logins.join('  ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
