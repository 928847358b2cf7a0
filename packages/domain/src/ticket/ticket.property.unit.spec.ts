import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/envelope.js';
import { definePolicy } from '../policy/define-policy.js';
import { checkSequences, PROBE_TYPES, withGarbage } from '../testing/properties.js';
import type { TicketCommand } from './commands.js';
import type { TicketContext } from './context.js';
import { ticketDecider } from './decider.js';
import { type TicketEvent, TicketEventSchemas, ticketEventTypes } from './events.js';
import { evolveTicket, evolveTicketInPlace, ownTicketState } from './evolve.js';
import {
  centreHead,
  cmd,
  ctxAt,
  receive,
  samples,
  unitStaff,
  windowStaff,
} from './fixtures.spec-support.js';
import { initialTicketState, type TicketState } from './state.js';

// Instants in order, across the National Day holiday and beyond the calendar's data, so
// that most random sequences move forward in time and get deep into the lifecycle.
const instants = [
  '2026-09-30T09:00:00+08:00',
  '2026-09-30T09:15:00+08:00',
  '2026-10-08T10:00:00+08:00',
  '2026-10-10T15:00:00+08:00',
  '2026-10-20T09:00:00+08:00',
  '2026-11-30T09:00:00+08:00',
  '2026-12-31T23:59:00+08:00',
  '2027-03-01T08:00:00+08:00',
];
const actors: readonly Actor[] = [windowStaff, centreHead, unitStaff];
const withDefault = definePolicy({ satisfaction: { defaultRating: { level: 4, afterDays: 15 } } });

const extra: readonly TicketCommand[] = [
  receive({ serviceType: 'medical-aid' }),
  receive({ serviceType: 'streetlight-fault', facilityId: 'lamp-1', channel: 'phone' }),
  cmd('ReviewTicket', { outcome: 'reject', reasonCode: 'not-eligible', reasonText: '不符合' }),
  cmd('RequestSupplement', { kind: 'investigation', note: '调查' }),
  cmd('MakeReturnVisit', { method: 'phone', resolved: false, summary: '未解决' }),
  cmd('ReopenTicket', { ground: 'unsatisfied-rating', reason: '差评' }),
  cmd('RateTicket', { level: 1, channel: 'sms', dimensions: { attitude: 1 } }),
  cmd('RecordJointReviewOpinion', { departmentId: 'health', opinion: 'disagree' }),
];
const valid = [...Object.values(samples), ...extra];
const commandArb: fc.Arbitrary<TicketCommand> = withGarbage(
  fc.constantFrom(...valid),
  Object.keys(samples),
  { weights: { plausible: 8 }, probes: [...PROBE_TYPES, 'constructor'] },
);

type Step = { readonly command: TicketCommand; readonly ctx: TicketContext };
const BASE = Date.parse('2026-09-28T09:00:00+08:00');
const instant = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** Fully random sequences at instants that mostly move forward. */
const randomSteps: fc.Arbitrary<Step[]> = fc
  .array(
    fc.record({
      command: commandArb,
      at: fc.nat({ max: instants.length - 1 }),
      actor: fc.constantFrom(...actors),
      defaultRating: fc.boolean(),
      garbageNow: fc.nat({ max: 30 }),
    }),
    { maxLength: 30 },
  )
  .map((raw) => {
    const sorted = raw.map((r) => r.at).sort((a, b) => a - b);
    return raw.map((r, i) => {
      const index = i % 7 === 6 ? r.at : (sorted[i] ?? 0);
      const now = r.garbageNow === 0 ? 'not-a-time' : (instants[index] ?? instants[0]!);
      const ctx: TicketContext = {
        ...ctxAt(now, r.actor),
        ...(r.defaultRating ? { policy: withDefault } : {}),
      };
      return { command: r.command, ctx };
    });
  });

