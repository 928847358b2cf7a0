import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, personal, Text } from '../kernel/schemas.js';
import { IncidentAssessmentSchema } from './commands.js';
import { IncidentCategorySchema, IncidentLeadSchema, IncidentLevelSchema } from './levels.js';

/** Schemas of the `data` of every incident event, by event type. */
export const IncidentEventSchemas = {
  IncidentWarningIssued: z.object({
    incidentId: IdSchema,
    title: Text(200),
    level: IncidentLevelSchema,
    category: IncidentCategorySchema.optional(),
    affectedFacilities: z.array(IdSchema),
    lead: IncidentLeadSchema,
    description: personal(Text(4000), 'free-text').optional(),
    at: InstantSchema,
  }),
  IncidentResponseStarted: z.object({
    at: InstantSchema,
    level: IncidentLevelSchema,
    lead: IncidentLeadSchema,
    measures: Text(2000).optional(),
  }),
  IncidentHandlingStarted: z.object({ at: InstantSchema, measures: Text(2000).optional() }),
  IncidentInformationReleased: z.object({
    at: InstantSchema,
    channels: z.array(Text(100)),
    summary: Text(2000),
    /** False for the release that opens the stage, true for later updates. */
    followUp: z.boolean(),
  }),
  IncidentRecoveryStarted: z.object({ at: InstantSchema, summary: Text(2000) }),
  IncidentClosed: z.object({
    at: InstantSchema,
    level: IncidentLevelSchema,
    assessment: IncidentAssessmentSchema,
  }),
  IncidentLevelChanged: z.object({
    at: InstantSchema,
    from: IncidentLevelSchema,
    to: IncidentLevelSchema,
    reason: Text(1000),
  }),
  IncidentLeadChanged: z.object({
    at: InstantSchema,
    from: IncidentLeadSchema,
    to: IncidentLeadSchema,
    reason: Text(1000).optional(),
  }),
  IncidentFacilitiesAdded: z.object({ at: InstantSchema, facilityIds: z.array(IdSchema) }),
} as const;

type Schemas = typeof IncidentEventSchemas;
export type IncidentEventType = keyof Schemas;
/** Data of an incident event. */
export type IncidentEventData<K extends IncidentEventType> = z.output<Schemas[K]>;
/** Every event of the incident aggregate. */
export type IncidentEvent = {
  [K in IncidentEventType]: DomainEvent<K, IncidentEventData<K>>;
}[IncidentEventType];
