/** Prefixes of the requirement ids in `shared/spec/requirements.md`. */
export type RequirementPrefix =
  | 'X'
  | 'FAC'
  | 'TKT'
  | 'CMP'
  | 'SAT'
  | 'AUD'
  | 'STF'
  | 'EMG'
  | 'ARC'
  | 'K';

/** A requirement id such as `TKT-03`; every domain error names the one it enforces. */
export type RequirementId = `${RequirementPrefix}-${string}`;
