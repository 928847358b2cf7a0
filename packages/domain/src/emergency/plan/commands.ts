import { z } from 'zod';
import { IncidentLevelSchema } from '../../incident/levels.js';
import { IdSchema, IsoDateSchema, Text } from '../../kernel/schemas.js';

/** EMG-03: specialised drills (专项, quarterly by default) and comprehensive ones (综合, yearly). */
export const DrillKindSchema = z.enum(['specialized', 'comprehensive']);
export type DrillKind = z.infer<typeof DrillKindSchema>;

/** EMG-03: the outcome of a drill's evaluation (演练评估). */
export const DrillEvaluationSchema = z.object({
  result: z.enum(['effective', 'partly-effective', 'ineffective']),
  findings: Text(4000),
  improvements: Text(4000).optional(),
  evaluatorId: IdSchema.optional(),
});

/** Who took part: how many people, which units, and staff ids where known. */
export const DrillParticipantsSchema = z.object({
  count: z.number().int().min(1).max(100_000),
  units: z.array(IdSchema).min(1).max(100),
  staffIds: z.array(IdSchema).max(1000).optional(),
});

/** Schemas of the `data` of every emergency-plan command, by command type. */
export const EmergencyPlanCommandSchemas = {
  AdoptEmergencyPlan: z.object({
    planId: IdSchema,
    /** The facility (sub-)class the plan covers, as FAC-01 keys name it (`water-supply`, …). */
    facilityClass: IdSchema,
    title: Text(200),
    version: Text(32),
    adoptedOn: IsoDateSchema,
    /** Response levels the plan provides for (EMG-01); all when omitted. */
    levels: z.array(IncidentLevelSchema).min(1).max(4).optional(),
    documentRef: Text(500).optional(),
  }),
  ReviseEmergencyPlan: z.object({
    version: Text(32),
    revisedOn: IsoDateSchema,
    reason: Text(1000),
    documentRef: Text(500).optional(),
  }),
  RecordDrill: z.object({
    drillId: IdSchema,
    kind: DrillKindSchema,
    heldOn: IsoDateSchema,
    scenario: Text(1000),
    participants: DrillParticipantsSchema,
    evaluation: DrillEvaluationSchema,
  }),
} as const;

type Schemas = typeof EmergencyPlanCommandSchemas;
export type EmergencyPlanCommandType = keyof Schemas;
/** Parsed `data` of an emergency-plan command. */
export type EmergencyPlanCommandData<K extends EmergencyPlanCommandType> = z.output<Schemas[K]>;
/** An emergency-plan command as callers send it. */
export type EmergencyPlanCommand = {
  [K in EmergencyPlanCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[EmergencyPlanCommandType];
