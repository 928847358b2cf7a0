import { chinaWorkCalendar, type WorkCalendar } from '@civic-ledger/domain';
import { buildCity, type City } from './city.js';
import type { Case, FlowStep, SimCommand } from './flow.js';
import { cityArrivals, citySetup } from './flows/city-day.js';
import type { FlowEnv } from './flows/env.js';
import { createRandom } from './prng.js';
import { createScheduler } from './scheduler.js';
import { addDays, atLocal, toIso } from './time.js';

/** How big and how long a simulation is. */
export interface SimulationOptions {
  readonly seed: number;
  /** Simulated days (a day to years). */
  readonly days: number;
  /** First simulated day, `YYYY-MM-DD` (local, Asia/Shanghai). */
  readonly start: string;
  /** Number of service centres. */
  readonly scale: number;
  readonly calendar?: WorkCalendar;
}

interface Pending {
  readonly c: Case;
  readonly step: FlowStep;
  readonly correlationId: string;
}

/** The city a simulation with these options runs in (same seed, same city). */
export const simulatedCity = (options: Pick<SimulationOptions, 'seed' | 'scale'>): City =>
  buildCity(options.scale, createRandom(options.seed).fork('city'));

/**
 * The commands of a simulated city in time order, generated lazily day by day: memory
 * holds the open cases (tickets in progress, running audits …), never the history, so a
 * run can span years and millions of events. Deterministic for a seed.
 */
export function* cityCommands(options: SimulationOptions): Generator<SimCommand> {
  const random = createRandom(options.seed);
  const city = simulatedCity(options);
  const scheduler = createScheduler<Pending>();
  const counters = new Map<string, number>();
  let commandSeq = 0;
  const env: FlowEnv = {
    city,
    random: random.fork('flows'),
    calendar: options.calendar ?? chinaWorkCalendar,
    nextId: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return n;
    },
    spawn: (c) => {
      const first = c.flow.next();
      if (!first.done)
        scheduler.push(first.value.at, { c, step: first.value, correlationId: `${c.streamId}` });
    },
  };
  citySetup(env, atLocal(options.start, 8 * 60), options.days);
  for (let day = 0; day < options.days; day++) {
    const date = addDays(options.start, day);
    cityArrivals(env, date, day);
    const end = atLocal(date, 24 * 60);
    for (let due = scheduler.popUntil(end); due; due = scheduler.popUntil(end)) {
      const { c, step, correlationId } = due.item;
      const following = c.flow.next();
      if (!following.done)
        scheduler.push(Math.max(following.value.at, step.at), {
          c,
          step: following.value,
          correlationId,
        });
      yield {
        aggregate: c.aggregate,
        streamId: c.streamId,
        type: step.type,
        data: step.data,
        actor: step.actor,
        // The instant it was scheduled at: never earlier than the case's previous command.
        occurredAt: toIso(due.at),
        commandId: `sim-${options.seed}-${++commandSeq}`,
        correlationId,
        last: following.done === true,
        ...(step.context ? { context: step.context } : {}),
      };
    }
  }
}
