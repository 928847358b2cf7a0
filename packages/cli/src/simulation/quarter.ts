/** The quarter of a local date: its key (`2026-Q3`) and first day. */
export const periodOfQuarter = (date: string): { key: string; from: string } => {
  const year = date.slice(0, 4);
  const q = Math.ceil(Number(date.slice(5, 7)) / 3);
  return { key: `${year}-Q${q}`, from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01` };
};
