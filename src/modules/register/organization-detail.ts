import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import type { Db } from "../../db/types";
import { addressView, emailView, phoneView } from "./contact-views";
import { addresses, emails, organizations, people, phones, roles } from "./schema";
import type { TOrganization, TOrganizationDetail } from "./views";

export type OrganizationRow = typeof organizations.$inferSelect;

export function organizationCore(row: OrganizationRow): TOrganization {
  const { searchText: _search, ...rest } = row;
  return rest;
}

export async function loadOrganizationDetail(db: Db, id: string): Promise<TOrganizationDetail | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) return null;
  const [addressRows, emailRows, phoneRows, roleRows, parentRows, subsidiaryRows] = await sequentially([
    db.select().from(addresses).where(eq(addresses.organizationId, id)).orderBy(desc(addresses.validFrom)),
    db
      .select()
      .from(emails)
      .where(and(eq(emails.organizationId, id), isNull(emails.removedAt))),
    db
      .select()
      .from(phones)
      .where(and(eq(phones.organizationId, id), isNull(phones.removedAt))),
    db
      .select({ role: roles, greetingName: people.greetingName, surname: people.surname })
      .from(roles)
      .innerJoin(people, eq(people.id, roles.personId))
      .where(and(eq(roles.organizationId, id), isNull(people.erasedAt)))
      .orderBy(desc(roles.isPrimaryContact), asc(people.surname)),
    row.parentId
      ? db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(eq(organizations.id, row.parentId))
      : Promise.resolve([]),
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.parentId, id))
      .orderBy(asc(organizations.name)),
  ]);
  return {
    ...organizationCore(row),
    addresses: addressRows.map(addressView),
    emails: emailRows.map(emailView),
    phones: phoneRows.map(phoneView),
    roles: roleRows.map(({ role, greetingName, surname }) => ({
      ...role,
      organizationName: row.name,
      personName: `${greetingName} ${surname}`,
    })),
    parent: parentRows[0] ?? null,
    subsidiaries: subsidiaryRows,
  };
}
