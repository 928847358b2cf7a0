import { periodOfQuarter } from '../quarter.js';
import { addDays, atLocal, OFFICE_END, OFFICE_START } from '../time.js';
import { auditFlow } from './audit.js';
import { complaintFlow } from './complaint.js';
import type { FlowEnv } from './env.js';
import { facilityCount, facilityFlow } from './facility.js';
import { incidentFlow } from './incident.js';
import { centreStaff, staffFlow } from './staff.js';
import { surveyFlow } from './survey.js';
import { ticketFlow } from './ticket.js';

/** Day zero: what exists before the first citizen walks in (staff on post, facilities, plans). */
export const citySetup = (env: FlowEnv, at: number, days: number): void => {
  for (const centre of env.city.centres) {
    for (const person of centreStaff(centre))
      env.spawn({
        aggregate: 'staff',
        streamId: `staff-${person.id}`,
        flow: staffFlow(env, centre, person, at, days),
      });
    for (let i = 0; i < facilityCount; i++) {
      const flow = facilityFlow(env, centre, i, at + i * 60_000, days);
      // The stream id is known from the flow's first command; peek by convention instead.
      env.spawn({
        aggregate: 'facility',
        streamId: `facility-${centre.id}-${facilityClassAt(i)}`,
        flow,
      });
    }
  }
};

const CLASSES = [
  'signage',
  'self-service-terminal',
  'mother-baby-room',
  'road-lighting',
  'water-supply',
  'fire-facilities',
  'greening',
  'internet',
];
const facilityClassAt = (i: number): string => CLASSES[i % CLASSES.length]!;

/** The cases that start on one simulated day: tickets, complaints, surveys, audits, incidents. */
export const cityArrivals = (env: FlowEnv, date: string, _day: number): void => {
  const r = env.random;
  const workday = env.calendar.isWorkday(date);
  // An emergency now and then somewhere in the city (EMG-01 … EMG-02).
  if (r.chance(1 / 45)) {
    const centre = r.pick(env.city.centres);
    const incidentId = `EMG${date.slice(0, 4)}-${String(env.nextId('EMG')).padStart(3, '0')}`;
    env.spawn({
      aggregate: 'incident',
      streamId: `incident-${incidentId}`,
      flow: incidentFlow(
        env,
        incidentId,
        [`${centre.id}-road-lighting`, `${centre.id}-water-supply`],
        atLocal(date, r.int(0, 23 * 60)),
      ),
    });
  }
  for (const centre of env.city.centres) {
    // Halls are open on working days; online and phone requests come every day.
    const count = r.poisson(workday ? centre.dailyTickets : centre.dailyTickets * 0.15);
    for (let i = 0; i < count; i++) {
      const channel = workday
        ? r.weighted([
            ['window', 55],
            ['mobile-app', 20],
            ['phone', 15],
            ['website', 7],
            ['door-to-door', 3],
          ] as const)
        : r.pick(['mobile-app', 'website', 'phone'] as const);
      const minute =
        channel === 'window' || channel === 'door-to-door'
          ? r.int(OFFICE_START, OFFICE_END - 60)
          : r.int(7 * 60, 22 * 60);
      const ticketId = `T${date.slice(0, 4)}-${String(env.nextId(`T${date.slice(0, 4)}`)).padStart(6, '0')}`;
      env.spawn({
        aggregate: 'ticket',
        streamId: `ticket-${ticketId}`,
        flow: ticketFlow(env, { ticketId, centre, receivedAt: atLocal(date, minute), channel }),
      });
    }
    // Complaints not tied to a ticket: a handful a month per centre.
    if (workday && r.chance(0.15)) {
      const complaintId = `CMP${date.slice(0, 4)}-${String(env.nextId(`CMP${date.slice(0, 4)}`)).padStart(5, '0')}`;
      env.spawn({
        aggregate: 'complaint',
        streamId: `complaint-${complaintId}`,
        flow: complaintFlow(env, {
          complaintId,
          centre,
          at: atLocal(date, r.int(OFFICE_START, OFFICE_END - 30)),
        }),
      });
    }
    // Daily supervision (日常督查) on about one working day in ten; a periodic one each month.
    if (workday && (r.chance(0.2) || date.endsWith('-02'))) {
      const auditId = `AUD-${centre.id}-${date}`;
      env.spawn({
        aggregate: 'audit',
        streamId: `audit-${auditId}`,
        flow: auditFlow(
          env,
          centre,
          auditId,
          atLocal(date, r.int(9 * 60, 15 * 60)),
          date.endsWith('-02') ? 'periodic' : 'daily',
        ),
      });
    }
    // The quarterly resident survey (SAT-03) starts on the quarter's 8th day.
    const quarter = periodOfQuarter(date);
    if (date === addDays(quarter.from, 7))
      env.spawn({
        aggregate: 'survey',
        streamId: `survey-${centre.id}-${quarter.key}`,
        flow: surveyFlow(env, centre, quarter.key, atLocal(date, 10 * 60)),
      });
  }
};
