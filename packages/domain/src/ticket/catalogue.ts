import type * as E from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { ValidationError } from '../kernel/errors.js';
import { IdSchema, Text } from '../kernel/schemas.js';
import { bilingual, parseWith } from '../kernel/validation.js';
import { Workdays } from '../policy/common.js';
import type { Policy } from '../policy/policy.js';

/** Service categories (TKT-06, 001 §3.1): basic 基础, auxiliary 辅助, featured 特色. */
export const ServiceCategorySchema = z.enum(['basic', 'auxiliary', 'featured']);
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

/** One service type of the catalogue: what it needs and how long it may take. */
export const ServiceTypeSchema = z.object({
  name: z.object({ zh: Text(200), en: Text(200) }),
  /** TKT-06 */
  category: ServiceCategorySchema,
  /** TKT-02: kinds of supporting documents an application of this type must carry. */
  requiredMaterials: z.array(IdSchema).default([]),
  /** TKT-03: final approval within this many working days of acceptance (≤ policy max). */
  approvalLimitWorkdays: Workdays,
  /** TKT-03: the type needs a final approval (审批) before it is dispatched or completed. */
  requiresFinalApproval: z.boolean().default(false),
  /** A ticket of this type reports a fault of the facility it names (`facilityId`). */
  facilityFault: z.boolean().default(false),
});
export type ServiceType = z.infer<typeof ServiceTypeSchema>;

/** The configurable catalogue of service types, keyed by service-type id. */
export const ServiceCatalogueSchema = z.record(IdSchema, ServiceTypeSchema);
export type ServiceCatalogue = z.infer<typeof ServiceCatalogueSchema>;

/** Schema of a catalogue that also respects the policy's final-approval maximum (TKT-03). */
export const serviceCatalogueSchema = (policy: Policy) =>
  ServiceCatalogueSchema.superRefine((catalogue, ctx) => {
    const max = policy.ticket.finalApprovalMaxWorkdays;
    for (const [id, entry] of Object.entries(catalogue)) {
      if (entry.approvalLimitWorkdays > max)
        ctx.addIssue({
          code: 'custom',
          path: [id, 'approvalLimitWorkdays'],
          message: `the approval limit may be at most ${max} working days`,
          params: bilingual('approval-limit-max', `审批时限最多为 ${max} 个工作日`),
        });
    }
  });

/** Validates a catalogue against its schema and the policy (TKT-03, TKT-06). */
export const validateServiceCatalogue = (
  catalogue: unknown,
  policy: Policy,
): E.Either<ValidationError, ServiceCatalogue> =>
  parseWith(serviceCatalogueSchema(policy), catalogue, 'TKT-03');

/** A small example catalogue; jurisdictions supply their own. */
export const exampleServiceCatalogue: ServiceCatalogue = {
  'medical-aid': {
    name: { zh: '医疗救助', en: 'Medical aid' },
    category: 'basic',
    requiredMaterials: ['id-card', 'medical-bills', 'income-proof'],
    approvalLimitWorkdays: 30,
    requiresFinalApproval: true,
    facilityFault: false,
  },
  'elderly-subsidy': {
    name: { zh: '高龄津贴', en: 'Elderly subsidy' },
    category: 'basic',
    requiredMaterials: ['id-card', 'household-register'],
    approvalLimitWorkdays: 30,
    requiresFinalApproval: true,
    facilityFault: false,
  },
  'residence-certificate': {
    name: { zh: '居住证明', en: 'Residence certificate' },
    category: 'auxiliary',
    requiredMaterials: ['id-card'],
    approvalLimitWorkdays: 5,
    requiresFinalApproval: false,
    facilityFault: false,
  },
  'facility-repair': {
    name: { zh: '公共设施报修', en: 'Public facility repair' },
    category: 'auxiliary',
    requiredMaterials: [],
    approvalLimitWorkdays: 5,
    requiresFinalApproval: false,
    facilityFault: true,
  },
  'elderly-care-visit': {
    name: { zh: '助老上门服务', en: 'Home visit for the elderly' },
    category: 'featured',
    requiredMaterials: [],
    approvalLimitWorkdays: 10,
    requiresFinalApproval: false,
    facilityFault: false,
  },
};
