import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inPeriod, minusMonths, parsePeriod, periodOf, plusDays } from './periods.js';

describe('periods (requirements §9: day, month, quarter, half-year, year)', () => {
  it('gives each kind its key and inclusive local-date range', () => {
    expect(periodOf('day', '2026-11-20')).toEqual({
      kind: 'day',
      key: '2026-11-20',
      from: '2026-11-20',
      to: '2026-11-20',
    });
    expect(periodOf('month', '2028-02-10')).toMatchObject({
      key: '2028-02',
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodOf('quarter', '2026-11-20')).toMatchObject({
      key: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodOf('half-year', '2026-06-30')).toMatchObject({
      key: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(periodOf('year', '2026-11-20')).toMatchObject({
      key: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('parses keys back and rejects what is not one', () => {
    for (const key of ['2026-11-20', '2026-11', '2026-Q1', '2026-H2', '2026'])
      expect(parsePeriod(key)?.key).toBe(key);
    for (const key of ['2026-13', '2026-Q5', '26', '2026-11-20T00:00'])
      expect(parsePeriod(key)).toBeUndefined();
  });

  it('every date lies in the period of each kind that contains it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          for (const kind of ['day', 'month', 'quarter', 'half-year', 'year'] as const) {
            const p = periodOf(kind, date);
            expect(inPeriod(p, date)).toBe(true);
            expect(parsePeriod(p.key)).toEqual(p);
            expect(inPeriod(p, plusDays(p.to, 1))).toBe(false);
            expect(inPeriod(p, plusDays(p.from, -1))).toBe(false);
          }
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('counts months back with the day clamped to the month', () => {
    expect(minusMonths('2026-11-30', 6)).toBe('2026-05-30');
    expect(minusMonths('2026-08-31', 6)).toBe('2026-02-28');
    expect(minusMonths('2026-03-15', 3)).toBe('2025-12-15');
  });
});
