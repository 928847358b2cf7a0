import { addDays, addMonths, addWeeks, addYears, format, parseISO } from 'date-fns';
import type { IsoDate } from '../calendar/work-calendar.js';
import type { Cycle } from '../policy/common.js';

const ADD = { day: addDays, week: addWeeks, month: addMonths, year: addYears } as const;

/** The date one `cycle` after `date` (calendar dates carry no zone, so local arithmetic is exact). */
export const afterCycle = (date: IsoDate, cycle: Cycle): IsoDate =>
  format(ADD[cycle.unit](parseISO(date), cycle.count), 'yyyy-MM-dd');
