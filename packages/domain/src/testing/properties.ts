// Property-test plumbing shared by the deciders' specs (X-05): commands that mix plausible
// input with garbage, walks through a lifecycle with noise, and a runner that folds every
// generated sequence. Imports fast-check (an optional peer dependency of the package); kept
// out of `testing/index.ts` so that the given / when / then helpers need nothing else.
import fc from 'fast-check';
import type { Decider } from '../kernel/decider.js';
import { runSequence, type SequenceRun } from './specification.js';

/** Type names that probe the dispatch: unknown, or inherited from `Object.prototype`. */
export const PROBE_TYPES: readonly string[] = ['Bogus', '__proto__', 'toString'];

/** How often each kind of command is drawn (a weight of 0 leaves that kind out). */
export interface GarbageWeights {
  /** A plausible command, as given. */
  readonly plausible: number;
  /** A known or probing type with the data of some plausible command (often another type's). */
  readonly mismatched: number;
  /** A known or probing type with arbitrary data. */
  readonly anyData: number;
  /** An arbitrary string as type, with arbitrary data. */
  readonly anyType: number;
  /** Any value at all in place of the command. */
  readonly anything: number;
}

const DEFAULT_WEIGHTS: GarbageWeights = {
  plausible: 6,
  mismatched: 2,
  anyData: 2,
  anyType: 0,
  anything: 1,
};

/** `{ type, data }` commands whose data is drawn from the arbitrary of their type. */
export const commandsByType = <K extends string>(
  plausible: {
    readonly [P in K]: fc.Arbitrary<unknown>;
  },
): fc.Arbitrary<{ readonly type: K; readonly data: unknown }> =>
  fc
    .constantFrom(...(Object.keys(plausible) as K[]))
    .chain((type) => plausible[type].map((data) => ({ type, data })));

/**
 * Plausible commands mixed with garbage, for "no input makes the decider throw".
 * `types` are the aggregate's command types; `probes` are added to them for the garbage.
 */
export const withGarbage = <C>(
  plausible: fc.Arbitrary<C>,
  types: readonly string[],
  options: { readonly weights?: Partial<GarbageWeights>; readonly probes?: readonly string[] } = {},
): fc.Arbitrary<C> => {
  const w = { ...DEFAULT_WEIGHTS, ...options.weights };
  const named = [...new Set([...types, ...(options.probes ?? PROBE_TYPES)])];
  const garbage = (arbitrary: fc.Arbitrary<unknown>) => arbitrary as fc.Arbitrary<C>;
  const dataOf = plausible.map((c) => (c as { readonly data?: unknown } | null)?.data);
  const kinds: { weight: number; arbitrary: fc.Arbitrary<C> }[] = [
    { weight: w.plausible, arbitrary: plausible },
    {
      weight: w.mismatched,
      arbitrary: garbage(fc.record({ type: fc.constantFrom(...named), data: dataOf })),
    },
    {
      weight: w.anyData,
      arbitrary: garbage(fc.record({ type: fc.constantFrom(...named), data: fc.anything() })),
    },
    {
      weight: w.anyType,
      arbitrary: garbage(fc.record({ type: fc.string(), data: fc.anything() })),
    },
    { weight: w.anything, arbitrary: garbage(fc.anything()) },
  ];
  return fc.oneof(...kinds.filter((k) => k.weight > 0));
};

/** The samples in their order with some left out and up to `maxNoise` commands slipped in. */
export const walkWithNoise = <C>(
  samples: readonly C[],
  noise: fc.Arbitrary<C>,
  maxNoise = 6,
): fc.Arbitrary<C[]> =>
  fc
    .tuple(fc.subarray([...samples]), fc.array(fc.tuple(fc.nat(), noise), { maxLength: maxNoise }))
    .map(([path, inserted]) => {
      const out = [...path];
      for (const [at, command] of inserted) out.splice(at % (out.length + 1), 0, command);
      return out;
    });

/** One step of a generated sequence: a command and the context it is decided in. */
export interface Step<C, Ctx> {
  readonly command: C;
  readonly ctx: Ctx;
}

/** Pairs each command with the same context. */
export const inContext = <C, Ctx>(
  commands: fc.Arbitrary<C[]>,
  ctx: Ctx,
): fc.Arbitrary<Step<C, Ctx>[]> => commands.map((cs) => cs.map((command) => ({ command, ctx })));

/**
 * Runs every generated sequence through `runSequence` (a throw fails the property) and hands
 * the run to `then`, which asserts what the aggregate promises, at least that `refold`
 * equals `state`. Fixed seed, so a failure replays.
 */
export const checkSequences = <C, Ev, S, Ctx>(
  decider: Decider<C, Ev, S, Ctx>,
  steps: fc.Arbitrary<readonly Step<C, Ctx>[]>,
  then: (run: SequenceRun<Ev, S> & { readonly refold: S }) => void,
  params: { readonly seed: number; readonly numRuns: number },
): void => {
  fc.assert(
    fc.property(steps, (s) => then(runSequence(decider, s))),
    params,
  );
};
