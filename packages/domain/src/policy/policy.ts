import { z } from 'zod';
import { ArchivePolicy, defaultArchivePolicy } from './archive.js';
import { AuditPolicy, defaultAuditPolicy } from './audit.js';
import { ComplaintPolicy, defaultComplaintPolicy } from './complaint.js';
import { defaultEmergencyPolicy, EmergencyPolicy } from './emergency.js';
import { defaultFacilityPolicy, FacilityPolicy } from './facility.js';
import { defaultKpiTargets, KpiTargets } from './kpi.js';
import { defaultSatisfactionPolicy, SatisfactionPolicy } from './satisfaction.js';
import { defaultStaffPolicy, StaffPolicy } from './staff.js';
import { defaultTicketPolicy, TicketPolicy } from './ticket.js';

/** Every number of the standards, as one validated object a jurisdiction can override. */
export const PolicySchema = z.object({
  /** Name of the jurisdiction the policy is for (stored with reports). */
  jurisdiction: z.string().min(1),
  timeZone: z.string().min(1),
  ticket: TicketPolicy,
  complaint: ComplaintPolicy,
  satisfaction: SatisfactionPolicy,
  audit: AuditPolicy,
  staff: StaffPolicy,
  emergency: EmergencyPolicy,
  facility: FacilityPolicy,
  archive: ArchivePolicy,
  kpi: KpiTargets,
});
export type Policy = z.infer<typeof PolicySchema>;

/** The defaults of `shared/spec/requirements.md`. */
export const defaultPolicy: Policy = {
  jurisdiction: 'CN (national defaults)',
  timeZone: 'Asia/Shanghai',
  ticket: defaultTicketPolicy,
  complaint: defaultComplaintPolicy,
  satisfaction: defaultSatisfactionPolicy,
  audit: defaultAuditPolicy,
  staff: defaultStaffPolicy,
  emergency: defaultEmergencyPolicy,
  facility: defaultFacilityPolicy,
  archive: defaultArchivePolicy,
  kpi: defaultKpiTargets,
};
