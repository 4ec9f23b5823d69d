import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

/** People and companies whose booked contact has come: their last contact is due to be read again. */
export async function contactsDue(
  ctx: Ctx,
  limit: number,
): Promise<{ personIds: string[]; organizationIds: string[] }> {
  const now = ctx.clock.now().toISOString();
  const people = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from people where next_contact_at <= ${now} order by next_contact_at limit ${limit}`,
  );
  const companies = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from organizations where next_contact_at <= ${now} order by next_contact_at limit ${limit}`,
  );
  return { personIds: people.map((row) => row.id), organizationIds: companies.map((row) => row.id) };
}
