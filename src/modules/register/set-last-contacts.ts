import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

/** Rows `(id, at, next)` for a `values` list of contact times. */
export function contactValues(contacts: ReadonlyArray<{ id: string; at: Date | null; next: Date | null }>): SQL {
  return sql.join(
    contacts.map(
      (contact) =>
        sql`(${contact.id}::uuid, ${contact.at?.toISOString() ?? null}::timestamptz, ${contact.next?.toISOString() ?? null}::timestamptz)`,
    ),
    sql`, `,
  );
}

/**
 * Keeps when staff last called, met or e-mailed each person, and the next such contact booked
 * ahead, as the activities say (see the refresh-last-contact flow). Derived, like the search
 * words: no audit entry and no event of its own; the activity that changed it has them.
 */
export async function setLastContacts(
  ctx: Ctx,
  contacts: ReadonlyArray<{ personId: string; at: Date | null; next: Date | null }>,
): Promise<void> {
  for (let start = 0; start < contacts.length; start += 1000) {
    const rows = contactValues(
      contacts.slice(start, start + 1000).map((contact) => ({ id: contact.personId, ...contact })),
    );
    await ctx.db.execute(sql`update people p set last_contact_at = v.at, next_contact_at = v.next
      from (values ${rows}) as v(id, at, next)
      where p.id = v.id and (p.last_contact_at is distinct from v.at or p.next_contact_at is distinct from v.next)`);
  }
}

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
