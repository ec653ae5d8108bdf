import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  sessionHours: number;
  /** Cookie Secure flag: 'auto' sets it when the request came over HTTPS (X-Forwarded-Proto too). */
  secureCookies: 'auto' | boolean;
  webDir: string | null;
  trustProxy: boolean;
  /** Serve /api/docs (the OpenAPI description) without a session. */
  publicApiDocs: boolean;
  loginLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
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
  /** The master key file, outside the database: secrets at rest, opinion codes, the pending opinion store, audit checkpoints. */
  keyFile: string;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  demo: true,
  sessionHours: 12,
  secureCookies: 'auto',
  webDir: null,
  trustProxy: false,
  publicApiDocs: false,
  loginLimitPerMinute: 20,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sweepSeconds: 300,
  filesDir: path.resolve('data/files'),
  attachmentMaxBytes: 20 * 1024 * 1024,
  ledgerCountCap: 1000,
  opinionSubmitsPerMinute: 20,
  opinionChallengeAfter: 6,
  opinionChallengeBits: 16,
  sessionCacheMs: 2000,
  dispatchSeconds: 2,
  dispatchConcurrency: 4,
  deliveryLeaseSeconds: 60,
  publicUrl: 'http://localhost:3000',
  smtpUrl: '',
  mailFrom: '作风督办 <noreply@localhost>',
  keyFile: path.resolve('data/keys/zuofeng.key'),
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
    demo: env.ZUOFENG_DEMO !== '0',
    secureCookies: env.ZUOFENG_SECURE_COOKIES === '1' ? true : env.ZUOFENG_SECURE_COOKIES === '0' ? false : 'auto',
    trustProxy: env.ZUOFENG_TRUST_PROXY === '1',
    publicApiDocs: env.ZUOFENG_PUBLIC_API_DOCS === '1',
    sweepSeconds: num(env.ZUOFENG_SWEEP_SECONDS, defaultConfig.sweepSeconds),
    filesDir: path.resolve(env.ZUOFENG_FILES_DIR || path.join(env.ZUOFENG_DATA_DIR || 'data', 'files')),
    attachmentMaxBytes: num(env.ZUOFENG_MAX_ATTACHMENT_MB, 20) * 1024 * 1024,
    opinionSubmitsPerMinute: num(env.ZUOFENG_OPINION_SUBMITS_PER_MINUTE, defaultConfig.opinionSubmitsPerMinute),
    opinionChallengeAfter: num(env.ZUOFENG_OPINION_CHALLENGE_AFTER, defaultConfig.opinionChallengeAfter),
    opinionChallengeBits: Math.min(24, num(env.ZUOFENG_OPINION_CHALLENGE_BITS, defaultConfig.opinionChallengeBits)),
    dispatchSeconds: num(env.ZUOFENG_DISPATCH_SECONDS, defaultConfig.dispatchSeconds),
    dispatchConcurrency: Math.max(1, Math.min(64, num(env.ZUOFENG_DISPATCH_CONCURRENCY, defaultConfig.dispatchConcurrency))),
    deliveryLeaseSeconds: Math.max(1, num(env.ZUOFENG_DELIVERY_LEASE_SECONDS, defaultConfig.deliveryLeaseSeconds)),
    publicUrl: (env.ZUOFENG_PUBLIC_URL || `http://localhost:${num(env.PORT, defaultConfig.port)}`).replace(/\/+$/, ''),
    smtpUrl: env.ZUOFENG_SMTP_URL ?? '',
    mailFrom: env.ZUOFENG_MAIL_FROM || defaultConfig.mailFrom,
    keyFile: path.resolve(env.ZUOFENG_KEY_FILE || path.join(env.ZUOFENG_DATA_DIR || 'data', 'keys', 'zuofeng.key')),
  };
}
