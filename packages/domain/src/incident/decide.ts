import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import type { DomainError } from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';
import { parseWith } from '../kernel/validation.js';
import {
  type IncidentCommand,
  type IncidentCommandData,
  IncidentCommandSchemas,
  type IncidentCommandType,
} from './commands.js';
import {
  incidentTransition,
  leadUnchanged,
  levelUnchanged,
  timeBeforePrevious,
  timeInFuture,
  unknownCommand,
} from './errors.js';
import type { IncidentEvent, IncidentEventData, IncidentEventType } from './events.js';
import { omitUndefined } from './omit-undefined.js';
import type { IncidentStage } from './stages.js';
import type { IncidentState } from './state.js';

type Result = E.Either<DomainError, readonly IncidentEvent[]>;
type Handler<K extends IncidentCommandType> = (
  data: IncidentCommandData<K> & { readonly at: string },
  state: IncidentState,
) => Result;

const event = <K extends IncidentEventType>(type: K, data: IncidentEventData<K>): IncidentEvent =>
  ({ type, data: omitUndefined(data) }) as IncidentEvent;

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

const isCommandType = (type: unknown): type is IncidentCommandType =>
  typeof type === 'string' && Object.hasOwn(HANDLERS, type);

/** Every step is dated: not in the future, and not before the step it follows. */
const checkTime = (
  at: string,
  state: IncidentState,
  ctx: DecideContext,
): E.Either<DomainError, string> => {
  if (Date.parse(at) > Date.parse(ctx.now))
    return E.left(timeInFuture('INCIDENT_TIME_IN_FUTURE', 'EMG-02', ['at'], at, ctx.now));
  if (state.lastAt !== undefined && Date.parse(at) < Date.parse(state.lastAt))
    return E.left(timeBeforePrevious(at, state.lastAt));
  return E.right(at);
};

const run = <K extends IncidentCommandType>(
  type: K,
  data: unknown,
  state: IncidentState,
  ctx: DecideContext,
): Result => {
  const parsed = parseWith(IncidentCommandSchemas[type], data, REQUIREMENT[type]);
  if (E.isLeft(parsed)) return parsed;
  // The schema looked up by `type` is the one of `K`; TypeScript cannot correlate the two.
  const d = parsed.right as IncidentCommandData<K>;
  const at = checkTime(d.at ?? ctx.now, state, ctx);
  if (E.isLeft(at)) return at;
  return HANDLERS[type]({ ...d, at: at.right }, state);
};

/** Decides an incident command (EMG-01, EMG-02). Never throws. */
export const decideIncident = (
  command: IncidentCommand,
  state: IncidentState,
  ctx: DecideContext,
): Result => {
  const raw: unknown = command;
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : raw;
  if (!isCommandType(type)) return E.left(unknownCommand('incident', type));
  return run(type, (raw as { data?: unknown }).data, state, ctx);
};
