/** Where the embedded store lives when nothing says otherwise. */
export const DEFAULT_EMBEDDED_DIR = './.civic-ledger';

/** The environment variable that names the store (a spec such as `embedded:DIR` or a URL). */
export const STORE_ENV_VAR = 'CIVIC_LEDGER_STORE';

/** The store spec in effect: the argument, else `CIVIC_LEDGER_STORE`, else the embedded default. */
export const resolveStoreSpec = (spec?: string): string => {
  const chosen = spec?.trim() || process.env[STORE_ENV_VAR]?.trim();
  return chosen || `embedded:${DEFAULT_EMBEDDED_DIR}`;
};

/** The directory of an embedded spec (`embedded:DIR`, `embedded:` or a bare path). */
export const embeddedDir = (spec: string): string => {
  const dir = spec.startsWith('embedded:') ? spec.slice('embedded:'.length) : spec;
  return dir || DEFAULT_EMBEDDED_DIR;
};
