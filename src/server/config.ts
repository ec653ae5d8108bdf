import path from 'node:path';
import { parseCidr, parseIP } from '../domain/net-address.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** A streaming-replication hot standby of databaseUrl: the routes that declare `replica` read there (db/replica.ts). */
  readDatabaseUrl?: string;
  /** Past this many seconds behind the primary the standby is not read; the primary answers instead. */
  maxStandbyLagSeconds: number;
  demo: boolean;
  sessionHours: number;
  /** Cookie Secure flag: 'auto' sets it when the request came over HTTPS (X-Forwarded-Proto too). */
  secureCookies: 'auto' | boolean;
  webDir: string | null;
  /**
   * The reverse proxies whose X-Forwarded-For/-Proto are believed (addresses, CIDRs, or the names
   * loopback/linklocal/uniquelocal); false: none. Never "everyone": see trustProxyFromEnv.
   */
  trustProxy: string[] | false;
  /** Serve /api/docs (the OpenAPI description) without a session. */
  publicApiDocs: boolean;
  /** Login attempts per client address per minute (in memory, per instance). */
  loginLimitPerMinute: number;
  /** Failures in a row that lock an account name (for strangers; the owner's known device still passes). */
  lockoutThreshold: number;
  /** The first lock of a name; each further lock lasts twice as long, up to lockoutMaxMinutes. */
  lockoutMinutes: number;
  lockoutMaxMinutes: number;
  /** Failures in a row after which a known device no longer passes a lock. */
  deviceFailureBudget: number;
  /** How long the known-device cookie lives. */
  deviceCookieDays: number;
  /** Days a password stays valid (0: forever); then every route but the password change answers 403. */
  passwordMaxAgeDays: number;
  /** The three administrator roles must use a TOTP second factor (ZUOFENG_REQUIRE_TOTP=1). */
  requireTotp: boolean;
  /** Seconds between reminder sweeps (催办); 0 turns the scheduler off on this instance. */
  sweepSeconds: number;
  /** Where attachments are stored (by sha256); shared by all instances. */
  filesDir: string;
  attachmentMaxBytes: number;
  /** A ledger page counts matching rows exactly up to this many past its start; beyond, it shows "N+". */
  ledgerCountCap: number;
  /** Public opinion submissions per source (an HMAC of the address, in memory) per minute. */
  opinionSubmitsPerMinute: number;
  /** Past this many submissions a minute from one source, each needs the proof-of-work challenge (0: never). */
  opinionChallengeAfter: number;
  /** Anonymity: pending opinions become responses in shuffled batches of at least this many (docs/ANONYMITY.md); also the smallest audience shown on its own. */
  opinionBatchK: number;
  /** Seconds after midnight or a form's close before its last batch is written: a submission under way then still joins it. */
  opinionGraceSeconds: number;
  /** The challenge's difficulty in leading zero bits (16 ≈ 65,000 hashes, well under a second on a phone). */
  opinionChallengeBits: number;
  /** How long a resolved session is reused without a lookup (0: never); see plugins/session-cache.ts. */
  sessionCacheMs: number;
  /** Seconds the dispatcher waits when it found nothing to send (0 turns it off on this instance). */
  dispatchSeconds: number;
  /** Messages in flight at once per instance (also the most a crash can repeat). */
  dispatchConcurrency: number;
  /** How long a claimed delivery is reserved for its dispatcher; after that another may take it. */
  deliveryLeaseSeconds: number;
  /** The address people use to open Zuofeng: links in robot cards and mail point there. */
  publicUrl: string;
  /** SMTP server for mail (smtp://user:pass@host:port or smtps://…); empty: no mail. */
  smtpUrl: string;
  mailFrom: string;
  /** Log the client address of (non-public) API requests; public routes never log it (docs/ANONYMITY.md). */
  logClientAddress: boolean;
  /** Uploaded .xlsx files parsed at once in this process, each in a worker thread (xlsx-read.ts). */
  importWorkers: number;
  /** A parsing worker's heap limit (MB): past it the upload is refused and the worker ends. */
  importMemoryMb: number;
  /** A parsing worker's time limit (seconds), likewise. */
  importSeconds: number;
  /** The master key file, outside the database: secrets at rest, opinion codes, the pending opinion store, audit checkpoints. */
  keyFile: string;
  /**
   * Destinations the system administrator allows for robot messages beyond the vendors' documented
   * hosts and public https addresses: host names, host:port, addresses or networks (CIDR).
   */
  channelAllowHosts: string[];
  /** Signed checkpoints of every unit's audit chain: an append-only file per month, in a directory of its own. */
  auditCheckpointDir: string;
  /** Minutes between checkpoints (written by the scheduler's lease holder when a head moved); 0: only at shutdown. */
  auditCheckpointMinutes: number;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  maxStandbyLagSeconds: 5,
  demo: true,
  sessionHours: 12,
  secureCookies: 'auto',
  webDir: null,
  trustProxy: false,
  publicApiDocs: false,
  loginLimitPerMinute: 20,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  lockoutMaxMinutes: 24 * 60,
  deviceFailureBudget: 5,
  deviceCookieDays: 365,
  passwordMaxAgeDays: 0,
  requireTotp: false,
  sweepSeconds: 300,
  filesDir: path.resolve('data/files'),
  attachmentMaxBytes: 20 * 1024 * 1024,
  ledgerCountCap: 1000,
  opinionSubmitsPerMinute: 20,
  opinionChallengeAfter: 6,
  opinionChallengeBits: 16,
  opinionBatchK: 10,
  opinionGraceSeconds: 30,
  sessionCacheMs: 2000,
  dispatchSeconds: 2,
  dispatchConcurrency: 4,
  deliveryLeaseSeconds: 60,
  publicUrl: 'http://localhost:3000',
  smtpUrl: '',
  mailFrom: '作风督办 <noreply@localhost>',
  keyFile: path.resolve('data/keys/zuofeng.key'),
  logClientAddress: false,
  channelAllowHosts: [],
  auditCheckpointDir: path.resolve('data/audit-checkpoints'),
  auditCheckpointMinutes: 60,
  importWorkers: 1,
  importMemoryMb: 128,
  importSeconds: 20,
};

