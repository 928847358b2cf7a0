import { describe, expect, it } from 'vitest';
import { firstTicket } from './first-ticket.js';

describe('examples/first-ticket (README embedding example)', () => {
  it('receives and accepts a ticket, shows a typed refusal and verifies the chain', async () => {
    const lines: string[] = [];
    await firstTicket((l) => lines.push(l));
    expect(lines[0]).toMatch(/^✓ TicketReceived /);
    // TKT-03: accepted on 2026-09-30, 5 working days → 2026-10-13 (10-01…07 off, 10-10 worked).
    expect(lines.find((l) => l.startsWith('✓ TicketAccepted'))).toContain('"dueDate":"2026-10-13"');
    expect(lines.find((l) => l.startsWith('✗ RequestSupplement'))).toMatch(/\[TKT-\d+ .*\] @ kind/);
    expect(lines.at(-1)).toMatch(/^verify: intact, \d+ events$/);
  });
});
