/** AUD-03: the evaluation periods of a year when one lasts `months` months. */
export const evaluationPeriodsPerYear = (months: number): number =>
  Math.max(1, Math.floor(12 / months));

const pad = (n: number): string => String(n).padStart(2, '0');

/** First and last date of the `index`-th evaluation period of `year` (1-based). */
export const evaluationPeriodDates = (
  year: number,
  index: number,
  months: number,
): { readonly start: string; readonly end: string } => {
  const span = Math.min(months, 12);
  const firstMonth = (index - 1) * span + 1;
  const lastMonth = Math.min(12, index * span);
  // Day 0 of the following month is the last day of `lastMonth` (UTC arithmetic, no clock).
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
};
