import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../packages/domain/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.includes('.spec.')
        ? [join(dir, d.name)]
        : [],
  );

// node:crypto hashes in memory and is allowed; everything that touches files, network,
// processes, time or randomness is not.
const forbiddenModules =
  /from ['"](node:)?(fs|fs\/promises|net|http|https|http2|dgram|child_process|worker_threads|cluster|dns|tls|readline|os|process)['"]|from ['"](pg|@electric-sql\/pglite|@eventstore\/db-client)['"]/;
const clockOrChance =
  /Date\.now\(|new Date\(\)|performance\.now\(|Math\.random\(|process\.(env|hrtime)/;

describe('packages/domain stays pure (design: no I/O, never reads the clock)', () => {
  const sources = files(root);

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s imports nothing that does I/O',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(forbiddenModules);
    },
  );

  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s never reads the clock or a random source',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(clockOrChance);
    },
  );

  it('the checks would catch a violation', () => {
    expect("import { readFileSync } from 'node:fs';").toMatch(forbiddenModules);
    expect('const t = Date.now();').toMatch(clockOrChance);
  });
});