// The whole lifecycle in order, with the right actors; the property drops some of its steps
// and slips random commands in between, so that deep states are reached and disturbed.
const lifecycle: readonly (readonly [TicketCommand, Actor])[] = [
  [receive({ serviceType: 'medical-aid' }), windowStaff],
  [samples.TakeQueueNumber, windowStaff],
  [samples.CallQueueNumber, windowStaff],
  [samples.RecordFirstResponse, windowStaff],
  [samples.AcceptTicket, windowStaff],
  [cmd('RequestSupplement', { kind: 'materials', note: '补交票据' }), windowStaff],
  [
    cmd('ProvideSupplement', { materials: [{ kind: 'medical-bills', documentRef: 'd2' }] }),
    windowStaff,
  ],
  [samples.ExtendReview, centreHead],
  [samples.StartJointReview, windowStaff],
  [samples.RecordJointReviewOpinion, windowStaff],
  [cmd('RecordJointReviewOpinion', { departmentId: 'health', opinion: 'agree' }), windowStaff],
  [samples.ReviewTicket, windowStaff],
  [samples.GrantFinalApproval, centreHead],
  [samples.DispatchTicket, windowStaff],
  [samples.ReturnTicket, unitStaff],
  [samples.DispatchTicket, windowStaff],
  [samples.SignForTicket, unitStaff],
  [samples.RequestExtension, unitStaff],
  [samples.DeclineExtension, centreHead],
  [samples.RequestExtension, unitStaff],
  [samples.ApproveExtension, centreHead],
  [samples.SuperviseTicket, centreHead],
  [samples.CompleteTicket, unitStaff],
  [cmd('RateTicket', { level: 1, channel: 'sms' }), windowStaff],
  [cmd('MakeReturnVisit', { method: 'phone', resolved: false, summary: '未解决' }), windowStaff],
  [cmd('ReopenTicket', { ground: 'unsatisfied-rating', reason: '差评' }), windowStaff],
  [samples.DispatchTicket, windowStaff],
  [samples.SignForTicket, unitStaff],
  [samples.CompleteTicket, unitStaff],
  [samples.MakeReturnVisit, windowStaff],
  [samples.CloseTicket, windowStaff],
  [samples.ArchiveTicket, windowStaff],
];

const lifecycleSteps: fc.Arbitrary<Step[]> = fc
  .array(
    fc.record({
      keep: fc.nat({ max: 9 }),
      noise: fc.option(fc.tuple(commandArb, fc.constantFrom(...actors)), { freq: 4 }),
      gap: fc.nat({ max: 3 * 24 * 60 }),
    }),
    { minLength: lifecycle.length, maxLength: lifecycle.length },
  )
  .map((plan) => {
    let minutes = 0;
    return plan.flatMap((p, i) => {
      minutes += p.gap;
      const [command, actor] = lifecycle[i]!;
      const steps: Step[] = [];
      if (p.noise) steps.push({ command: p.noise[0], ctx: ctxAt(instant(minutes), p.noise[1]) });
      if (p.keep > 0) steps.push({ command, ctx: ctxAt(instant(minutes + 1), actor) });
      return steps;
    });
  });

describe('ticket decider properties (X-05, TKT-08)', () => {
  it('X-05 TKT-08 no random command sequence throws; refolding the events gives the same state', () => {
    let deepest = 0;
    const seen = new Set<string>();
    checkSequences(
      ticketDecider,
      fc.oneof(randomSteps, lifecycleSteps),
      (run) => {
        expect(run.refold).toEqual(run.state);
        deepest = Math.max(deepest, run.events.length);
        for (const event of run.events) {
          seen.add(event.type);
          // Plain JSON, and valid against the documented event schema.
          expect(JSON.parse(JSON.stringify(event))).toEqual(event);
          expect(TicketEventSchemas[event.type].safeParse(event.data).success).toBe(true);
        }
      },
      { seed: 20261001, numRuns: 250 },
    );
    expect(deepest).toBeGreaterThan(20);
    // The sequences reach every kind of event, the whole lifecycle included.
    expect([...seen].sort()).toEqual([...ticketEventTypes].sort());
  });

  it('TKT-05 folding in place gives the state evolve gives, and evolve never changes the state it is given', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
      }
      return value;
    };
    checkSequences(
      ticketDecider,
      fc.oneof(randomSteps, lifecycleSteps),
      (run) => {
        const events = run.events as readonly TicketEvent[];
        // A frozen state makes any write into it throw (modules are strict).
        let pure: TicketState = deepFreeze(structuredClone(initialTicketState));
        for (const e of events) pure = deepFreeze(evolveTicket(pure, e));
        const owned = events.reduce<TicketState>(
          (s, e) => evolveTicketInPlace(s, e),
          ownTicketState(),
        );
        expect(owned).toEqual(run.state);
        expect(pure).toEqual(run.state);
      },
      { seed: 20261121, numRuns: 200 },
    );
  });
});
