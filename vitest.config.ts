import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources of the workspace packages directly: the custom export
// condition `@civic-ledger/source` points each package's entry at `src/index.ts`.
const conditions = ['@civic-ledger/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'tests/**/*.spec.ts', 'examples/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
