import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './cli-error.js';
import type { Globals } from './commands/context.js';
import { demoCommand } from './commands/demo.js';
import { type EraseOptions, eraseCommand } from './commands/erase.js';
import { exportCommand } from './commands/export.js';
import { historyCommand } from './commands/history.js';
import { importCommand } from './commands/import.js';
import { type ReplayOptions, replayCommand } from './commands/replay.js';
import { type ReportOptions, reportCommand } from './commands/report.js';
import { schemasCommand } from './commands/schemas.js';
import { verifyCommand } from './commands/verify.js';
import { isLang, type Lang } from './i18n.js';

const VERSION = '0.1.0';

const langOf = (argv: readonly string[]): Lang => {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'zh';
};

/** Builds the `civic-ledger` program; `globals()` reads the global options once parsed. */
export const buildProgram = (): Command => {
  const program = new Command('civic-ledger')
    .description('civic-ledger — 审计回放工具 / audit replay tooling')
    .version(VERSION)
    .option(
      '--store <spec>',
      'event store: embedded:DIR | memory: | postgres://… | esdb://… (default: $CIVIC_LEDGER_STORE or embedded:./.civic-ledger/)',
    )
    .option('--debug', 'print stack traces of unexpected errors', false)
    .option('--quiet', 'no progress output', false)
    .addOption(
      new Option('--lang <lang>', 'language of messages and reports: zh | en')
        .default('zh')
        .argParser((v) => {
          if (!isLang(v)) throw new InvalidArgumentError('use zh or en');
          return v;
        }),
    )
    .showHelpAfterError(false)
    .exitOverride();
  program.configureOutput({ outputError: (text, write) => write(`${text.split('\n')[0]}\n`) });

  const globals = (): Globals => {
    const o = program.opts<{ store?: string; debug: boolean; quiet: boolean; lang: Lang }>();
    return {
      ...(o.store === undefined ? {} : { store: o.store }),
      debug: o.debug,
      lang: o.lang,
      quiet: o.quiet,
    };
  };
  const positiveInt = (name: string) => (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a non-negative integer`);
    return n;
  };

  program
    .command('verify')
    .description(
      'check every hash link of the store or of a JSONL export (X-07); exit 1 names the first break',
    )
    .option('--from <file>', 'verify a JSONL export instead of the store')
    .action((o: { from?: string }) => verifyCommand(globals(), o));

  program
    .command('export')
    .description(
      'stream the log out: jsonl (verifiable), cloudevents (CloudEvents 1.0 JSON lines), open311 (GeoReport v2 requests)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['jsonl', 'cloudevents', 'open311'])
        .default('jsonl'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .option(
      '--privileged',
      'personal data in clear in cloudevents / open311; needs --purpose, the read is recorded (X-06)',
      false,
    )
    .option('--purpose <text>', 'why personal data is read in clear (recorded with the read)')
    .option('--actor <id:role:unit>', 'who reads (default: the OS user as auditor, unit cli)')
    .action(
      (o: {
        format: string;
        out?: string;
        privileged: boolean;
        purpose?: string;
        actor?: string;
      }) => exportCommand(globals(), o),
    );

  program
    .command('import')
    .description(
      'bulk import a JSONL export; each batch is checked whole before any of it is written',
    )
    .argument('<file>', 'JSONL file (docs/jsonl-format.md)')
    .option('--batch <n>', 'events per batch', '1000')
    .action((file: string, o: { batch: string }) => importCommand(globals(), file, o));

  program
    .command('history')
    .description('audit trail of one stream: who did what, when and why; personal data masked')
    .argument('<stream>', 'stream id, e.g. ticket-T2026-0001')
    .option('--json', 'one JSON object per event', false)
    .option(
      '--privileged',
      'personal data in clear; needs --purpose, the read is recorded (X-06)',
      false,
    )
    .option('--purpose <text>', 'why personal data is read in clear (recorded with the read)')
    .option('--actor <id:role:unit>', 'who reads (default: the OS user as auditor, unit cli)')
    .action(
      (
        stream: string,
        o: { json: boolean; privileged: boolean; purpose?: string; actor?: string },
      ) => historyCommand(globals(), stream, o),
    );

  program
    .command('erase')
    .description(
      'erase a data subject (PIPL art. 47): record EraseDataSubject and destroy their keys (X-06)',
    )
    .option('--subject-id <id>', 'the data subject id (ds-…)')
    .option('--id-number <n>', 'the resident ID number the subject was recorded with')
    .option('--phone <p>', 'the phone number the subject was recorded with')
    .requiredOption(
      '--legal-basis <basis>',
      'purpose-achieved | service-ended | retention-expired | consent-withdrawn | unlawful-processing | other-legal-ground',
    )
    .requiredOption(
      '--requester <[kind:]reference>',
      'who asked (data-subject, guardian, authority, controller) and the case or letter number',
    )
    .option('--reason <text>', 'why (recorded)')
    .option('--actor <id:role:unit>', 'who erases (default: the OS user as privacy-officer)')
    .action((o: EraseOptions) => eraseCommand(globals(), o));

  program
    .command('schemas')
    .description('write the JSON Schema of every command and event')
    .requiredOption('--out <dir>', 'directory to write to')
    .action((o: { out: string }) => schemasCommand(globals(), o));

  program
    .command('report')
    .description(
      'KPIs with targets and breaches, satisfaction, compliance, the rectification ledger',
    )
    .option(
      '--period <period>',
      'YYYY, YYYY-H1, YYYY-Q3, YYYY-MM or YYYY-MM-DD (default: the latest quarter with events)',
    )
    .option('--unit <unit>', 'only this unit (centre, department, window …)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['md', 'html', 'json'])
        .default('md'),
    )
    .option('--as-of <instant>', 'only events that occurred up to this instant')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--communities <ids>', 'K-16: the communities registered, comma-separated')
    .action((o: ReportOptions) => reportCommand(globals(), o));

  program
    .command('replay')
    .description('rebuild read models from the store or an export, as of a moment (bitemporal)')
    .option('--as-of <instant>', 'only events that occurred up to this instant (domain time)')
    .option(
      '--known-at <instant>',
      'only events recorded up to this instant (what the system knew)',
    )
    .option('--projection <name...>', 'rebuild only these projections')
    .option('--from <file>', 'replay a JSONL export instead of the store')
    .option(
      '--period <period>',
      'KPI period to print (default: the month of --as-of or of the last event)',
    )
    .option('--json', 'print the rebuilt read models as JSON', false)
    .option(
      '--documents <spec>',
      'keep case files and ticket progress in this store (postgres://… or a directory) instead of memory',
    )
    .action((o: ReplayOptions) => replayCommand(globals(), o));

  program
    .command('demo')
    .description(
      'fill the store with a simulated city (deterministic by seed) and print a KPI summary',
    )
    .option('--days <n>', 'simulated days', positiveInt('--days'), 7)
    .option('--seed <s>', 'random seed', positiveInt('--seed'), 2026)
    .option('--start <date>', 'first simulated day (YYYY-MM-DD)', '2026-07-01')
    .option('--scale <n>', 'city size: service centres', positiveInt('--scale'), 3)
    .option('--reset', 'empty the embedded store directory first (demo data only!)', false)
    .action((o: { days: number; seed: number; start: string; scale: number; reset: boolean }) =>
      demoCommand(globals(), o),
    );

  return program;
};

/**
 * Runs the CLI and returns its exit code: 0 success, 1 failure, 2 usage error. Errors are
 * one line in the chosen language; a stack trace only with `--debug`.
 */
export const run = async (argv: readonly string[]): Promise<number> => {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  const lang = langOf(argv);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      return EXIT_USAGE;
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return 0;
    if (error instanceof CliError) {
      process.stderr.write(`civic-ledger: ${error.text[lang]}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(
      `civic-ledger: ${lang === 'zh' ? '失败' : 'failed'}: ${message}${debug ? '' : lang === 'zh' ? '（加 --debug 查看详情）' : ' (--debug for details)'}\n`,
    );
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
};
