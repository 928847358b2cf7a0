import type { EventEnvelope } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { createGroupCommit, type QueuedAppend } from './group-commit.js';

const event = {} as EventEnvelope;

/** A group commit whose flush records each group's streams and settles it a timer later. */
const recording = (settle: (append: QueuedAppend) => void) => {
  const groups: string[][] = [];
  const gc = createGroupCommit(
    async (group) => {
      groups.push(group.map((a) => a.streamId));
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const append of group) settle(append);
    },
    5_000,
    1,
  );
  return { gc, groups };
};

const ok = (append: QueuedAppend) =>
  append.resolve({ nextVersion: 1, lastPosition: 1n, duplicate: false });

describe('group commit', () => {
  it('X-01 given writers that append again as soon as they are settled, when they run, then each later group takes every writer', async () => {
    const { gc, groups } = recording(ok);
    await Promise.all(
      ['w0', 'w1', 'w2', 'w3'].map(async (w) => {
        for (let i = 0; i < 5; i++) {
          await gc.submit(w, 'any', [event]);
          // A real caller is some promise turns deep (command handler, the store's append).
          for (let turn = 0; turn < 6; turn++) await Promise.resolve();
        }
      }),
    );
    // The first append goes alone at once; from then on no writer waits a turn.
    expect(groups.map((g) => g.length)).toEqual([1, 4, 4, 4, 4, 3]);
    expect(groups.flat().filter((w) => w === 'w2')).toHaveLength(5);
  });

  it('X-01 given a group where one append is refused, when it is flushed, then only that append fails', async () => {
    const { gc, groups } = recording((append) =>
      append.streamId === 'stale' ? append.reject(new Error('conflict')) : ok(append),
    );
    const primer = gc.submit('primer', 'any', [event]);
    const outcomes = await Promise.allSettled([
      gc.submit('a', 'any', [event]),
      gc.submit('stale', 3, [event]),
      gc.submit('b', 'any', [event]),
    ]);
    await primer;
    expect(groups).toEqual([['primer'], ['a', 'stale', 'b']]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('X-01 given a flush that throws, when its group is rejected, then the next group is still flushed', async () => {
    let calls = 0;
    const gc = createGroupCommit(
      async (group) => {
        calls++;
        if (calls === 1) throw new Error('connection lost');
        for (const append of group) ok(append);
      },
      5_000,
      1,
    );
    const first = gc.submit('a', 'any', [event]);
    const second = gc.submit('b', 'any', [event]);
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).resolves.toMatchObject({ nextVersion: 1 });
  });
});
