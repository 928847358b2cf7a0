/** The languages the CLI speaks: Simplified Chinese (the default) and English. */
export type Lang = 'zh' | 'en';

/** Parses `--lang`; anything else is a usage error handled by the caller. */
export const isLang = (value: string): value is Lang => value === 'zh' || value === 'en';
