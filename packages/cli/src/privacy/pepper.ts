import type { Lang } from '../i18n.js';

/** The environment variable holding the deployment's pepper for keyed subject ids. */
export const PEPPER_ENV_VAR = 'CIVIC_LEDGER_PEPPER';

/**
 * The pepper used when `CIVIC_LEDGER_PEPPER` is unset: public, so that demo data can be
 * erased by ID number, and therefore worthless as a secret. Never for production.
 */
export const DEMO_PEPPER = 'civic-ledger-demo-pepper:不得用于生产/not-for-production';

/** The pepper in effect and whether it is the public demo one. */
export interface Pepper {
  readonly value: string | Uint8Array;
  readonly demo: boolean;
}

// An even number of hex digits, at least 128 bits: read as bytes; anything else as text.
const HEX = /^(?:[0-9a-f]{2}){16,}$/i;

/** The pepper from `CIVIC_LEDGER_PEPPER` (hex or text), else the labelled demo pepper. */
export const pepperFromEnv = (env: NodeJS.ProcessEnv = process.env): Pepper => {
  const raw = env[PEPPER_ENV_VAR]?.trim();
  if (!raw) return { value: DEMO_PEPPER, demo: true };
  return { value: HEX.test(raw) ? new Uint8Array(Buffer.from(raw, 'hex')) : raw, demo: false };
};

/** The one-line warning printed when the demo pepper is in use. */
export const demoPepperWarning = (lang: Lang): string =>
  lang === 'zh'
    ? `注意：未设置 ${PEPPER_ENV_VAR}，正在使用公开的演示 pepper；生产环境必须设置该变量（十六进制或文本密钥）`
    : `warning: ${PEPPER_ENV_VAR} is not set, so the public demo pepper is in use; production must set it (a hex or text secret)`;
