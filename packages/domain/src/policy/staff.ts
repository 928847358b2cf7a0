import { z } from 'zod';
import { Count } from './common.js';

/** STF-04: thresholds (≥) of the removal triggers of seconded staff, counted within a year. */
export const SecondedTriggers = z.object({
  absenceDays: Count,
  latenessOrEarlyLeave: Count,
  criticismsWithPoorAttitude: Count,
  verifiedComplaints: Count,
  negativeMediaReports: Count,
  sanctions: Count,
  seriousErrors: Count,
  leaderCriticisms: Count,
  disobedience: Count,
  incompetenceFindings: Count,
});

export const StaffPolicy = z.object({
  /** STF-03: training at least every this many months. */
  trainingIntervalMonths: Count,
  /** STF-03: assessment every this many months. */
  assessmentIntervalMonths: Count,
  /** STF-04: minimum term of seconded staff, in years. */
  secondedMinTermYears: Count,
  /** STF-04: within a year, reaching any of these returns the person to the sending unit. */
  secondedTriggers: SecondedTriggers,
  /**
   * STF-04: "within a year" (年度内) read as a rolling window of this many days ending at the
   * incident's date (the day itself included), so a count never resets on 1 January.
   */
  secondedTriggerWindowDays: Count,
  /** Compliance: warn of certificates expiring within this many days. */
  certificateExpiryWarningDays: Count,
});
export type StaffPolicy = z.infer<typeof StaffPolicy>;

export const defaultStaffPolicy: StaffPolicy = {
  trainingIntervalMonths: 6,
  assessmentIntervalMonths: 3,
  secondedMinTermYears: 2,
  secondedTriggers: {
    absenceDays: 5,
    latenessOrEarlyLeave: 30,
    criticismsWithPoorAttitude: 3,
    verifiedComplaints: 2,
    negativeMediaReports: 2,
    sanctions: 1,
    seriousErrors: 1,
    leaderCriticisms: 1,
    disobedience: 1,
    incompetenceFindings: 1,
  },
  secondedTriggerWindowDays: 365,
  certificateExpiryWarningDays: 30,
};
