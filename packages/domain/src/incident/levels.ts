import { z } from 'zod';
import { IdSchema, Text } from '../kernel/schemas.js';

/** EMG-01: response levels, I the most severe (特别重大) to IV (一般). */
export const IncidentLevelSchema = z.enum(['I', 'II', 'III', 'IV']);
export type IncidentLevel = z.infer<typeof IncidentLevelSchema>;

/** EMG-01: the names of the levels in the standard's words. */
export const INCIDENT_LEVEL_NAMES: Readonly<Record<IncidentLevel, { zh: string; en: string }>> = {
  I: { zh: '特别重大', en: 'extraordinarily serious' },
  II: { zh: '重大', en: 'serious' },
  III: { zh: '较大', en: 'relatively serious' },
  IV: { zh: '一般', en: 'general' },
};

/** Who leads the response (统一指挥): a person by id, their role and unit. */
export const IncidentLeadSchema = z.object({
  personId: IdSchema,
  role: Text(100),
  unit: IdSchema,
});
export type IncidentLead = z.infer<typeof IncidentLeadSchema>;

/** The four kinds of emergencies of the national plan system (000 §7.2.1). */
export const IncidentCategorySchema = z.enum([
  'natural-disaster', // 自然灾害
  'accident', // 事故灾难
  'public-health', // 公共卫生事件
  'social-security', // 社会安全事件
]);