/** Reads the environment. Unknown or malformed values fall back to the defaults, loudly. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    ...defaultConfig,
    port: num(env.PORT, defaultConfig.port),
    host: env.HOST ?? defaultConfig.host,
    // An empty setting is no setting: path.resolve('') would be the working directory.
    dataDir: path.resolve(env.ZUOFENG_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    // A standby only makes sense beside a PostgreSQL primary: with the embedded database it is ignored.
    readDatabaseUrl: (env.DATABASE_URL && env.READ_DATABASE_URL) || undefined,
    maxStandbyLagSeconds: num(env.ZUOFENG_MAX_STANDBY_LAG_SECONDS, defaultConfig.maxStandbyLagSeconds),
    demo: env.ZUOFENG_DEMO !== '0',
    secureCookies: env.ZUOFENG_SECURE_COOKIES === '1' ? true : env.ZUOFENG_SECURE_COOKIES === '0' ? false : 'auto',
    trustProxy: trustProxyFromEnv(env.ZUOFENG_TRUST_PROXY),
    passwordMaxAgeDays: num(env.ZUOFENG_PASSWORD_MAX_AGE_DAYS, defaultConfig.passwordMaxAgeDays),
    requireTotp: env.ZUOFENG_REQUIRE_TOTP === '1',
    publicApiDocs: env.ZUOFENG_PUBLIC_API_DOCS === '1',
    sweepSeconds: num(env.ZUOFENG_SWEEP_SECONDS, defaultConfig.sweepSeconds),
    filesDir: path.resolve(env.ZUOFENG_FILES_DIR || path.join(env.ZUOFENG_DATA_DIR || 'data', 'files')),
    attachmentMaxBytes: num(env.ZUOFENG_MAX_ATTACHMENT_MB, 20) * 1024 * 1024,
    opinionSubmitsPerMinute: num(env.ZUOFENG_OPINION_SUBMITS_PER_MINUTE, defaultConfig.opinionSubmitsPerMinute),
    opinionChallengeAfter: num(env.ZUOFENG_OPINION_CHALLENGE_AFTER, defaultConfig.opinionChallengeAfter),
    opinionChallengeBits: Math.min(24, num(env.ZUOFENG_OPINION_CHALLENGE_BITS, defaultConfig.opinionChallengeBits)),
    opinionBatchK: Math.max(5, Math.min(1000, num(env.ZUOFENG_OPINION_BATCH, defaultConfig.opinionBatchK))),
    opinionGraceSeconds: Math.max(
      1,
      Math.min(3600, num(env.ZUOFENG_OPINION_GRACE_SECONDS, defaultConfig.opinionGraceSeconds)),
    ),
    dispatchSeconds: num(env.ZUOFENG_DISPATCH_SECONDS, defaultConfig.dispatchSeconds),
    dispatchConcurrency: Math.max(
      1,
      Math.min(64, num(env.ZUOFENG_DISPATCH_CONCURRENCY, defaultConfig.dispatchConcurrency)),
    ),
    deliveryLeaseSeconds: Math.max(1, num(env.ZUOFENG_DELIVERY_LEASE_SECONDS, defaultConfig.deliveryLeaseSeconds)),
    publicUrl: (env.ZUOFENG_PUBLIC_URL || `http://localhost:${num(env.PORT, defaultConfig.port)}`).replace(/\/+$/, ''),
    smtpUrl: env.ZUOFENG_SMTP_URL ?? '',
    mailFrom: env.ZUOFENG_MAIL_FROM || defaultConfig.mailFrom,
    logClientAddress: env.ZUOFENG_LOG_CLIENT_ADDRESS === '1',
    importWorkers: Math.max(1, Math.min(8, num(env.ZUOFENG_IMPORT_WORKERS, defaultConfig.importWorkers))),
    importMemoryMb: Math.max(32, num(env.ZUOFENG_IMPORT_MEMORY_MB, defaultConfig.importMemoryMb)),
    importSeconds: Math.max(1, num(env.ZUOFENG_IMPORT_SECONDS, defaultConfig.importSeconds)),
    keyFile: path.resolve(env.ZUOFENG_KEY_FILE || path.join(env.ZUOFENG_DATA_DIR || 'data', 'keys', 'zuofeng.key')),
    // Checked at start-up (main.ts): a malformed entry stops the server rather than being ignored.
    channelAllowHosts: (env.ZUOFENG_CHANNEL_ALLOW_HOSTS ?? '').split(/[\s,，]+/).filter(Boolean),
    auditCheckpointDir: path.resolve(
      env.ZUOFENG_AUDIT_CHECKPOINT_DIR || path.join(env.ZUOFENG_DATA_DIR || 'data', 'audit-checkpoints'),
    ),
    auditCheckpointMinutes: num(env.ZUOFENG_AUDIT_CHECKPOINT_MINUTES, defaultConfig.auditCheckpointMinutes),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Why an entry of ZUOFENG_TRUST_PROXY cannot stand, or null: a name above, an address or a CIDR as
 * domain/net-address.ts reads them (inet_pton's spellings, which proxy-addr also reads), without
 * brackets or a zone, and never a network of everyone.
 */
