import { z } from 'zod';
import { IdSchema, InstantSchema, Text } from '../../kernel/schemas.js';

/** EMG-04: the reserves the standard sets a minimum for (000 §7.1.1). */
export const ReserveKindSchema = z.enum(['water', 'backup-power']);
export type ReserveKind = z.infer<typeof ReserveKindSchema>;

/** Schemas of the `data` of every reserve-capacity command, by command type. */
export const ReserveCommandSchemas = {
  RecordReserveCapacity: z.object({
    recordId: IdSchema,
    facilityId: IdSchema,
    kind: ReserveKindSchema,
    /** When it was measured; the context's `now` when omitted. */
    measuredAt: InstantSchema.optional(),
    /** Emergency reserve available (water in m³, backup power in kW, …). */
    reserve: z.number().min(0).max(1e12),
    /** What the reserve is measured against (daily water demand, critical load), same unit. */
    demand: z.number().positive().max(1e12),
    /** Unit of `reserve` and `demand` (`m3`, `kW`, …). */
    measure: Text(16),
  }),
} as const;

type Schemas = typeof ReserveCommandSchemas;
export type ReserveCommandType = keyof Schemas;
/** Parsed `data` of a reserve-capacity command. */
export type ReserveCommandData<K extends ReserveCommandType> = z.output<Schemas[K]>;
/** A reserve-capacity command as callers send it. */
export type ReserveCommand = {
  [K in ReserveCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[ReserveCommandType];
