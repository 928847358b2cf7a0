import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on the machine (Debian layout), or `PG_BIN`. */
const findBinDir = (): string => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(`no PostgreSQL server under ${root} (set PG_BIN)`);
  return join(root, versions[0], 'bin');
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** PostgreSQL refuses to run as root: as root, every server command runs as `postgres`. */
const serverUserCommand = (cmd: string, args: string[]): string[] =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];

const asServerUser = (cmd: string, args: string[]) => {
  const [program, ...rest] = serverUserCommand(cmd, args);
  return run(program!, rest);
};

export interface PostgresServer {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away PostgreSQL server: initdb in a temp directory, listening on 127.0.0.1
 * on a free port with its socket in that directory. Durability is switched off for test
 * speed unless `durable` (benchmarks measure a server as it is run in production).
 */
export const startPostgresServer = async (
  options: { readonly durable?: boolean } = {},
): Promise<PostgresServer> => {
  const bin = findBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'civic-ledger-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', dir]);
  else await chmod(dir, 0o700);
  const port = await freePort();
  try {
    await asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    ]);
  } catch (error) {
    const log = await readFile(join(dir, 'server.log'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
  }
  // A runner that exits without its teardown (Ctrl-C, a timeout) must not leave the server.
  const stopNow = (): void => {
    const [cmd, ...args] = serverUserCommand(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]);
    try {
      execFileSync(cmd!, args, { stdio: 'ignore' });
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.off('exit', stopNow);
      await asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => {},
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
};
