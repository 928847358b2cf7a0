import { cityCommands, type SimCommand } from '@civic-ledger/cli';
import { describe, expect, it } from 'vitest';

// The generator alone (no store): lazy, deterministic, time-ordered over a long run.
describe('examples/city-simulation', () => {
  it('generates a year lazily, in time order, with every aggregate and some missed deadlines', () => {
    const byAggregate = new Map<string, number>();
    let count = 0;
    let previous = 0;
    let first: SimCommand | undefined;
    for (const c of cityCommands({ seed: 5, days: 365, start: '2026-01-01', scale: 1 })) {
      first ??= c;
      count++;
      const at = Date.parse(c.occurredAt);
      expect(at).toBeGreaterThanOrEqual(previous);
      previous = at;
      byAggregate.set(c.aggregate, (byAggregate.get(c.aggregate) ?? 0) + 1);
    }
    expect(first?.occurredAt.startsWith('2026-01-01')).toBe(true);
    expect(new Date(previous).getUTCFullYear()).toBe(2026);
    expect(count).toBeGreaterThan(30_000);
    expect([...byAggregate.keys()].sort()).toEqual([
      'audit',
      'complaint',
      'facility',
      'incident',
      'rectification',
      'staff',
      'survey',
      'ticket',
    ]);
  });
});
