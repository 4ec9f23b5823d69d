import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { erasedRecord, lockOwner } from "./owner-ref";
import { addresses, channelPreferences, consents, emails, externalIds, people, phones, roles } from "./schema";

/**
 * Removes the person's personal data from the register, and that of every record merged into
 * them (recursively): a merged-away record still holds the names, lineage and identity it had,
 * and is the same person. The rows stay as empty shells marked erased, so anonymised aggregates
 * elsewhere keep a valid reference and the erasure itself can be shown. Returns the ids erased,
 * the person's first. Must run inside the erasure transaction.
 */
export async function erasePersonRecord(ctx: Ctx, personId: string): Promise<string[]> {
  const [current] = await ctx.db.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, personId));
  if (!current) throw notFound("person", personId);
  if (current.erasedAt) {
    throw erasedRecord(personId, current.erasedAt, undefined, "This person has already been erased");
  }
  // The same record-level check as any other change: an erasure cannot be undone, so a role
  // that may change only its team's customers may erase only those.
  await lockOwner(ctx, { entity: "person", id: personId });
  const ids = [personId, ...(await mergedIntoRecursively(ctx, personId))];
  await ctx.db.delete(emails).where(inArray(emails.personId, ids));
  await ctx.db.delete(phones).where(inArray(phones.personId, ids));
  await ctx.db.delete(addresses).where(inArray(addresses.personId, ids));
  await ctx.db.delete(consents).where(inArray(consents.personId, ids));
  await ctx.db.delete(channelPreferences).where(inArray(channelPreferences.personId, ids));
  await ctx.db.delete(roles).where(inArray(roles.personId, ids));
  await ctx.db.delete(externalIds).where(inArray(externalIds.entityId, ids));
  const now = ctx.clock.now();
  await ctx.db
    .update(people)
    .set({
      givenNames: "",
      preferredNameParts: null,
      greetingName: "",
      greetingUncertain: true,
      surname: "",
      personnummer: null,
      personnummerKind: null,
      birthDate: null,
      ownerId: null,
      ownerTeamId: null,
      custom: {},
      lineage: {},
      searchText: "",
      profilingObjection: true,
      erasedAt: now,
      updatedAt: now,
    })
    .where(inArray(people.id, ids));
  return ids;
}

/** Every record merged into the person, and those merged into them in turn. */
async function mergedIntoRecursively(ctx: Ctx, personId: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [personId];
  while (frontier.length > 0) {
    const rows = await ctx.db
      .select({ id: people.id })
      .from(people)
      .where(inArray(people.mergedInto, frontier))
      .for("update");
    frontier = rows.map((row) => row.id).filter((id) => !found.includes(id) && id !== personId);
    found.push(...frontier);
  }
  return found;
}
