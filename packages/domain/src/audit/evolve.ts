import type { AuditEvent } from './events.js';
import type { AuditState } from './state.js';

/** Folds one audit event into the state. */
export const evolveAudit = (state: AuditState, event: AuditEvent): AuditState => {
  switch (event.type) {
    case 'AuditOpened':
      return {
        ...state,
        status: 'open',
        auditId: event.data.auditId,
        kind: event.data.kind,
        scope: event.data.scope,
        supervisingUnitId: event.data.supervisingUnitId,
        checklistIds: event.data.checklist.map((i) => i.id),
      };
    case 'ChecklistItemChecked':
      return {
        ...state,
        results: [...state.results, { itemId: event.data.itemId, result: event.data.result }],
      };
    case 'AuditFindingRecorded':
      return {
        ...state,
        findings: [...state.findings, { id: event.data.findingId, severity: event.data.severity }],
      };
    case 'AuditClosed':
      return { ...state, status: 'closed' };
    case 'ComprehensiveEvaluationRecorded':
      return { ...state, evaluated: true };
    case 'AuditResultsPublished':
      return { ...state, published: true };
    default:
      return state;
  }
};
