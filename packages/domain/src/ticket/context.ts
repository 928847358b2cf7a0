import type { DecideContext } from '../kernel/context.js';
import type { ServiceCatalogue } from './catalogue.js';

/** What the ticket decider receives: the common context plus the service catalogue (TKT-06). */
export interface TicketContext extends DecideContext {
  readonly serviceCatalogue: ServiceCatalogue;
}
