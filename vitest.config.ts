import { defineConfig } from 'vitest/config'

/**
 * Two tiers, one command each. `npm run test:unit` runs tests/unit/ alone: no browser, no workerd,
 * no network server, no child process (tests/support/unitTierGuard.ts refuses them), in threads
 * sharing their module cache, in well under 30 s. `npm test` runs both tiers: the rest of tests/
 * starts real servers, Chromium and workerd, each file in a process of its own.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          pool: 'threads',
          isolate: false,
          setupFiles: ['tests/support/unitTierGuard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'full',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/unit/**', '**/node_modules/**'],
          pool: 'forks',
        },
      },
    ],
  },
})
