import { z } from 'zod';
import { IncidentLevelSchema } from '../../incident/levels.js';
import type { DomainEvent } from '../../kernel/envelope.js';
import { IdSchema, IsoDateSchema, Text } from '../../kernel/schemas.js';
import { DrillEvaluationSchema, DrillKindSchema, DrillParticipantsSchema } from './commands.js';

/** EMG-03: the next drill of each kind is due by these dates (policy cycles, fixed here, X-04). */
const DrillsDue = z.object({ specialized: IsoDateSchema, comprehensive: IsoDateSchema });

/** Schemas of the `data` of every emergency-plan event, by event type. */
export const EmergencyPlanEventSchemas = {
  EmergencyPlanAdopted: z.object({
    planId: IdSchema,
    facilityClass: IdSchema,
    title: Text(200),
    version: Text(32),
    adoptedOn: IsoDateSchema,
    levels: z.array(IncidentLevelSchema).optional(),
    documentRef: Text(500).optional(),
    drillsDue: DrillsDue,
  }),
  EmergencyPlanRevised: z.object({
    previousVersion: Text(32),
    version: Text(32),
    revisedOn: IsoDateSchema,
    reason: Text(1000),
    documentRef: Text(500).optional(),
  }),
  DrillRecorded: z.object({
    drillId: IdSchema,
    facilityClass: IdSchema,
    planVersion: Text(32),
    kind: DrillKindSchema,
    heldOn: IsoDateSchema,
    scenario: Text(1000),
    participants: DrillParticipantsSchema,
    evaluation: DrillEvaluationSchema,
    /** The next drill of this kind is due by this date (policy cycle, X-04). */
    nextDueOn: IsoDateSchema,
  }),
} as const;

type Schemas = typeof EmergencyPlanEventSchemas;
export type EmergencyPlanEventType = keyof Schemas;
/** Data of an emergency-plan event. */
export type EmergencyPlanEventData<K extends EmergencyPlanEventType> = z.output<Schemas[K]>;
/** Every event of the emergency-plan aggregate. */
export type EmergencyPlanEvent = {
  [K in EmergencyPlanEventType]: DomainEvent<K, EmergencyPlanEventData<K>>;
}[EmergencyPlanEventType];
