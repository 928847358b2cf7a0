import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cal, chinaCalendarYears, createChinaWorkCalendar } from './china.js';

describe('china work calendar (X-03)', () => {
  it('counts from the day after receipt across the 2026 National Day holiday and its make-up Saturday', () => {
    expect(cal.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('treats the 2026 Spring Festival make-up Saturday as a working day', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true);
  });

  it('treats 2026-10-05 (National Day holiday, a Monday) as a day off', () => {
    expect(cal.isWorkday('2026-10-05')).toBe(false);
  });

  it('crosses the 2025 Spring Festival and counts its make-up Sunday', () => {
    expect(cal.addWorkdays('2025-01-24', 5)).toBe('2025-02-07');
    expect(cal.isWorkday('2025-01-26')).toBe(true);
  });

  it('knows plain weekends and weekdays', () => {
    expect(cal.isWorkday('2026-11-21')).toBe(false); // Saturday
    expect(cal.isWorkday('2026-11-23')).toBe(true); // Monday
  });

  it('returns the date itself for zero working days and refuses bad input', () => {
    expect(cal.addWorkdays('2026-11-20', 0)).toBe('2026-11-20');
    expect(() => cal.addWorkdays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2026-11-20', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2026-11-20', 1.5)).toThrow(RangeError);
  });

  it('says honestly which years it covers', () => {
    expect(chinaCalendarYears[0]).toBe(2004);
    expect(cal.covers('2026-12-31')).toBe(true);
    expect(cal.covers('2027-01-01')).toBe(false);
    expect(cal.covers('2003-12-31')).toBe(false);
  });
});

describe('deadlines (X-04)', () => {
  it('end at 24:00 Asia/Shanghai of the n-th working day, reading the start in Asia/Shanghai', () => {
    // 2026-09-30 17:00Z is already 2026-10-01 01:00 in Shanghai: counting starts from 10-01.
    const d = cal.deadline('2026-09-30T17:00:00Z', 3);
    expect(d).toEqual({
      dueDate: '2026-10-10',
      dueAt: '2026-10-10T16:00:00.000Z',
      workdays: 3,
      provisional: false,
      calendar: 'CN',
    });
  });

  it('are provisional when any day counted lies beyond the holiday data', () => {
    const d = cal.deadline('2026-12-28T09:00:00+08:00', 5);
    expect(d.dueDate).toBe('2027-01-04');
    expect(d.provisional).toBe(true);
    expect(cal.deadline('2026-12-01T09:00:00+08:00', 5).provisional).toBe(false);
  });
});

describe('jurisdiction calendars (X-03 pluggable)', () => {
  it('add local holidays and working days on top of the national data', () => {
    const local = createChinaWorkCalendar({
      name: 'CN+local',
      localHolidays: ['2026-11-23'],
      localWorkdays: ['2026-11-22'],
    });
    expect(local.isWorkday('2026-11-23')).toBe(false);
    expect(local.isWorkday('2026-11-22')).toBe(true);
    expect(local.addWorkdays('2026-11-20', 2)).toBe('2026-11-24');
    expect(local.deadline('2026-11-20T10:00:00+08:00', 1).calendar).toBe('CN+local');
  });
});

describe('addWorkdays properties (X-03)', () => {
  const day = fc
    .date({
      min: new Date('2004-01-01T00:00:00Z'),
      max: new Date('2028-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('always lands on a working day after the start for n ≥ 1', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const due = cal.addWorkdays(date, n);
        expect(cal.isWorkday(due)).toBe(true);
        expect(due > date).toBe(true);
        expect(cal.workdaysBetween(date, due)).toBe(n);
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });

  it('is strictly monotonic in n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), (date, n) => {
        expect(cal.addWorkdays(date, n + 1) > cal.addWorkdays(date, n)).toBe(true);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});
