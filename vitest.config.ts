import { defineConfig } from 'vitest/config';

/** The tests of what issue 13 secures: keys and seals, anonymity, logins, secrets, the audit chain. */
const SECURITY_TESTS = [
  'src/server/crypto/**/*.test.ts',
  'test/anonymity.test.ts',
  'test/anonymity-writer.test.ts',
  'test/opinions.test.ts',
  'test/audit.test.ts',
  'test/audit-checkpoints.test.ts',
  'test/audit-append-only.test.ts',
  'test/channels.test.ts',
  'test/egress.test.ts',
  'test/backup.test.ts',
  'src/server/modules/auth/**/*.test.ts',
  'test/auth.test.ts',
  'test/accounts.test.ts',
  'test/login-throttle.test.ts',
  'test/totp.test.ts',
  'test/admin-separation.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      // The domain runs under two time zones: all date logic must be Asia/Shanghai whatever TZ is.
      {
        test: { name: 'unit', include: ['src/domain/**/*.test.ts'], env: { TZ: 'Asia/Shanghai' } },
      },
      {
        test: { name: 'unit-la', include: ['src/domain/**/*.test.ts'], env: { TZ: 'America/Los_Angeles' } },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // 国密: the security tests again with ZUOFENG_CRYPTO=gm (SM3, SM4, PBKDF2-SM3): both modes pass the same suite.
      {
        test: {
          name: 'security-gm',
          include: SECURITY_TESTS,
          globalSetup: ['test/global-setup.ts'],
          env: { ZUOFENG_CRYPTO: 'gm' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
