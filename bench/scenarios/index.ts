import type { Scenario } from '../harness.js';
import { commandHandling } from './command-handling.js';
import { demo } from './demo.js';
import { memoryAppend } from './memory-append.js';
import { postgresCatchUp, postgresImport } from './postgres-bulk.js';
import { postgresBatches, postgresSingle } from './postgres-writes.js';
import { replay } from './replay.js';
import { replayMemory } from './replay-memory.js';
import { verifyChain } from './verify.js';

/** Every scenario by key, in the order of the report. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  'memory-append': memoryAppend,
  'command-handling': commandHandling,
  verify: verifyChain,
  replay,
  'replay-memory': replayMemory,
  demo,
  'postgres-single': postgresSingle,
  'postgres-batches': postgresBatches,
  'postgres-import': postgresImport,
  'postgres-catchup': postgresCatchUp,
};
