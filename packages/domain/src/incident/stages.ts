/**
 * EMG-02: the stages of a response in their only order (000 §7.2.2): warning → response
 * started → handling → information released → recovery and assessment; `closed` records
 * the end of the last stage with its assessment.
 */
export const INCIDENT_STAGES = [
  'warning',
  'response-started',
  'handling',
  'information-released',
  'recovery-assessment',
  'closed',
] as const;
export type IncidentStage = (typeof INCIDENT_STAGES)[number];

export const STAGE_NAMES: Readonly<Record<IncidentStage | 'none', { zh: string; en: string }>> = {
  none: { zh: '未发生', en: 'not raised' },
  warning: { zh: '预警发布', en: 'warning' },
  'response-started': { zh: '响应启动', en: 'response started' },
  handling: { zh: '应急处置', en: 'handling' },
  'information-released': { zh: '信息通报', en: 'information released' },
  'recovery-assessment': { zh: '善后恢复与评估', en: 'recovery and assessment' },
  closed: { zh: '已结束', en: 'closed' },
};

/** The stage that must come right before `stage`. */
export const previousStage = (stage: IncidentStage): IncidentStage | 'none' =>
  INCIDENT_STAGES[INCIDENT_STAGES.indexOf(stage) - 1] ?? 'none';
