import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { buildSearchText } from "./normalize";
import { emails, organizations, people, phones, roles } from "./schema";

/**
 * Rebuilds a person's search text from the names, identifiers, current e-mails, phones and the
 * organisations they work at. Phones are indexed both as +46… and as the national 0… form.
 */
export async function refreshPersonSearch(db: Db, personId: string): Promise<void> {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person) return;
  const [emailRows, phoneRows, orgRows] = await Promise.all([
    db
      .select({ canonical: emails.canonical })
      .from(emails)
      .where(and(eq(emails.personId, personId), isNull(emails.removedAt))),
    db
      .select({ e164: phones.e164 })
      .from(phones)
      .where(and(eq(phones.personId, personId), isNull(phones.removedAt))),
    db
      .select({ name: organizations.name })
      .from(roles)
      .innerJoin(organizations, eq(organizations.id, roles.organizationId))
      .where(and(eq(roles.personId, personId), isNull(roles.validTo))),
  ]);
  const searchText = buildSearchText([
    person.givenNames,
    person.greetingName,
    person.surname,
    person.personnummer,
    person.personnummer?.slice(2),
    ...emailRows.map((row) => row.canonical),
    ...phoneRows.flatMap((row) => phoneForms(row.e164)),
    ...orgRows.map((row) => row.name),
  ]);
  await db.update(people).set({ searchText }).where(eq(people.id, personId));
}

export function phoneForms(e164: string): string[] {
  const digits = e164.replace(/^\+/, "");
  return digits.startsWith("46") ? [digits, `0${digits.slice(2)}`] : [digits];
}
