import { defineConfig } from 'vitest/config';

// Unit tests run in parallel. Tests that use the shared Neo4j (*.int.test.ts) or drive Chromium
// (*.browser.test.ts) run one file at a time: Community Edition has a single database, and
// each of those files starts from an empty graph.
const shared = [
  'packages/*/src/**/*.int.test.ts',
  'packages/*/src/**/*.browser.test.ts',
  'scripts/**/*.int.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...shared, '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: shared,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
