import {
  auditDecider,
  complaintDecider,
  type DecideContext,
  type Decider,
  type DomainEvent,
  exampleServiceCatalogue,
  facilityDecider,
  incidentDecider,
  rectificationDecider,
  staffDecider,
  surveyDecider,
  ticketDecider,
} from '@civic-ledger/domain';
import type { SimAggregate } from './flow.js';

/** A decider with its types erased, as the driver holds it. */
export type AnyDecider = Decider<unknown, DomainEvent, unknown, unknown>;

/** How the driver decides commands of one aggregate: its decider and its context. */
export interface AggregateBinding {
  readonly decider: AnyDecider;
  readonly context: (base: DecideContext) => unknown;
}

const erase = (d: unknown): AnyDecider => d as AnyDecider;
const plain = (base: DecideContext): unknown => base;

/**
 * The aggregates the simulation drives. What a decider would otherwise look up arrives in
 * its context: the service catalogue for tickets; a performer's certificates come with the
 * facility command that needs them (`FlowStep.context`).
 */
export const aggregateBindings = (): Partial<Record<SimAggregate, AggregateBinding>> => ({
  ticket: {
    decider: erase(ticketDecider),
    context: (base) => ({ ...base, serviceCatalogue: exampleServiceCatalogue }),
  },
  complaint: { decider: erase(complaintDecider), context: plain },
  survey: { decider: erase(surveyDecider), context: plain },
  staff: { decider: erase(staffDecider), context: plain },
  facility: { decider: erase(facilityDecider), context: plain },
  audit: { decider: erase(auditDecider), context: plain },
  rectification: { decider: erase(rectificationDecider), context: plain },
  incident: { decider: erase(incidentDecider), context: plain },
});
