import { z } from 'zod';
import { Count } from './common.js';

const Level = z.number().int().min(1).max(5);

export const SatisfactionPolicy = z
  .object({
    /** SAT-01: the lowest level (of 1–5) that counts as a good rating. */
    goodFromLevel: Level,
    /** SAT-02: ratings at or below this level are bad and trigger verification and a return visit. */
    badUpToLevel: Level,
    /** SAT-02: a level recorded when no rating is given in time; null = none (most regions). */
    defaultRating: z.object({ level: Level, afterDays: Count }).nullable(),
    /** SAT-03: resident surveys to be closed in each quarter. */
    surveysPerQuarter: Count,
  })
  .refine((p) => p.badUpToLevel < p.goodFromLevel, {
    message: 'badUpToLevel must be below goodFromLevel',
    path: ['badUpToLevel'],
  });
export type SatisfactionPolicy = z.infer<typeof SatisfactionPolicy>;

export const defaultSatisfactionPolicy: SatisfactionPolicy = {
  goodFromLevel: 3,
  badUpToLevel: 2,
  defaultRating: null,
  surveysPerQuarter: 1,
};
