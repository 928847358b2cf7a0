import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineChunks, readLines } from './read-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (content: string | Buffer): string => {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, content);
  return path;
};

const linesOf = async (content: string | Buffer, chunkBytes?: number) => {
  const out: { text: string; line: number; bytesRead: number }[] = [];
  for await (const l of readLines(fileOf(content), chunkBytes)) out.push(l);
  return out;
};

/** What the lines of `content` are, by the plain definition: split, number, drop blanks. */
const expected = (content: string) => {
  const out: { text: string; line: number; bytesRead: number }[] = [];
  let bytesRead = 0;
  content.split('\n').forEach((raw, i, all) => {
    if (i === all.length - 1 && raw === '') return;
    bytesRead += Buffer.byteLength(raw) + (i < all.length - 1 ? 1 : 0);
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() !== '') out.push({ text, line: i + 1, bytesRead });
  });
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

  it('splits lines the same at every read size, wherever a read ends (in a line, a CR, a character)', async () => {
    const content = [
      '{"a":1}',
      '',
      '{"b":"张三 — 长长的一行"}\r',
      '   ',
      `{"c":"${'x'.repeat(40)}"}`,
      '{"d":"🙂"}',
      '\r',
      '{"e":5}',
    ].join('\n');
    for (const chunkBytes of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) {
      expect(await linesOf(content, chunkBytes), `chunk ${chunkBytes}`).toEqual(expected(content));
      expect(await linesOf(`${content}\n`, chunkBytes)).toEqual(expected(`${content}\n`));
    }
  });

  it('hands out the lines of one read together, and stops cleanly when the reader stops early', async () => {
    const content = Array.from({ length: 50 }, (_, i) => `{"n":${i}}`).join('\n');
    const path = fileOf(content);
    const sizes: number[] = [];
    for await (const chunk of readLineChunks(path, 64)) sizes.push(chunk.count);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(50);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    let seen = 0;
    for await (const _ of readLines(path, 16)) if (++seen === 3) break;
    expect(seen).toBe(3);
  });
});
