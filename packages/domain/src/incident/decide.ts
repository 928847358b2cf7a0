import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import { type CommandHandler, createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
import { checkInstantOrder } from '../kernel/instant-order.js';
import { plainEvent } from '../kernel/plain-json.js';
import type { RequirementId } from '../kernel/requirement.js';
import {
  type IncidentCommand,
  type IncidentCommandData,
  IncidentCommandSchemas,
  type IncidentCommandType,
} from './commands.js';
import { incidentTransition, leadUnchanged, levelUnchanged } from './errors.js';
import type { IncidentEvent } from './events.js';
import type { IncidentStage } from './stages.js';
import type { IncidentState } from './state.js';

type Result = E.Either<DomainError, readonly IncidentEvent[]>;
type Handler<K extends IncidentCommandType> = (
  data: IncidentCommandData<K> & { readonly at: string },
  state: IncidentState,
) => Result;

const event = plainEvent<IncidentEvent>();

/** EMG-02: a stage step allowed only right after `from`. */
const step =
  <K extends IncidentCommandType>(
    from: IncidentStage,
    attempted: K,
    build: Handler<K>,
  ): Handler<K> =>
  (data, state) =>
    state.stage === from
      ? build(data, state)
      : E.left(incidentTransition(state.stage, attempted, from));

/** A step allowed in any stage between the warning and the close (level, lead, facilities). */
const whileOpen =
  <K extends IncidentCommandType>(attempted: K, build: Handler<K>): Handler<K> =>
  (data, state) =>
    state.stage === 'none' || state.stage === 'closed'
      ? E.left(incidentTransition(state.stage, attempted))
      : build(data, state);

const HANDLERS: { readonly [K in IncidentCommandType]: Handler<K> } = {
  RaiseWarning: (d, state) =>
    state.stage !== 'none'
      ? E.left(incidentTransition(state.stage, 'RaiseWarning'))
      : E.right([
          event('IncidentWarningIssued', {
            ...d,
            affectedFacilities: [...new Set(d.affectedFacilities)],
          }),
        ]),
  StartResponse: step('warning', 'StartResponse', (d, s) =>
    s.level && s.lead
      ? E.right([event('IncidentResponseStarted', { ...d, level: s.level, lead: s.lead })])
      : E.left(incidentTransition(s.stage, 'StartResponse')),
  ),
  BeginHandling: step('response-started', 'BeginHandling', (d) =>
    E.right([event('IncidentHandlingStarted', d)]),
  ),
  ReleaseInformation: (d, state) =>
    state.stage === 'handling' ||
    state.stage === 'information-released' ||
    state.stage === 'recovery-assessment'
      ? E.right([
          event('IncidentInformationReleased', { ...d, followUp: state.stage !== 'handling' }),
        ])
      : E.left(incidentTransition(state.stage, 'ReleaseInformation', 'handling')),
  BeginRecovery: step('information-released', 'BeginRecovery', (d) =>
    E.right([event('IncidentRecoveryStarted', d)]),
  ),
  CloseIncident: step('recovery-assessment', 'CloseIncident', (d, s) =>
    s.level
      ? E.right([event('IncidentClosed', { ...d, level: s.level })])
      : E.left(incidentTransition(s.stage, 'CloseIncident')),
  ),
  ChangeLevel: whileOpen('ChangeLevel', (d, s) =>
    !s.level || s.level === d.level
      ? E.left(levelUnchanged(d.level))
      : E.right([
          event('IncidentLevelChanged', { at: d.at, from: s.level, to: d.level, reason: d.reason }),
        ]),
  ),
  ChangeLead: whileOpen('ChangeLead', (d, s) =>
    !s.lead || s.lead.personId === d.lead.personId
      ? E.left(leadUnchanged(d.lead.personId))
      : E.right([
          event('IncidentLeadChanged', { at: d.at, from: s.lead, to: d.lead, reason: d.reason }),
        ]),
  ),
  AddAffectedFacilities: whileOpen('AddAffectedFacilities', (d, s) => {
    const added = [...new Set(d.facilityIds)].filter((f) => !s.affectedFacilities.includes(f));
    // Facilities already listed add nothing: a repeated report is not a new fact.
    return E.right(
      added.length === 0
        ? []
        : [event('IncidentFacilitiesAdded', { at: d.at, facilityIds: added })],
    );
  }),
};

const REQUIREMENT: Readonly<Record<IncidentCommandType, RequirementId>> = {
  RaiseWarning: 'EMG-01',
  StartResponse: 'EMG-02',
  BeginHandling: 'EMG-02',
  ReleaseInformation: 'EMG-02',
  BeginRecovery: 'EMG-02',
  CloseIncident: 'EMG-02',
  ChangeLevel: 'EMG-01',
  ChangeLead: 'EMG-02',
  AddAffectedFacilities: 'EMG-02',
};

/** Every step is dated: not in the future, and not before the step it follows. */
const checkTime = (
  at: string,
  state: IncidentState,
  ctx: DecideContext,
): E.Either<DomainError, string> => {
  const broken = checkInstantOrder(
    at,
    { now: ctx.now, previous: state.lastAt },
    {
      future: { code: 'INCIDENT_TIME_IN_FUTURE', requirement: 'EMG-02', path: ['at'] },
      beforePrevious: {
        code: 'INCIDENT_TIME_BEFORE_PREVIOUS',
        requirement: 'EMG-02',
        path: ['at'],
      },
    },
  );
  return broken ? E.left(broken) : E.right(at);
};

/** Runs `build` once the step's instant (`at`, or `ctx.now`) passed {@link checkTime}. */
const timed =
  <K extends IncidentCommandType>(
    build: Handler<K>,
  ): CommandHandler<IncidentCommandData<K>, IncidentEvent, IncidentState, DecideContext> =>
  (d, state, ctx) => {
    const at = checkTime(d.at ?? ctx.now, state, ctx);
    return E.isLeft(at) ? at : build({ ...d, at: at.right }, state);
  };

/** Decides an incident command (EMG-01, EMG-02). Never throws. */
export const decideIncident: DecideFunction<IncidentCommand, IncidentEvent, IncidentState> =
  createDecide({
    aggregate: { zh: '应急事件', en: 'incident' },
    schemas: IncidentCommandSchemas,
    requirementOf: REQUIREMENT,
    handlers: {
      RaiseWarning: timed(HANDLERS.RaiseWarning),
      StartResponse: timed(HANDLERS.StartResponse),
      BeginHandling: timed(HANDLERS.BeginHandling),
      ReleaseInformation: timed(HANDLERS.ReleaseInformation),
      BeginRecovery: timed(HANDLERS.BeginRecovery),
      CloseIncident: timed(HANDLERS.CloseIncident),
      ChangeLevel: timed(HANDLERS.ChangeLevel),
      ChangeLead: timed(HANDLERS.ChangeLead),
      AddAffectedFacilities: timed(HANDLERS.AddAffectedFacilities),
    },
  });
