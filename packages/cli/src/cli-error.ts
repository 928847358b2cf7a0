import type { BilingualMessage } from '@civic-ledger/domain';

/** Exit codes: 0 success, 1 a failure (broken chain, bad data, store error), 2 a usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * An error the CLI reports as one line in the chosen language (no stack trace unless
 * `--debug`), with the exit code it stands for.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly text: BilingualMessage,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(text.en);
  }
}

/** A usage error (exit code 2): a bad option value, a missing file name … */
export const usageError = (zh: string, en: string): CliError =>
  new CliError({ zh, en }, EXIT_USAGE);

/** A failure (exit code 1). */
export const failure = (zh: string, en: string): CliError => new CliError({ zh, en }, EXIT_FAILURE);
