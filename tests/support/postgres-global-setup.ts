import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the real PostgreSQL server, or '' when none could start. */
    pgConnectionString: string;
    /** Why there is no server (outside CI only: under CI a failed start fails the run). */
    pgUnavailable: string;
  }
}

/**
 * Vitest global setup: one real PostgreSQL server for the whole run (or `PG_CONNECTION_STRING`
 * if set). Under `CI=true` a server that cannot start fails the run instead of skipping tests.
 */
export default async function setup(project: TestProject) {
  const given = process.env.PG_CONNECTION_STRING;
  if (given) {
    project.provide('pgConnectionString', given);
    project.provide('pgUnavailable', '');
    return;
  }
  try {
    const server = await startPostgresServer();
    project.provide('pgConnectionString', server.connectionString);
    project.provide('pgUnavailable', '');
    return () => server.stop();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    console.warn(`[postgres] no server, PostgreSQL tests are skipped: ${reason}`);
    project.provide('pgConnectionString', '');
    project.provide('pgUnavailable', reason);
  }
}
