import { sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";

/**
 * Keeps when staff last called, met or e-mailed each person, as the activities say (see the
 * refresh-last-contact flow). Derived, like the search words: no audit entry and no event of its
 * own; the activity that changed it has them.
 */
export async function setLastContacts(
  ctx: Ctx,
  contacts: ReadonlyArray<{ personId: string; at: Date | null }>,
): Promise<void> {
  for (let start = 0; start < contacts.length; start += 1000) {
    const part = contacts.slice(start, start + 1000);
    const rows = sql.join(
      part.map((contact) => sql`(${contact.personId}::uuid, ${contact.at?.toISOString() ?? null}::timestamptz)`),
      sql`, `,
    );
    await ctx.db.execute(sql`update people p set last_contact_at = v.at
      from (values ${rows}) as v(id, at)
      where p.id = v.id and p.last_contact_at is distinct from v.at`);
  }
}
