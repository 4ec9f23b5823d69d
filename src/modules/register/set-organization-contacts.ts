import { sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { contactValues } from "./set-last-contacts";

/**
 * Keeps when staff last called, met or e-mailed each company: the latest of what was logged on
 * the company (`own`, as the activities say) and the last contact with anyone who works there now;
 * likewise the next contact booked ahead.
 * Derived like the people's (see `setLastContacts`): no audit entry, no event. People first: this
 * reads their `last_contact_at`.
 */
export async function setOrganizationContacts(
  ctx: Ctx,
  own: ReadonlyArray<{ organizationId: string; at: Date | null; next: Date | null }>,
): Promise<void> {
  for (let start = 0; start < own.length; start += 1000) {
    const rows = contactValues(
      own.slice(start, start + 1000).map((contact) => ({ id: contact.organizationId, ...contact })),
    );
    await ctx.db.execute(sql`update organizations o set last_contact_at = c.at, next_contact_at = c.next
      from (
        select v.id, greatest(v.at, staff.at) as at, least(v.next, staff.next) as next
        from (values ${rows}) as v(id, at, next)
        left join lateral (
          select max(p.last_contact_at) as at, min(p.next_contact_at) as next
          from roles r join people p on p.id = r.person_id
          where r.organization_id = v.id and r.valid_to is null and p.merged_into is null and p.erased_at is null
        ) staff on true
      ) c
      where o.id = c.id and (o.last_contact_at is distinct from c.at or o.next_contact_at is distinct from c.next)`);
  }
}
