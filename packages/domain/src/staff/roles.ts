import { z } from 'zod';

/** STF-01: the posts of a service hall (003 ch.3) and of facility maintenance (000 §2.4). */
export const StaffRoleSchema = z.enum([
  'consultation-guide', // 咨询引导人员
  'window-staff', // 窗口工作人员
  'help-proxy-agent', // 帮（代）办人员
  'explainer', // 中心讲解人员
  'complaint-handler', // 受理（处理）投诉人员
  'maintenance-technician', // 维护技术人员
  'seconded-department-staff', // 部门派驻人员
  'chief-representative', // 首席代表（窗口负责人）
]);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** STF-04: roles held by people a department seconds to the centre (部门派驻). */
export const SECONDED_ROLES: readonly StaffRole[] = [
  'seconded-department-staff',
  'chief-representative',
];

/** True for a role that only seconded department staff hold. */
export const isSecondedRole = (role: StaffRole): boolean => SECONDED_ROLES.includes(role);
