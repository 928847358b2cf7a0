import { z } from 'zod';
import { IdSchema, InstantSchema, personal, Text } from '../kernel/schemas.js';
import { IncidentCategorySchema, IncidentLeadSchema, IncidentLevelSchema } from './levels.js';

/** When it happened; the context's `now` when omitted. */
const At = { at: InstantSchema.optional() };
const FacilityIds = z.array(IdSchema).min(1).max(500);

/** EMG-03 / EMG-04 aside, the closing assessment of an incident (评估、总结). */
export const IncidentAssessmentSchema = z.object({
  summary: Text(4000),
  losses: Text(2000).optional(),
  lessons: Text(4000).optional(),
});

/** Schemas of the `data` of every incident command, by command type. */
export const IncidentCommandSchemas = {
  RaiseWarning: z.object({
    incidentId: IdSchema,
    title: Text(200),
    level: IncidentLevelSchema,
    category: IncidentCategorySchema.optional(),
    affectedFacilities: FacilityIds,
    lead: IncidentLeadSchema,
    description: personal(Text(4000), 'free-text').optional(),
    ...At,
  }),
  StartResponse: z.object({ measures: Text(2000).optional(), ...At }),
  BeginHandling: z.object({ measures: Text(2000).optional(), ...At }),
  ReleaseInformation: z.object({
    channels: z.array(Text(100)).min(1).max(20),
    summary: Text(2000),
    ...At,
  }),
  BeginRecovery: z.object({ summary: Text(2000), ...At }),
  CloseIncident: z.object({ assessment: IncidentAssessmentSchema, ...At }),
  ChangeLevel: z.object({ level: IncidentLevelSchema, reason: Text(1000), ...At }),
  ChangeLead: z.object({ lead: IncidentLeadSchema, reason: Text(1000).optional(), ...At }),
  AddAffectedFacilities: z.object({ facilityIds: FacilityIds, ...At }),
} as const;

type Schemas = typeof IncidentCommandSchemas;
export type IncidentCommandType = keyof Schemas;
/** Parsed `data` of an incident command. */
export type IncidentCommandData<K extends IncidentCommandType> = z.output<Schemas[K]>;
/** An incident command as callers send it. */
export type IncidentCommand = {
  [K in IncidentCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[IncidentCommandType];
