import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const root = join(import.meta.dirname, '../../..');

/** The built CLI: the file the `civic-ledger` bin points at. */
export const binPath = join(root, 'packages/cli/dist/bin.js');

/**
 * Builds the CLI and the packages it depends on (tsc), so that the tests run what users
 * run. CI has already run `pnpm build`; there the existing build is used.
 */
export const buildCli = (): void => {
  if (process.env.CI && existsSync(binPath)) return;
  execFileSync('pnpm', ['--filter', '@civic-ledger/cli...', 'run', 'build'], {
    cwd: root,
    stdio: 'pipe',
  });
};

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a process (no TTY: plain progress lines on stderr). */
export const cli = (
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...args],
      { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
