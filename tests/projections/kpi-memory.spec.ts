import { createKpiProjection, foldProjection } from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { completeTicket, rateTicket, receiveTicket } from './support/fixtures.js';
import { createLog } from './support/log.js';

// The KPI state keeps a row per ticket only until the ticket is archived (TKT-08: terminal);
// its facts stay counted.
describe('KPI facts over a long log', () => {
  it('K-05 K-09 K-15 a ticket archived is let go of, and its facts still count', () => {
    const log = createLog();
    receiveTicket(log, 'T1', '2026-11-02T09:00:00+08:00', { nature: 'repeat', windowId: 'w-1' });
    completeTicket(log, 'T1', '2026-11-03T10:00:00+08:00', true);
    rateTicket(log, 'T1', '2026-11-03T11:00:00+08:00', 5, { windowId: 'w-1' });
    const before = log.events.length;
    log.ticket(
      'T1',
      'TicketArchived',
      {
        ticketId: 'T1',
        at: '2026-11-05T09:00:00+08:00',
        retentionClass: 'C10',
        retentionYears: 10,
        staffId: 'staff-001',
      },
      '2026-11-05T09:00:00+08:00',
    );
    const projection = createKpiProjection();
    const open = foldProjection(projection, log.events.slice(0, before));
    const archived = foldProjection(projection, log.events);
    expect(open.openTickets.size).toBe(1);
    expect(archived.openTickets.size).toBe(0);
    const unit = { kind: 'window', id: 'w-1' } as const;
    for (const id of ['K-05', 'K-09', 'K-15'] as const) {
      expect(projection.queries(archived).kpi(id, '2026-11')).toEqual(
        projection.queries(open).kpi(id, '2026-11'),
      );
      expect(projection.queries(archived).kpi(id, '2026-11', unit)).toEqual(
        projection.queries(open).kpi(id, '2026-11', unit),
      );
    }
    expect(projection.queries(archived).kpi('K-15', '2026-11')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });
});
