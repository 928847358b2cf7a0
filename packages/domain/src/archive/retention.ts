/**
 * The first date on which a file closed on `closedOn` may be destroyed after `years` years
 * of retention (ARC-02, ARC-04). 29 February falls back to 28 February in common years.
 */
export const retentionExpiry = (closedOn: string, years: number): string => {
  const year = Number(closedOn.slice(0, 4)) + years;
  const monthDay = closedOn.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
};
