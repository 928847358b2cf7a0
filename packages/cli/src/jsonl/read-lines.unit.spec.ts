import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from './read-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = async (content: string | Buffer) => {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, content);
  const out: { text: string; line: number; bytesRead: number }[] = [];
  for await (const l of readLines(path)) out.push(l);
  return out;
};

describe('X-07 reading a JSONL export line by line', () => {
  it('numbers lines, skips blank ones, drops a trailing CR and counts bytes', async () => {
    const lines = await linesOf('{"a":1}\r\n\n  \n{"b":"张三"}\n{"c":3}');
    expect(lines.map((l) => [l.text, l.line])).toEqual([
      ['{"a":1}', 1],
      ['{"b":"张三"}', 4],
      ['{"c":3}', 5],
    ]);
    expect(lines.at(-1)?.bytesRead).toBe(
      Buffer.byteLength('{"a":1}\r\n\n  \n{"b":"张三"}\n{"c":3}'),
    );
  });

  it('keeps lines longer than the read buffer and characters split across reads whole', async () => {
    const long = `{"x":"${'长'.repeat(700_000)}"}`;
    const lines = await linesOf(`${long}\n${long}\n`);
    expect(lines.map((l) => l.text)).toEqual([long, long]);
  });
});
