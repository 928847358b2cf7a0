// Public API of @civic-ledger/cli: the program, and the pieces other tools can reuse.

export { aggregateSchemas } from './catalogue.js';
export { CliError, EXIT_FAILURE, EXIT_USAGE } from './cli-error.js';
export { type HistoryEntry, historyEntry } from './commands/history.js';
export { writeSchemas } from './commands/schemas.js';
export { type CloudEvent, toCloudEvent } from './export/cloudevents.js';
export { foldOpen311, type Open311Request } from './export/open311.js';
export { decodeLine, encodeLine } from './jsonl/format.js';
export { maskEventData } from './privacy/mask-event.js';
export { DEMO_PEPPER, PEPPER_ENV_VAR, type Pepper, pepperFromEnv } from './privacy/pepper.js';
export { cliProtect, type Protect } from './privacy/protection.js';
export { buildProgram, run } from './program.js';
export { projectionCatalogue, reportProjections } from './replay/catalogue.js';
export { type Cut, type Rebuilt, replayProjections, withinCut } from './replay/engine.js';
export { buildReportData, type ReportInput } from './report/build.js';
export type * from './report/model.js';
export { renderHtml } from './report/render-html.js';
export { renderMarkdown } from './report/render-markdown.js';
export * from './simulation/index.js';
export { DEFAULT_STORE, openStore, storeSpec } from './store/open-store.js';
