import {
  type Period,
  parsePeriod,
  periodOf,
  type UnitKind,
  type UnitRef,
} from '@civic-ledger/projections';
import { usageError } from '../cli-error.js';

const UNIT_KINDS: readonly UnitKind[] = [
  'centre',
  'department',
  'window',
  'staff',
  'facility-class',
];

/** `--period`: `2026`, `2026-H2`, `2026-Q3`, `2026-07` or `2026-07-15`. */
export const periodOption = (value: string): Period => {
  const period = parsePeriod(value);
  if (!period)
    throw usageError(
      `无法识别的统计周期 ${value}（例：2026、2026-H2、2026-Q3、2026-07、2026-07-15）`,
      `not a period: ${value} (e.g. 2026, 2026-H2, 2026-Q3, 2026-07, 2026-07-15)`,
    );
  return period;
};

/** The quarter that contains an instant's local date (Asia/Shanghai). */
export const quarterOf = (instant: string): Period =>
  periodOf('quarter', new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10));

/** `--unit`: `kind:id` (centre, department, window, staff, facility-class) or a centre id. */
export const unitOption = (value: string): UnitRef => {
  const colon = value.indexOf(':');
  if (colon < 0) return { kind: 'centre', id: value };
  const kind = value.slice(0, colon) as UnitKind;
  if (!UNIT_KINDS.includes(kind))
    throw usageError(
      `未知的单位类别 ${kind}（可用：${UNIT_KINDS.join('、')}）`,
      `unknown unit kind ${kind} (use ${UNIT_KINDS.join(', ')})`,
    );
  return { kind, id: value.slice(colon + 1) };
};

/** An instant option (`--as-of`, `--known-at`): ISO 8601 with an offset, or a date (end of that day, +08:00). */
export const instantOption = (name: string, value: string): string => {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999+08:00` : value;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant) ||
    Number.isNaN(Date.parse(instant))
  )
    throw usageError(
      `${name} 须为带时区的时间（如 2026-07-15T12:00:00+08:00）或日期：${value}`,
      `${name} must be an instant with an offset (e.g. 2026-07-15T12:00:00+08:00) or a date: ${value}`,
    );
  return instant;
};

/** The last instant of a period's last day, Asia/Shanghai. */
export const periodEnd = (period: Period): string => `${period.to}T23:59:59.999+08:00`;
