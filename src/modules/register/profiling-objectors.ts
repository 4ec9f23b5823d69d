import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

/**
 * Which of these people object to profiling (GDPR art. 21): rules do not evaluate them and
 * computed traits are not kept for them. One query for a whole batch.
 */
export async function profilingObjectors(ctx: Pick<Ctx, "db">, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from people
        where id in (select jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb)::uuid) and profiling_objection`,
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * The people rules may consider over the whole base, as a condition on `people p`: not erased,
 * not merged away, and not objecting to profiling. Every whole-base query (dry run, schedule,
 * relative date, segment) starts from it, so an objector is never counted, sampled or fired for.
 */
export function profiledPeopleWhere(): SQL {
  return sql`p.erased_at is null and p.merged_into is null and not p.profiling_objection`;
}
