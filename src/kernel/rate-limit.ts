import { sql } from "drizzle-orm";
import { queryRows } from "../db/rows";
import type { Db } from "../db/types";
import { AppError } from "./errors";

export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts one hit in a fixed window kept in the database, so every API process shares the count.
 * Throws `rate_limited` with the seconds until the window resets once the limit is passed.
 */
export async function hitRateLimit(db: Db, now: Date, { key, limit, windowMs }: RateLimit): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`,
  );
  const count = Number(row?.count ?? 0);
  if (count > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError("rate_limited", `Too many attempts; try again in ${retryAfter} s`, {
      extra: { retryAfter },
    });
  }
}

/**
 * Takes back one hit of the current window: for limits on failures only, such as sign-ins, where
 * an attempt is counted before it is checked (so parallel guesses cannot slip past) and a
 * successful one is then returned.
 */
export async function refundRateLimit(db: Db, now: Date, { key, windowMs }: Omit<RateLimit, "limit">): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db.execute(
    sql`update rate_limits set count = greatest(count - 1, 0)
      where key = ${key} and window_start = ${windowStart.toISOString()}`,
  );
}
