import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given, testContext } from '../testing/index.js';
import type { IncidentCommand } from './commands.js';
import { incidentDecider } from './decider.js';
import type { IncidentEvent } from './events.js';

const ctx = testContext();
const lead = { personId: 'P-100', role: '中心主任', unit: 'centre-01' };
const warning: IncidentEvent = {
  type: 'IncidentWarningIssued',
  data: {
    incidentId: 'E2026-007',
    title: '暴雨导致供水管网受损',
    level: 'III',
    category: 'natural-disaster',
    affectedFacilities: ['WS-01', 'WS-02'],
    lead,
    at: '2026-11-20T06:00:00+08:00',
  },
};
const responseStarted: IncidentEvent = {
  type: 'IncidentResponseStarted',
  data: { at: '2026-11-20T06:20:00+08:00', level: 'III', lead },
};
const handling: IncidentEvent = {
  type: 'IncidentHandlingStarted',
  data: { at: '2026-11-20T06:40:00+08:00' },
};
const released: IncidentEvent = {
  type: 'IncidentInformationReleased',
  data: {
    at: '2026-11-20T07:00:00+08:00',
    channels: ['政务微博'],
    summary: '停水通告',
    followUp: false,
  },
};
const recovery: IncidentEvent = {
  type: 'IncidentRecoveryStarted',
  data: { at: '2026-11-20T08:00:00+08:00', summary: '恢复供水' },
};

const cmd = (type: IncidentCommand['type'], data: Record<string, unknown> = {}) =>
  ({ type, data }) as IncidentCommand;

