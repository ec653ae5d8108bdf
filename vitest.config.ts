import { defineConfig } from 'vitest/config';

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
