// Field schemas shared by the facility commands and events.
import { z } from 'zod';
import { IdSchema, IsoDateSchema, personal, Text } from '../kernel/schemas.js';
import { facilityCategories } from './taxonomy.js';

/** A kebab-case key (class keys, task kinds, certificate kinds). */
export const FacilityKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A staff member named in a record: id plus name (the name is personal data, X-06). */
export const FacilityPersonRef = z.object({
  id: IdSchema,
  name: personal(Text(100), 'name'),
});
export type FacilityPersonRef = z.infer<typeof FacilityPersonRef>;

/** A checksum with its algorithm: `sha256:…`, `sha512:…` or the national `sm3:…` (hex). */
export const FacilityChecksum = z
  .string()
  .regex(/^(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128}|sm3:[0-9a-f]{64})$/);

/** FAC-02, ARC-01: a technical document kept elsewhere and attached by reference. */
export const TechnicalDocument = z.object({
  documentId: IdSchema,
  kind: z.enum([
    'drawing',
    'equipment-parameters',
    'installation-record',
    'manual',
    'test-report',
    'acceptance-record',
    'other',
  ]),
  title: Text(200),
  uri: z.url().max(2000),
  checksum: FacilityChecksum,
});
export type TechnicalDocument = z.infer<typeof TechnicalDocument>;

/** FAC-01: where a facility sits in the taxonomy. */
export const FacilityClassification = z.object({
  category: z.enum(facilityCategories),
  classKey: FacilityKey,
  subClass: FacilityKey.optional(),
});

/** FAC-02: the basic information of the facility archive (000 §1.5). */
export const RegistrationFields = z.object({
  name: Text(200),
  number: Text(64),
  ...FacilityClassification.shape,
  location: Text(500),
  constructionDate: IsoDateSchema,
  operatingUnit: Text(200),
  responsiblePerson: FacilityPersonRef,
});
export type RegistrationFields = z.infer<typeof RegistrationFields>;

/** FAC-13: the condition an inspection finds: intact 完好 or not. */
export const FacilityCondition = z.enum(['intact', 'not-intact']);
export type FacilityCondition = z.infer<typeof FacilityCondition>;

/** FAC-05: the result of an inspection or maintenance: 正常 / 异常 / 维修 / 更换. */
export const InspectionResult = z.enum(['normal', 'abnormal', 'repaired', 'replaced']);
export type InspectionResult = z.infer<typeof InspectionResult>;

/** FAC-06: repair classes 轻微 / 中度 / 重大 / 更换. */
export const RepairClass = z.enum(['minor', 'moderate', 'major', 'replacement']);
export type RepairClass = z.infer<typeof RepairClass>;

/** FAC-06: "urgent first" 先急后缓. */
export const RepairPriority = z.enum(['urgent', 'routine']);
export type RepairPriority = z.infer<typeof RepairPriority>;

/** FAC-04: risk level that sets the cycle of special maintenance 专项维护. */
export const RiskLevel = z.enum(['high', 'medium', 'low']);

/** FAC-03: fixed schedules count from the last due date, floating ones from the last completion. */
export const ScheduleMode = z.enum(['fixed', 'floating']);
export type ScheduleMode = z.infer<typeof ScheduleMode>;

/** FAC-07: renovation kinds and the lifecycle no project may skip a step of. */
export const RenovationKind = z.enum(['functional', 'structural', 'smart', 'safety']);
export const renovationStages = [
  'needs-analysis',
  'design',
  'approval',
  'implementation',
  'acceptance',
  'operation',
] as const;
export const RenovationStage = z.enum(renovationStages);
export type RenovationStage = z.infer<typeof RenovationStage>;

/** A review (审核) decision: approved makes a record final; returned sends it back. */
export const ReviewDecision = z.enum(['approved', 'returned']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** An amount of money with its ISO currency (FAC-06 cost of repair vs replacement). */
export const Money = z.object({
  amount: z.number().nonnegative().max(1e12),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
});
