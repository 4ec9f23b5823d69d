import { sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";

/** Months whose partition this process has seen exist; a miss only costs an idempotent statement. */
const knownMonths = new WeakMap<object, Set<string>>();

export const partitionName = (month: Date) =>
  `tracked_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, "0")}`;

const monthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
const nextMonth = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));

/**
 * Makes sure the monthly partition that `at` falls in exists. Raw events are partitioned by the
 * month they were received, so retention drops whole months instead of deleting rows.
 */
export async function ensureEventPartition(ctx: Pick<Ctx, "db">, at: Date): Promise<void> {
  const month = monthStart(at);
  const name = partitionName(month);
  let known = knownMonths.get(ctx.db);
  if (!known) {
    known = new Set();
    knownMonths.set(ctx.db, known);
  }
  if (known.has(name)) return;
  // Two processes creating the same partition at once would collide on the catalog; the advisory
  // lock makes the second wait and then find it there.
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tracked_events_partitions'))`);
    await tx.execute(
      sql.raw(
        `create table if not exists "${name}" partition of tracked_events for values from ('${month.toISOString()}') to ('${nextMonth(month).toISOString()}')`,
      ),
    );
  });
  known.add(name);
}

/** Drops the monthly partitions that lie wholly before `cutoff`; returns their names. */
export async function dropEventPartitionsBefore(ctx: Pick<Ctx, "db">, cutoff: Date): Promise<string[]> {
  const result = (await ctx.db.execute(
    sql`select c.relname as name from pg_inherits i
        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        where p.relname = 'tracked_events'`,
  )) as unknown as { rows: Array<{ name: string }> };
  const dropped: string[] = [];
  for (const { name } of result.rows) {
    const match = /^tracked_events_(\d{4})_(\d{2})$/.exec(name);
    if (!match) continue;
    const end = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
    if (end.getTime() > cutoff.getTime()) continue;
    await ctx.db.execute(sql.raw(`drop table if exists "${name}"`));
    knownMonths.get(ctx.db)?.delete(name);
    dropped.push(name);
  }
  return dropped;
}
