import { z } from 'zod';
import type { DomainEvent } from '../../kernel/envelope.js';
import { IdSchema, InstantSchema, Text } from '../../kernel/schemas.js';
import { ReserveKindSchema } from './commands.js';

const Ratio = z.number().min(0);

/** Schemas of the `data` of every reserve-capacity event, by event type. */
export const ReserveEventSchemas = {
  ReserveCapacityRecorded: z.object({
    recordId: IdSchema,
    facilityId: IdSchema,
    kind: ReserveKindSchema,
    measuredAt: InstantSchema,
    reserve: z.number(),
    demand: z.number(),
    measure: Text(16),
    /** reserve ÷ demand. */
    ratio: Ratio,
    /** The policy minimum in force when recorded (X-04: a later policy does not change it). */
    minimum: Ratio,
    belowMinimum: z.boolean(),
  }),
  /** EMG-04: the record fell below the policy minimum. */
  ReserveCapacityBelowMinimum: z.object({
    recordId: IdSchema,
    facilityId: IdSchema,
    kind: ReserveKindSchema,
    measuredAt: InstantSchema,
    ratio: Ratio,
    minimum: Ratio,
    /** How much reserve is missing to reach the minimum, in `measure`. */
    shortfall: z.number().min(0),
    measure: Text(16),
  }),
  /** EMG-04: the first record back at or above the minimum after a breach. */
  ReserveCapacityRestored: z.object({
    recordId: IdSchema,
    facilityId: IdSchema,
    kind: ReserveKindSchema,
    measuredAt: InstantSchema,
    ratio: Ratio,
    minimum: Ratio,
  }),
} as const;

type Schemas = typeof ReserveEventSchemas;
export type ReserveEventType = keyof Schemas;
/** Data of a reserve-capacity event. */
export type ReserveEventData<K extends ReserveEventType> = z.output<Schemas[K]>;
/** Every event of the reserve-capacity aggregate. */
export type ReserveEvent = {
  [K in ReserveEventType]: DomainEvent<K, ReserveEventData<K>>;
}[ReserveEventType];
