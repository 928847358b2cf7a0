import { z } from 'zod';
import { CreditCodeSchema } from '../identity/credit-code.js';
import { ChinaPhoneNumberSchema } from '../identity/phone.js';
import { ResidentIdNumberSchema } from '../identity/resident-id.js';
import { IdSchema, personal, Text } from '../kernel/schemas.js';

/** A person applying (TKT-02): name, resident ID number (GB 11643), phone — all personal data. */
export const TicketPersonApplicantSchema = z.object({
  kind: z.literal('person'),
  name: personal(Text(100), 'name'),
  idNumber: personal(ResidentIdNumberSchema, 'id-number'),
  phone: personal(ChinaPhoneNumberSchema, 'phone'),
});

/** An organisation applying (TKT-02): name, credit code (GB 32100), contact person and phone. */
export const TicketOrganisationApplicantSchema = z.object({
  kind: z.literal('organisation'),
  name: Text(200),
  creditCode: CreditCodeSchema,
  contactName: personal(Text(100), 'name').optional(),
  phone: personal(ChinaPhoneNumberSchema, 'phone'),
});

/** Who applies: a person or an organisation. */
export const TicketApplicantSchema = z.discriminatedUnion('kind', [
  TicketPersonApplicantSchema,
  TicketOrganisationApplicantSchema,
]);
export type TicketApplicant = z.infer<typeof TicketApplicantSchema>;

/**
 * The proxy agent of a 帮办代办 service (TKT-02, 003): a help/proxy staff member of the hall,
 * or a person acting for the applicant (a relative, a carer).
 */
export const TicketAgentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: IdSchema }),
  z.object({
    kind: z.literal('person'),
    name: personal(Text(100), 'name'),
    idNumber: personal(ResidentIdNumberSchema, 'id-number'),
    phone: personal(ChinaPhoneNumberSchema, 'phone').optional(),
    relationship: Text(100),
  }),
]);
export type TicketAgent = z.infer<typeof TicketAgentSchema>;