describe('Incident levels and stages (EMG-01, EMG-02)', () => {
  it('EMG-01 raises a warning with its level, facilities and who leads', () => {
    const { at: _at, ...data } = warning.data;
    const result = given(incidentDecider).when(cmd('RaiseWarning', data), ctx);
    expect(result).toEqual(E.right([{ ...warning, data: { ...warning.data, at: ctx.now } }]));
  });

  it('EMG-01 rejects a level outside I–IV and a warning without affected facilities', () => {
    const result = given(incidentDecider).when(
      cmd('RaiseWarning', { ...warning.data, level: 'V', affectedFacilities: [] }),
      ctx,
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path[0]),
    ).toEqual(['level', 'affectedFacilities']);
    expect(E.isLeft(result) && result.left.requirement).toBe('EMG-01');
  });

  it('EMG-02 goes through every stage in order, warning to close', () => {
    const steps: [IncidentCommand, string][] = [
      [cmd('StartResponse', { at: '2026-11-20T06:20:00+08:00' }), 'IncidentResponseStarted'],
      [cmd('BeginHandling', { at: '2026-11-20T06:40:00+08:00' }), 'IncidentHandlingStarted'],
      [
        cmd('ReleaseInformation', {
          channels: ['政务微博'],
          summary: '停水通告',
          at: '2026-11-20T07:00:00+08:00',
        }),
        'IncidentInformationReleased',
      ],
      [
        cmd('BeginRecovery', { summary: '恢复供水', at: '2026-11-20T08:00:00+08:00' }),
        'IncidentRecoveryStarted',
      ],
      [
        cmd('CloseIncident', { assessment: { summary: '处置及时', lessons: '加强巡检' } }),
        'IncidentClosed',
      ],
    ];
    let events: IncidentEvent[] = [warning];
    for (const [command, type] of steps) {
      const result = given(incidentDecider, events).when(command, ctx);
      expect(E.isRight(result) && result.right.map((e) => e.type)).toEqual([type]);
      if (E.isRight(result)) events = [...events, ...result.right];
    }
    expect(given(incidentDecider, events).state.stage).toBe('closed');
  });

  it.each([
    ['StartResponse', [], 'none'],
    ['BeginHandling', [warning], 'warning'],
    ['ReleaseInformation', [warning, responseStarted], 'response-started'],
    ['BeginRecovery', [warning, responseStarted, handling], 'handling'],
    ['CloseIncident', [warning, responseStarted, handling, released], 'information-released'],
  ] as const)('EMG-02 %s cannot skip a stage (from %#)', (type, events, from) => {
    const data = {
      channels: ['短信'],
      summary: 's',
      assessment: { summary: 'a' },
    };
    const result = given(incidentDecider, events).when(cmd(type, data), ctx);
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'transition',
          code: 'INCIDENT_ILLEGAL_TRANSITION',
          requirement: 'EMG-02',
          from,
          attempted: type,
        }),
      ),
    );
  });

  it('EMG-02 a stage cannot be repeated or go back', () => {
    const result = given(incidentDecider, [warning, responseStarted, handling]).when(
      cmd('StartResponse'),
      ctx,
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ from: 'handling', attempted: 'StartResponse' })),
    );
    expect(given(incidentDecider, [warning]).when(cmd('RaiseWarning', warning.data), ctx)).toEqual(
      E.left(expect.objectContaining({ kind: 'transition', from: 'warning' })),
    );
  });

  it('EMG-02 further information may be released after the stage opened, without changing it', () => {
    const h = given(incidentDecider, [warning, responseStarted, handling, released, recovery]);
    const result = h.when(
      cmd('ReleaseInformation', { channels: ['官网'], summary: '已恢复供水' }),
      ctx,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ followUp: true });
    if (E.isRight(result))
      expect(
        given(incidentDecider, [
          ...[warning, responseStarted, handling, released, recovery],
          ...result.right,
        ]).state.stage,
      ).toBe('recovery-assessment');
  });

  it('EMG-02 a step cannot be dated before the previous one, nor in the future', () => {
    const h = given(incidentDecider, [warning, responseStarted]);
    expect(h.when(cmd('BeginHandling', { at: '2026-11-20T06:10:00+08:00' }), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'INCIDENT_TIME_BEFORE_PREVIOUS', path: ['at'] })),
    );
    expect(h.when(cmd('BeginHandling', { at: '2026-11-20T09:00:01+08:00' }), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'INCIDENT_TIME_IN_FUTURE', path: ['at'] })),
    );
  });

  it('EMG-01 changes the level with a reason while the incident is open', () => {
    const result = given(incidentDecider, [warning, responseStarted]).when(
      cmd('ChangeLevel', { level: 'II', reason: '影响范围扩大' }),
      ctx,
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'IncidentLevelChanged',
          data: { at: ctx.now, from: 'III', to: 'II', reason: '影响范围扩大' },
        },
      ]),
    );
    expect(
      given(incidentDecider, [warning]).when(
        cmd('ChangeLevel', { level: 'III', reason: 'x' }),
        ctx,
      ),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'INCIDENT_LEVEL_UNCHANGED', requirement: 'EMG-01' })),
    );
  });

  it('EMG-01 the response start and the close carry the level in force', () => {
    const changed: IncidentEvent = {
      type: 'IncidentLevelChanged',
      data: { at: '2026-11-20T06:10:00+08:00', from: 'III', to: 'I', reason: '升级' },
    };
    const result = given(incidentDecider, [warning, changed]).when(cmd('StartResponse'), ctx);
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ level: 'I' });
  });

  it('EMG-02 records who leads, and a change of lead', () => {
    const next = { personId: 'P-200', role: '分管副主任', unit: 'centre-01' };
    const result = given(incidentDecider, [warning]).when(cmd('ChangeLead', { lead: next }), ctx);
    expect(result).toEqual(
      E.right([{ type: 'IncidentLeadChanged', data: { at: ctx.now, from: lead, to: next } }]),
    );
    expect(given(incidentDecider, [warning]).when(cmd('ChangeLead', { lead }), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'INCIDENT_LEAD_UNCHANGED' })),
    );
  });

  it('EMG-02 adds affected facilities once; nothing new adds nothing', () => {
    const h = given(incidentDecider, [warning]);
    expect(
      h.when(cmd('AddAffectedFacilities', { facilityIds: ['WS-02', 'WS-03', 'WS-03'] }), ctx),
    ).toEqual(
      E.right([{ type: 'IncidentFacilitiesAdded', data: { at: ctx.now, facilityIds: ['WS-03'] } }]),
    );
    expect(h.when(cmd('AddAffectedFacilities', { facilityIds: ['WS-01'] }), ctx)).toEqual(
      E.right([]),
    );
  });

  it('EMG-02 a closed incident accepts nothing more', () => {
    const closed: IncidentEvent = {
      type: 'IncidentClosed',
      data: { at: '2026-11-20T08:30:00+08:00', level: 'III', assessment: { summary: 'ok' } },
    };
    const h = given(incidentDecider, [
      warning,
      responseStarted,
      handling,
      released,
      recovery,
      closed,
    ]);
    expect(h.when(cmd('ChangeLevel', { level: 'IV', reason: 'x' }), ctx)).toEqual(
      E.left(expect.objectContaining({ kind: 'transition', from: 'closed' })),
    );
  });
});
