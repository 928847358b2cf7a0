import type { WorkCalendar } from '@civic-ledger/domain';
import type { City } from '../city.js';
import type { Case } from '../flow.js';
import type { Random } from '../prng.js';

/** What every flow sees: the city, its random source, the calendar, and a way to open cases. */
export interface FlowEnv {
  readonly city: City;
  readonly random: Random;
  readonly calendar: WorkCalendar;
  /** Starts another case (a complaint after a bad rating, a rectification after a finding). */
  spawn(c: Case): void;
  /** A fresh sequence number for ids of a kind (`T`, `CMP` …). */
  nextId(kind: string): number;
}

/** Minutes as milliseconds. */
export const minutes = (n: number): number => n * 60_000;
