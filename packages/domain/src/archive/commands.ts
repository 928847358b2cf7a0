import { z } from 'zod';
import { IdSchema, IsoDateSchema, Text } from '../kernel/schemas.js';

/** The kind of case a file holds (ARC-02): a service ticket or a complaint. */
export const CaseKindSchema = z.enum(['ticket', 'complaint']);
export type CaseKind = z.infer<typeof CaseKindSchema>;

/** Who receives the destroyed material or its destruction record (ARC-04 交接). */
export const HandOverSchema = z.object({
  /** Staff id of the receiver. */
  receiverId: IdSchema,
  /** The unit the receiver acts for. */
  receiverUnit: IdSchema,
  /** Number of the signed hand-over / destruction list. */
  recordRef: Text(200),
});

export const ArchiveCommandSchemas = {
  /** ARC-02: file the closed case under a class and a number; retention follows the class. */
  ClassifyArchive: z.object({
    caseId: IdSchema,
    caseKind: CaseKindSchema,
    archiveNumber: Text(100),
    archiveClass: Text(50),
    /** The date the case closed; retention counts from it. */
    closedOn: IsoDateSchema,
    accessLevel: Text(50),
  }),
  /** ARC-02, ARC-03: change who may read the file, saying why. */
  ChangeArchiveAccess: z.object({ accessLevel: Text(50), reason: Text(500) }),
  /** ARC-04: record a backup (先备份). */
  RecordArchiveBackup: z.object({
    backupRef: Text(200),
    /** Where the copy is kept (medium, repository). */
    location: Text(200),
  }),
  /** ARC-04: destroy (后销毁) — only after retention expired and a backup is recorded. */
  DestroyArchive: z.object({
    /** Staff id of the person designated to destroy (指定人员). */
    designatedPersonId: IdSchema,
    handOver: HandOverSchema,
    reason: Text(500),
  }),
} as const;

type Schemas = typeof ArchiveCommandSchemas;
/** A command of the Archive aggregate. */
export type ArchiveCommand = {
  [K in keyof Schemas]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[keyof Schemas];
