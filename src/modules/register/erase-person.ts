import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { lockOwner } from "./owner-ref";
import { addresses, channelPreferences, consents, emails, externalIds, people, phones, roles } from "./schema";

/**
 * Removes the person's personal data from the register. The row itself stays as an empty shell
 * marked erased, so anonymised aggregates elsewhere keep a valid reference and the erasure
 * itself can be shown. Must run inside the erasure transaction.
 */
export async function erasePersonRecord(ctx: Ctx, personId: string): Promise<void> {
  // The same record-level check as any other change: an erasure cannot be undone, so a role
  // that may change only its team's customers may erase only those.
  await lockOwner(ctx, { entity: "person", id: personId });
  await ctx.db.delete(emails).where(eq(emails.personId, personId));
  await ctx.db.delete(phones).where(eq(phones.personId, personId));
  await ctx.db.delete(addresses).where(eq(addresses.personId, personId));
  await ctx.db.delete(consents).where(eq(consents.personId, personId));
  await ctx.db.delete(channelPreferences).where(eq(channelPreferences.personId, personId));
  await ctx.db.delete(roles).where(eq(roles.personId, personId));
  await ctx.db.delete(externalIds).where(eq(externalIds.entityId, personId));
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
    .where(eq(people.id, personId));
}
