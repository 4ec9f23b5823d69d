let cachedKey = 0;
let cachedUntil = 0;

/**
 * `today`'s local date as the number YYYYMMDD, or the clock's when no date is given. The clock's
 * is worked out once per local day: a fresh Date and its calendar fields cost more than the rest
 * of a personnummer check.
 */
export function localDateKey(today?: Date): number {
  if (today !== undefined) return today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  const now = Date.now();
  if (now >= cachedUntil) {
    const date = new Date(now);
    cachedKey = date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
    cachedUntil = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
  }
  return cachedKey;
}
