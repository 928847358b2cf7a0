// Shared givens of the facility specifications (not shipped: `*.test.ts` is left out of the
// build, and vitest only runs `*.spec.ts`).
import type * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/errors.js';
import { acceptedHistory, errorOf, eventsOf, testContext } from '../testing/specification.js';
import type { FacilityCommand } from './commands.js';
import type { FacilityCertificate, FacilityContext } from './context.js';
import { facilityDecider } from './decider.js';
import type { FacilityEvent } from './events.js';

export const NOW = '2026-11-20T09:00:00+08:00';

/** A context at {@link NOW}, acting as a maintainer, with the given certificates. */
export const ctx = (overrides: Partial<FacilityContext> = {}): FacilityContext =>
  testContext<{ certificates?: readonly FacilityCertificate[] }>({
    now: NOW,
    actor: { id: 'mnt-01', role: 'maintainer', unit: 'facility-dept' },
    ...overrides,
  });

export const headCtx = (overrides: Partial<FacilityContext> = {}): FacilityContext =>
  ctx({ actor: { id: 'head-01', role: 'department-head', unit: 'facility-dept' }, ...overrides });

export const pipeFitter: FacilityCertificate = {
  kind: 'pipe-fitter',
  number: 'PF-2025-0042',
  validFrom: '2025-01-01',
  validUntil: '2027-12-31',
};

export const checksum = `sha256:${'ab'.repeat(32)}`;

export const register = (
  overrides: Record<string, unknown> = {},
): Extract<FacilityCommand, { type: 'RegisterFacility' }> => ({
  type: 'RegisterFacility',
  data: {
    facilityId: 'WS-0001',
    name: '东区二次供水泵房',
    number: 'GS-2019-001',
    category: 'infrastructure',
    classKey: 'water-supply',
    subClass: 'residential',
    location: '东区幸福路 12 号地下一层',
    constructionDate: '2019-06-30',
    operatingUnit: '市供水公司东区分公司',
    responsiblePerson: { id: 'emp-100', name: '李工' },
    technicalDocuments: [
      {
        documentId: 'DOC-1',
        kind: 'drawing',
        title: '泵房平面图',
        uri: 'https://docs.example.gov.cn/ws-0001/plan.pdf',
        checksum,
      },
    ],
    ...overrides,
  } as never,
});

/** A hall facility without certificate requirements (signage, FAC-13). */
export const registerSignage = () =>
  register({
    facilityId: 'SG-0001',
    name: '一楼导引标识',
    number: 'BS-001',
    category: 'hall',
    classKey: 'signage',
    subClass: undefined,
  });

export const cmd = <T extends FacilityCommand['type']>(type: T, data: unknown): FacilityCommand =>
  ({ type, data }) as FacilityCommand;

/** Runs commands in order and returns the events; fails loudly if any command is refused. */
export const history = (
  ...steps: readonly (FacilityCommand | { command: FacilityCommand; ctx: FacilityContext })[]
): readonly FacilityEvent[] =>
  acceptedHistory(
    facilityDecider,
    steps.map((s) =>
      'command' in s ? s : { command: s, ctx: ctx({ certificates: [pipeFitter] }) },
    ),
  );

/** The events of a successful decision (fails the test otherwise). */
export const accepted: (
  result: E.Either<DomainError, readonly FacilityEvent[]>,
) => readonly FacilityEvent[] = eventsOf;

/** The error of a refused decision (fails the test otherwise). */
export const refused: (result: E.Either<DomainError, readonly FacilityEvent[]>) => DomainError =
  errorOf;

export const types = (events: readonly FacilityEvent[]) => events.map((e) => e.type);
