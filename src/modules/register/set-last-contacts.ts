import { type SQL, sql } from "drizzle-orm";
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
