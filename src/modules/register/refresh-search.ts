import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { withoutLegalFormWords } from "./legal-form";
import { buildSearchText } from "./normalize";
import { organizations, people, roles } from "./schema";

/**
 * Rebuilds a person's search text from the names and the organisations they work at. E-mails,
 * phones and personnummer are searched through their own indexes, not through this text.
 */
export async function refreshPersonSearch(db: Db, personId: string): Promise<void> {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person) return;
  const orgRows = await db
    .select({ name: organizations.name })
    .from(roles)
    .innerJoin(organizations, eq(organizations.id, roles.organizationId))
    .where(and(eq(roles.personId, personId), isNull(roles.validTo)));
  const searchText = personSearchText(
    person,
    orgRows.map((row) => row.name),
  );
  await db.update(people).set({ searchText }).where(eq(people.id, personId));
}

/** A person's search text: their names, and the names of the organisations they work at. */
export function personSearchText(
  person: { givenNames: string; greetingName: string; surname: string },
  employers: readonly string[],
): string {
  return buildSearchText([
    person.givenNames,
    person.greetingName,
    person.surname,
    ...employers.map(withoutLegalFormWords),
  ]);
}
