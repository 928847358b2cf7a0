import { z } from 'zod';
import { Minutes, Ratio } from './common.js';

/** Targets of the KPIs K-01 … K-16 (requirements §9); K-08 and K-15 have none. */
export const KpiTargets = z.object({
  /** K-01 facility intact rate, at least. */
  facilityIntactRate: Ratio,
  /** K-02 preventive-maintenance compliance, at least. */
  pmCompliance: Ratio,
  /** K-03 first-response time, minutes, at most (mean). */
  firstResponseMinutes: Minutes,
  /** K-04 window wait, minutes, at most (mean). */
  windowWaitMinutes: Minutes,
  /** K-05 on-time completion, at least. */
  onTimeCompletion: Ratio,
  /** K-06 review on-time rate, at least. */
  reviewOnTime: Ratio,
  /** K-07 complaint on-time rate, at least. */
  complaintOnTime: Ratio,
  /** K-09 satisfaction, facility service (000 §4.1), at least. */
  satisfactionFacility: Ratio,
  /** K-09 satisfaction, city public services (002), at least. */
  satisfactionCity: Ratio,
  /** K-10 survey response rate, at least. */
  surveyResponseRate: Ratio,
  /** K-12 certified-on-post rate, at least. */
  certifiedOnPost: Ratio,
  /** K-13 training coverage, at least. */
  trainingCoverage: Ratio,
  /** K-14 rectification on-time rate, at least. */
  rectificationOnTime: Ratio,
  /** K-16 service coverage, at least. */
  serviceCoverage: Ratio,
});
export type KpiTargets = z.infer<typeof KpiTargets>;

export const defaultKpiTargets: KpiTargets = {
  facilityIntactRate: 0.98,
  pmCompliance: 0.95,
  firstResponseMinutes: 20,
  windowWaitMinutes: 30,
  onTimeCompletion: 0.95,
  reviewOnTime: 1,
  complaintOnTime: 1,
  satisfactionFacility: 0.9,
  satisfactionCity: 0.85,
  surveyResponseRate: 0.9,
  certifiedOnPost: 1,
  trainingCoverage: 1,
  rectificationOnTime: 1,
  serviceCoverage: 0.95,
};
