import { z } from 'zod';
import { Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';
import { Ratio } from '../policy/common.js';

/**
 * SAT-05: the figures published for a period (001 §7.4: satisfaction, complaint handling,
 * rectification status). The projections compute them; the command supplies them so that
 * what was published is on record exactly as published.
 */
export const PublicationFiguresSchema = z
  .object({
    satisfactionRate: Ratio.optional(),
    surveyResponseRate: Ratio.optional(),
    complaintsReceived: z.number().int().min(0).optional(),
    complaintHandlingRate: Ratio.optional(),
    complaintOnTimeRate: Ratio.optional(),
    rectificationsOpen: z.number().int().min(0).optional(),
    rectificationsAccepted: z.number().int().min(0).optional(),
    rectificationOnTimeRate: Ratio.optional(),
  })
  .superRefine((f, ctx) => {
    if (Object.values(f).every((v) => v === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'publish at least one figure',
        params: bilingual('figures-required', '至少公示一项数据'),
      });
  });
export type PublicationFigures = z.output<typeof PublicationFiguresSchema>;

/** SAT-05: where and for which period results were published. */
export const PublicationSchema = z.object({
  /** The period published, e.g. `2026-Q4`, `2026-H2`, `2026`. */
  period: z.string().regex(/^\d{4}(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])))?$/),
  channel: Text(200),
  figures: PublicationFiguresSchema,
  note: Text(2000).optional(),
});
