// The fuzz properties, free of any test runner so that `long-run.ts` can run them at scale.
import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  checkCommandSize,
  type DecideContext,
  type Decider,
  type DomainEvent,
  exampleServiceCatalogue,
  handleCommand,
} from '@civic-ledger/domain';
import { testContext } from '@civic-ledger/domain/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { FuzzTarget } from './discover.js';

/** A context every decider accepts: the defaults plus the example service catalogue. */
export const fuzzContext = (now: string, role: string, unit: string): DecideContext =>
  testContext({
    now,
    actor: { id: `actor-${role}`, role, unit },
    serviceCatalogue: exampleServiceCatalogue,
  });

const contexts = fc
  .tuple(
    fc.constantFrom(
      '2026-11-02T09:00:00+08:00',
      '2026-11-20T16:30:00+08:00',
      '2027-01-05T10:00:00+08:00',
      '2030-06-30T23:59:59Z',
    ),
    fc.constantFrom(
      'window-staff',
      'centre-head',
      'department-head',
      'supervisor',
      'privacy-officer',
    ),
    fc.constantFrom('centre-01', 'centre-02'),
  )
  .map(([now, role, unit]) => fuzzContext(now, role, unit));

const shapeOf = (schema: z.ZodType): readonly string[] => {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: object } } })._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
};

/**
 * Commands from bad to almost right: anything at all, a known type with any data, a known
 * type with its fields present but holding anything, and JSON from outside the system.
 */
export const commandsFor = (target: FuzzTarget): fc.Arbitrary<unknown> => {
  const types = Object.keys(target.commandSchemas);
  const known = fc.constantFrom(...types);
  const shaped = known.chain((type) => {
    const keys = shapeOf(target.commandSchemas[type] as z.ZodType);
    const fields = Object.fromEntries(
      keys.map((k) => [k, fc.oneof(fc.anything(), fc.jsonValue())]),
    );
    return fc.record({ type: fc.constant(type), data: fc.record(fields, { requiredKeys: [] }) });
  });
  return fc.oneof(
    fc.anything(),
    fc.record({ type: known, data: fc.anything() }),
    fc.record({ type: known, data: fc.jsonValue() }),
    shaped,
    fc.record({ type: fc.string(), data: fc.object() }),
  );
};

/** Whether the command's data passes its schema (undefined for an unknown or missing type). */
const validInput = (target: FuzzTarget, command: unknown): boolean => {
  if (typeof command !== 'object' || command === null) return false;
  const { type, data } = command as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(target.commandSchemas, type)) return false;
  return (target.commandSchemas[type] as z.ZodType).safeParse(data).success;
};

const fail = (target: FuzzTarget, message: string, command: unknown): never => {
  throw new Error(`${target.name}: ${message}\ncommand: ${safeJson(command)}`);
};

const safeJson = (v: unknown): string => {
  try {
    return JSON.stringify(v)?.slice(0, 500) ?? String(v);
  } catch {
    return String(v);
  }
};

/**
 * a sequence of arbitrary commands never makes the decider throw; a command whose
 * data fails its schema yields a typed error and no event; folding the produced events again
 * from scratch gives the same state.
 */
export const deciderNeverThrows = (target: FuzzTarget) =>
  fc.property(fc.array(fc.tuple(commandsFor(target), contexts), { maxLength: 6 }), (steps) => {
    let state = target.decider.initialState;
    const produced: unknown[] = [];
    for (const [command, ctx] of steps) {
      let result: E.Either<unknown, readonly unknown[]>;
      try {
        result = target.decider.decide(command, state, ctx);
      } catch (error) {
        return fail(target, `decide threw ${String(error)}`, command);
      }
      if (!validInput(target, command) && E.isRight(result) && result.right.length > 0)
        return fail(target, 'invalid input produced events', command);
      if (E.isLeft(result)) {
        const error = result.left as { code?: unknown; requirement?: unknown; path?: unknown };
        if (
          typeof error.code !== 'string' ||
          typeof error.requirement !== 'string' ||
          !Array.isArray(error.path)
        )
          return fail(target, 'an error without code, requirement and path', command);
        continue;
      }
      for (const event of result.right) {
        state = target.decider.evolve(state, event);
        produced.push(event);
      }
    }
    let refold = target.decider.initialState;
    for (const event of produced) refold = target.decider.evolve(refold, event);
    if (JSON.stringify(refold) !== JSON.stringify(state))
      return fail(
        target,
        'refolding the events gives another state',
        steps.map(([c]) => c),
      );
    return true;
  });

/** through the command handler, invalid input appends nothing to the store. */
export const handlerAppendsNothingInvalid = (target: FuzzTarget) =>
  fc.asyncProperty(commandsFor(target), contexts, async (command, ctx) => {
    if (validInput(target, command)) return true;
    const store = createMemoryEventStore();
    const result = await handleCommand(
      { store, clock: () => '2026-11-20T01:00:00.000Z' },
      target.decider as Decider<unknown, DomainEvent, unknown, unknown>,
      'fuzz-1',
      command,
      ctx,
      { commandId: 'fuzz-cmd', actor: ctx.actor, occurredAt: ctx.now },
    );
    if (E.isRight(result) && result.right.events.length > 0)
      return fail(target, 'invalid input was appended', command);
    if (store.size() !== 0) return fail(target, 'the store grew', command);
    return true;
  });

/** any data over the size limit is refused with COMMAND_TOO_LARGE, any within it passes. */
export const sizeLimitHolds = (limit: number) =>
  fc.property(fc.jsonValue({ maxDepth: 3 }), (data) => {
    const bytes = new TextEncoder().encode(JSON.stringify(data) ?? '').length;
    const checked = checkCommandSize(data, limit);
    if (bytes > limit) return E.isLeft(checked) && checked.left.code === 'COMMAND_TOO_LARGE';
    return E.isRight(checked) && checked.right === bytes;
  });
