import { describe, expect, it } from 'vitest';
import { atLeast, atMost, kpiValue, percentile } from './value.js';

const base = { id: 'K-05' as const, period: '2026-11', unit: undefined };

describe('KPI value (requirements §9)', () => {
  it('a zero denominator is no data, never 0 % or 100 %', () => {
    expect(
      kpiValue({ ...base, numerator: 0, denominator: 0, target: atLeast(0.95) }),
    ).toMatchObject({
      value: null,
      breach: null,
      status: 'no-data',
    });
  });

  it('flags a breach against an at-least or at-most target, and none without a target', () => {
    expect(
      kpiValue({ ...base, numerator: 19, denominator: 20, target: atLeast(0.95) }),
    ).toMatchObject({ value: 0.95, breach: false, status: 'ok' });
    expect(
      kpiValue({ ...base, numerator: 18, denominator: 20, target: atLeast(0.95) }),
    ).toMatchObject({ breach: true, status: 'breach' });
    expect(
      kpiValue({ ...base, id: 'K-03', numerator: 63, denominator: 3, target: atMost(20) }),
    ).toMatchObject({ value: 21, breach: true });
    expect(
      kpiValue({ ...base, id: 'K-08', numerator: 1, denominator: 4, target: null }),
    ).toMatchObject({ value: 0.25, breach: null, status: 'no-target' });
  });

  it('p90 is the nearest-rank percentile of exact values', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    // ⌈0.9 · 10⌉ = 9th of 1 … 10.
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 90)).toBe(9);
  });
});
