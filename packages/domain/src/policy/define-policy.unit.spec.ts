import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { definePolicy, PolicyError, parsePolicy } from './define-policy.js';
import { defaultPolicy } from './policy.js';

describe('policy (requirements §0–9 defaults)', () => {
  it('carries the numbers of the requirements as defaults', () => {
    expect(defaultPolicy.ticket.initialReviewWorkdays).toBe(5); // TKT-03
    expect(defaultPolicy.ticket.extendedReviewWorkdays).toBe(10); // TKT-03
    expect(defaultPolicy.ticket.finalApprovalMaxWorkdays).toBe(30); // TKT-03
    expect(defaultPolicy.ticket.firstResponseMinutes).toBe(20); // TKT-09
    expect(defaultPolicy.ticket.windowWaitMinutes).toBe(30); // TKT-09
    expect(defaultPolicy.complaint.answerWorkdays).toBe(3); // CMP-03
    expect(defaultPolicy.kpi.satisfactionFacility).toBe(0.9); // SAT-04
    expect(defaultPolicy.kpi.satisfactionCity).toBe(0.85); // SAT-04
    expect(defaultPolicy.kpi.facilityIntactRate).toBe(0.98); // K-01
    expect(defaultPolicy.kpi.certifiedOnPost).toBe(1); // STF-02
    expect(defaultPolicy.staff.secondedMinTermYears).toBe(2); // STF-04
    expect(defaultPolicy.emergency.waterReserveMin).toBe(0.3); // EMG-04
    expect(defaultPolicy.emergency.backupPowerMin).toBe(0.1); // EMG-04
    expect(defaultPolicy.facility.defaultCycles['water-supply']?.['pipe-pressure-check']).toEqual({
      unit: 'month',
      count: 3,
    }); // FAC-04
  });

  it('is the defaults when nothing is overridden, and a valid policy itself', () => {
    expect(definePolicy()).toEqual(defaultPolicy);
  });

  it('merges a jurisdiction override key by key and leaves the rest alone', () => {
    const p = definePolicy({
      jurisdiction: 'Shenzhen',
      ticket: { initialReviewWorkdays: 3 },
      facility: {
        defaultCycles: { power: { 'line-insulation-check': { unit: 'month', count: 3 } } },
      },
    });
    expect(p.ticket.initialReviewWorkdays).toBe(3);
    expect(p.ticket.extendedReviewWorkdays).toBe(10);
    expect(p.facility.defaultCycles.power?.['line-insulation-check']).toEqual({
      unit: 'month',
      count: 3,
    });
    expect(p.facility.defaultCycles.power?.['equipment-inspection']).toEqual({
      unit: 'year',
      count: 1,
    });
    expect(p.facility.defaultCycles['water-supply']).toEqual(
      defaultPolicy.facility.defaultCycles['water-supply'],
    );
  });

  it('rejects an invalid override naming the field, in both languages', () => {
    const result = parsePolicy({
      ticket: { initialReviewWorkdays: 0 },
      kpi: { facilityIntactRate: 1.5 },
    });
    expect(E.isLeft(result)).toBe(true);
    if (E.isRight(result)) return;
    expect(result.left.code).toBe('INVALID_POLICY');
    expect(result.left.issues.map((i) => i.path.join('.'))).toEqual([
      'ticket.initialReviewWorkdays',
      'kpi.facilityIntactRate',
    ]);
    expect(result.left.issues[0]?.message.en).toMatch(/>=1/);
    expect(result.left.issues[0]?.message.zh).toMatch(/过小/);
  });

  it('rejects inconsistent levels through the cross-field rule', () => {
    const result = parsePolicy({ satisfaction: { badUpToLevel: 3, goodFromLevel: 3 } });
    expect(E.isLeft(result) && result.left.path.join('.')).toBe('satisfaction.badUpToLevel');
  });

  it('definePolicy throws a PolicyError that lists the fields', () => {
    expect(() => definePolicy({ ticket: { firstResponseMinutes: -5 } })).toThrow(PolicyError);
    expect(() => definePolicy({ ticket: { firstResponseMinutes: -5 } })).toThrow(
      /ticket\.firstResponseMinutes/,
    );
  });

  it('returns a frozen policy so that no decider can change it', () => {
    expect(Object.isFrozen(definePolicy())).toBe(true);
  });
});
