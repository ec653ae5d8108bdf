import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { webDistFolder } from './paths.js';
import { clockFromEnv } from './clock.js';
import { configFromEnv, placementWarnings } from './config.js';
import { openDatabase, openReadReplica } from './db/client.js';
import { ReadRouter, routeReads, walLagProbe } from './db/replica.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { Scheduler } from './jobs/scheduler.js';
import { Dispatcher } from './jobs/dispatcher.js';
import { smtpSender } from './modules/deliveries/mail.js';
import { keyringFor } from './crypto/keyring.js';
import { ensureKeyMatchesDatabase } from './modules/installation/installation.service.js';
import { rekeyLegacyCodes } from './modules/opinions/opinions.service.js';
import { sealPlainChannels } from './modules/channels/channel-secrets.js';
import { checkAllowHosts, egressFor } from './modules/channels/send.js';
import { lastCheckpointAt, writeAuditCheckpoints } from './modules/audit/checkpoints.service.js';
import { mailCheckpointDigest } from './modules/audit/checkpoint-digest.js';
import { ensureCheckpointDir } from './modules/audit/checkpoint-files.js';

/** Starts Zuofeng: opens (and migrates) the database, seeds the demo unit on first run, listens. */
export async function main() {
  const config = configFromEnv(process.env);
  if (process.env.ZUOFENG_TRUST_PROXY?.trim() === '1') {
    console.warn(
      '注意：ZUOFENG_TRUST_PROXY=1 现在只信任本机（回环地址）上的反向代理。代理在其他机器上时，请写出其地址，如 ZUOFENG_TRUST_PROXY=10.0.0.5 或 10.0.0.0/24',
    );
  }
  config.webDir = fs.existsSync(path.join(webDistFolder, 'index.html')) ? webDistFolder : null;
  if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  checkAllowHosts(config);
  if (!config.demo) for (const w of placementWarnings(config)) console.warn(`警告：${w}`);
  const database = await openDatabase(config);
  await database.migrate();
  const keys = keyringFor(config);
  await ensureKeyMatchesDatabase(database.db, keys);
  const sealed = await sealPlainChannels(database.db, keys);
  if (sealed) console.log(`已加密保存 ${sealed} 个通知渠道的地址和密钥`);
  const rekeyed = await rekeyLegacyCodes(database.db, keys);
  if (rekeyed) console.log(`已将 ${rekeyed} 个旧填写码改为密钥散列保存`);
  ensureCheckpointDir(config.auditCheckpointDir);
  const clock = clockFromEnv(process.env);
  if (process.env.ZUOFENG_FAKE_NOW)
    console.log(`注意：时钟已设为 ${process.env.ZUOFENG_FAKE_NOW}（ZUOFENG_FAKE_NOW，仅供测试与培训）`);
  const replica = config.readDatabaseUrl ? openReadReplica(config.readDatabaseUrl) : null;
  const deps = replica
    ? {
        db: routeReads(database.db),
        clock,
        config,
        reads: new ReadRouter({
          replica: replica.db,
          probe: walLagProbe(database.db, replica.db),
          maxLagSeconds: config.maxStandbyLagSeconds,
        }),
      }
    : { db: database.db, clock, config };
  if (replica)
    console.log(`只读路由读取备库（READ_DATABASE_URL），备库落后超过 ${config.maxStandbyLagSeconds} 秒时改读主库`);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) printDemoLogins(seeded.logins);
  }
  const app = await buildApp(deps, { logger: process.env.ZUOFENG_LOG !== '0' });
  const checkpoint = (now: Date) => writeAuditCheckpoints(database.db, config, now);
  const mail = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : null;
  const scheduler =
    config.sweepSeconds > 0
      ? new Scheduler(database.db, clock, config.sweepSeconds * 1000, (m) => app.log.info(m), {
          auditCheckpoint: {
            everyMs: config.auditCheckpointMinutes * 60_000,
            run: checkpoint,
            lastWrittenAt: () => lastCheckpointAt(config),
          },
          auditDigest: mail
            ? { everyMs: 86_400_000, run: (now) => mailCheckpointDigest(database.db, config, mail, now) }
            : undefined,
        })
      : null;
  const dispatcher =
    config.dispatchSeconds > 0
      ? new Dispatcher(database.db, clock, {
          concurrency: config.dispatchConcurrency,
          leaseMs: config.deliveryLeaseSeconds * 1000,
          publicUrl: config.publicUrl,
          mail,
          keys,
          egress: egressFor(config),
          log: (m) => app.log.info(m),
        })
      : null;
  const close = async () => {
    await scheduler?.stop();
    await dispatcher?.stop();
    await app.close();
    // A clean stop anchors what changed since the last hourly checkpoint (under the writers' lock, any instance).
    await checkpoint(clock.now()).catch((err: unknown) =>
      console.error(`审计检查点写入失败：${(err as Error).message}`),
    );
    await replica?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  scheduler?.start();
  dispatcher?.start(config.dispatchSeconds * 1000);
  console.log(
    `Zuofeng 作风 已启动：http://localhost:${config.port}  (${database.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL'})`,
  );
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
