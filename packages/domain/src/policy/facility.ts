import { z } from 'zod';
import { Cycle, daily, halfYearly, monthly, quarterly, weekly, yearly } from './common.js';

export const FacilityPolicy = z.object({
  /**
   * FAC-04: default cycle per facility (sub-)class and task kind. Keys are facility class
   * keys; `*` applies to every facility. A plan item may override its cycle.
   */
  defaultCycles: z.record(z.string(), z.record(z.string(), Cycle)),
  /** FAC-04: special maintenance (专项) cycle by risk level. */
  specialCyclesByRisk: z.record(z.enum(['high', 'medium', 'low']), Cycle),
  /** FAC-08: certificate kinds required for work on a facility class. */
  certificateRequirements: z.record(z.string(), z.array(z.string().min(1))),
  /** FAC-05, FAC-10: roles that review (审核) inspection, maintenance and safety records. */
  recordReviewerRoles: z.array(z.string().min(1)).min(1),
  /** FAC-11: roles that review a maintenance report before it is submitted. */
  reportReviewerRoles: z.array(z.string().min(1)).min(1),
  /** FAC-13: classes whose broken units are replaced or removed, never patched (003 §2.3). */
  replaceOrRemoveClasses: z.array(z.string().min(1)),
});
export type FacilityPolicy = z.infer<typeof FacilityPolicy>;

export const defaultFacilityPolicy: FacilityPolicy = {
  defaultCycles: {
    '*': { routine: weekly, periodic: quarterly },
    'water-supply': { 'pipe-pressure-check': quarterly, 'full-overhaul': yearly },
    power: { 'line-insulation-check': halfYearly, 'equipment-inspection': yearly },
    'waste-processing': {
      cleaning: daily,
      'equipment-check': weekly,
      'system-maintenance': monthly,
    },
    'road-lighting': { patrol: weekly, 'full-check': quarterly },
    'fire-facilities': { 'full-test': halfYearly },
  },
  specialCyclesByRisk: { high: monthly, medium: quarterly, low: yearly },
  certificateRequirements: {
    power: ['electrician'],
    'road-lighting': ['electrician'],
    'water-supply': ['pipe-fitter'],
    drainage: ['pipe-fitter'],
    gas: ['gas-fitter'],
    greening: ['greening-worker'],
    'fire-facilities': ['fire-facility-operator'],
  },
  recordReviewerRoles: ['department-head'],
  reportReviewerRoles: ['maintenance-head', 'department-head'],
  replaceOrRemoveClasses: ['signage'],
};
