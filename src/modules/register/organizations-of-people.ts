import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

/** The companies these people work or have worked at: whose last contact may follow theirs. */
export async function organizationsOfPeople(ctx: Ctx, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const found = new Set<string>();
  for (let start = 0; start < personIds.length; start += 1000) {
    const part = personIds.slice(start, start + 1000);
    const rows = await queryRows<{ organization_id: string }>(
      ctx.db,
      sql`select distinct organization_id from roles where person_id in ${part}`,
    );
    for (const row of rows) found.add(row.organization_id);
  }
  return [...found];
}
