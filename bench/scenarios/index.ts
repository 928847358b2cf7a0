import type { Scenario } from '../harness.js';
import { commandHandling } from './command-handling.js';
import { memoryAppend } from './memory-append.js';
import { verifyChain } from './verify.js';

/** Every scenario by key, in the order of the report. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  'memory-append': memoryAppend,
  'command-handling': commandHandling,
  verify: verifyChain,
};
