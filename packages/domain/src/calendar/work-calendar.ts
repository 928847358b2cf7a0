/** A calendar date `YYYY-MM-DD`, read in the calendar's time zone (Asia/Shanghai by default). */
export type IsoDate = string;

/** A deadline computed when a clock starts and stored in the event that starts it. */
export interface Deadline {
  /** The last working day of the limit. */
  readonly dueDate: IsoDate;
  /** The end of `dueDate` (24:00 in the calendar's zone) as an ISO instant; the limit is met before it. */
  readonly dueAt: string;
  readonly workdays: number;
  /** True when any day counted lies outside the calendar's holiday data (weekends only were used). */
  readonly provisional: boolean;
  /** Which calendar computed it, so that an audit can tell. */
  readonly calendar: string;
}

/** Answers working-day questions. */
export interface WorkCalendar {
  readonly name: string;
  /** The calendar's IANA time zone. */
  readonly timeZone: string;
  /** True for a working day: a weekday that is not a holiday, or a make-up working day (调休上班). */
  isWorkday(date: IsoDate): boolean;
  /** True when the holiday data covers the date's year; otherwise only weekends are known. */
  covers(date: IsoDate): boolean;
  /**
   * The n-th working day after `date` (the day itself not counted, as the civil code counts
   * periods); `n = 0` returns `date`.
   */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** The local date of an instant in the calendar's zone. */
  dateOf(instant: string): IsoDate;
  /** Deadline of n working days counted from the local date of `startInstant`. */
  deadline(startInstant: string, n: number): Deadline;
  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
}