function trustProxyEntryProblem(e: string): string | null {
  if (PROXY_NAMES.has(e)) return null;
  const bare = !/[[\]%]/.test(e);
  const cidr = e.includes('/') ? parseCidr(e) : null;
  if (!bare || (e.includes('/') ? !cidr : !parseIP(e)))
    return `“${e}”不是地址或网段：请写反向代理的地址，如 127.0.0.1,10.0.0.0/8（多个用逗号分隔）`;
  if (cidr?.prefix === 0) return `“${e}”包括所有地址，等于相信任何人伪造的 X-Forwarded-For：请只写反向代理的地址或网段`;
  return null;
}

/**
 * ZUOFENG_TRUST_PROXY: a comma-separated list of the proxies' addresses or CIDRs (and the names
 * loopback, linklocal, uniquelocal). Empty or 0: trust no one. The old value 1 (which trusted any
 * X-Forwarded-For) now means "loopback": a proxy on this machine; main.ts warns about it. A value
 * that is neither stops the start, naming the entry, rather than trusting the wrong peers.
 */
export function trustProxyFromEnv(value: string | undefined): string[] | false {
  const v = (value ?? '').trim();
  if (v === '' || v === '0') return false;
  if (v === '1') return ['loopback'];
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const e of entries) {
    const problem = trustProxyEntryProblem(e);
    if (problem) throw new Error(`ZUOFENG_TRUST_PROXY 中的${problem}`);
  }
  return entries;
}

const inside = (child: string, dir: string) => {
  const rel = path.relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Settings that work but weaken what docs/ANONYMITY.md and the audit checkpoints promise: with the
 * embedded database, its data directory IS the database, so a key file or checkpoint directory inside
 * it travels with every copy of the database. Printed at start-up (not for the demo unit).
 */
export function placementWarnings(
  c: Pick<Config, 'databaseUrl' | 'dataDir' | 'keyFile' | 'auditCheckpointDir'>,
): string[] {
  if (c.databaseUrl) return [];
  const out: string[] = [];
  if (inside(c.keyFile, c.dataDir))
    out.push(
      `主密钥文件 ${c.keyFile} 位于内嵌数据库目录中：复制数据库目录的人也拿到了密钥。正式使用请用 ZUOFENG_KEY_FILE 放到数据目录之外，并单独备份。`,
    );
  if (inside(c.auditCheckpointDir, c.dataDir))
    out.push(
      `审计检查点目录 ${c.auditCheckpointDir} 位于内嵌数据库目录中：能改数据库的人也能改检查点。正式使用请用 ZUOFENG_AUDIT_CHECKPOINT_DIR 放到数据库管理员改不了的地方。`,
    );
  return out;
}
