import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources of the workspace packages directly: the custom export
// condition `@civic-ledger/source` points each package's entry at `src/index.ts`.
const conditions = ['@civic-ledger/source', 'node', 'import', 'module', 'default'];
// Vitest passes the SSR conditions to its workers as `node --conditions`, which applies them
// to require() too: with `import` there, CommonJS packages (pg → pg-pool) get the ESM build.
const ssrConditions = conditions.filter((c) => c !== 'import');

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions, externalConditions: ssrConditions } },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'tests/**/*.spec.ts', 'examples/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
