import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, IsoDateSchema, Text } from '../kernel/schemas.js';
import { CaseKindSchema, HandOverSchema } from './commands.js';

export const ArchiveEventSchemas = {
  ArchiveClassified: z.object({
    caseId: IdSchema,
    caseKind: CaseKindSchema,
    archiveNumber: Text(100),
    archiveClass: Text(50),
    closedOn: IsoDateSchema,
    /** From `policy.archive.retentionYears[archiveClass]` when classified. */
    retentionYears: z.number().int().positive(),
    /** First date on which the file may be destroyed. */
    retentionExpiresOn: IsoDateSchema,
    accessLevel: Text(50),
  }),
  ArchiveAccessChanged: z.object({
    caseId: IdSchema,
    from: Text(50),
    accessLevel: Text(50),
    reason: Text(500),
  }),
  ArchiveBackedUp: z.object({
    caseId: IdSchema,
    backupRef: Text(200),
    location: Text(200),
  }),
  ArchiveDestroyed: z.object({
    caseId: IdSchema,
    archiveNumber: Text(100),
    designatedPersonId: IdSchema,
    handOver: HandOverSchema,
    reason: Text(500),
    /** The backup the destruction relied on (先备份后销毁). */
    backupRef: Text(200),
    /** Local date of the destruction. */
    destroyedOn: IsoDateSchema,
  }),
} as const;

type Schemas = typeof ArchiveEventSchemas;
export type ArchiveEventData<K extends keyof Schemas> = z.infer<Schemas[K]>;
/** An event of the Archive aggregate. */
export type ArchiveEvent = {
  [K in keyof Schemas]: DomainEvent<K, ArchiveEventData<K>>;
}[keyof Schemas];
