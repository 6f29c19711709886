// Today's date as every date rule and the handbook judge it.

/** OPMODEL_TODAY (YYYY-MM-DD) when set, for reproducible runs; else the local date. */
export function todayString(): string {
  const fromEnv = process.env.OPMODEL_TODAY;
  if (fromEnv && /^\d{4}-\d{2}-\d{2}$/.test(fromEnv)) return fromEnv;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
