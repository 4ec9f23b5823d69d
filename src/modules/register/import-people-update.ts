import { and, eq, inArray, isNull } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import { type Ctx, newId } from "../../kernel/ctx";
import type { NormalRow } from "./import-row";
import { lineageColumns, stampLineage } from "./lineage";
import { greetingFor, type NormalAddress, samePlace } from "./normalize";
import { refreshPersonSearch } from "./refresh-search";
import { addresses, emails, externalIds, people, phones, type TLineage } from "./schema";

function addressRow(ctx: Ctx, personId: string, address: NormalAddress, source: TLineage, now: Date) {
  const { validFrom, ...rest } = address;
  return { id: newId(ctx), personId, ...rest, validFrom: validFrom ?? now, validTo: null, ...lineageColumns(source) };
}

/** What an update compares a row with: the person, their e-mails and phones, current addresses. */
export interface TKnownPerson {
  person: typeof people.$inferSelect;
  emails: Array<typeof emails.$inferSelect>;
  phones: Array<typeof phones.$inferSelect>;
  addresses: Array<typeof addresses.$inferSelect>;
}

/**
 * Locks and reads the known people of an import batch in four statements, not four per row: a
 * repeated file (a nightly export sent again) is mostly rows that change nothing.
 */
export async function loadKnownPeople(ctx: Ctx, ids: readonly string[]): Promise<Map<string, TKnownPerson>> {
  const unique = [...new Set(ids)].sort();
  const known = new Map<string, TKnownPerson>();
  if (unique.length === 0) return known;
  // Locked in id order, so two imports touching the same people cannot deadlock.
  const rows = await ctx.db.select().from(people).where(inArray(people.id, unique)).orderBy(people.id).for("update");
  for (const person of rows) known.set(person.id, { person, emails: [], phones: [], addresses: [] });
  const [emailRows, phoneRows, addressRows] = await sequentially([
    ctx.db
      .select()
      .from(emails)
      .where(and(inArray(emails.personId, unique), isNull(emails.removedAt))),
    ctx.db
      .select()
      .from(phones)
      .where(and(inArray(phones.personId, unique), isNull(phones.removedAt))),
    ctx.db
      .select()
      .from(addresses)
      .where(and(inArray(addresses.personId, unique), isNull(addresses.validTo))),
  ]);
  for (const email of emailRows) if (email.personId) known.get(email.personId)?.emails.push(email);
  for (const phone of phoneRows) if (phone.personId) known.get(phone.personId)?.phones.push(phone);
  for (const address of addressRows) if (address.personId) known.get(address.personId)?.addresses.push(address);
  return known;
}

/**
 * Updates a known person: names and identifiers are refreshed; contact points are added, never
 * lost. A row that says what the register already holds writes nothing (its values keep the
 * source and time they came with); returns whether anything changed.
 */
export async function applyUpdate(
  ctx: Ctx,
  row: NormalRow & { id: string; linkExternal: boolean },
  source: TLineage,
  system: string,
  now: Date,
  prefetched?: TKnownPerson,
): Promise<boolean> {
  const known = prefetched ?? (await loadKnownPeople(ctx, [row.id])).get(row.id);
  if (!known) return false;
  const { person: current, emails: emailRows, phones: phoneRows } = known;
  // A move replaces the current address of the row's kind (home unless the file says otherwise).
  const addressRows = known.addresses.filter((address) => address.kind === (row.address?.kind ?? "home"));
  const preferred = row.preferred ?? (row.givenNames === current.givenNames ? current.preferredNameParts : null);
  const greeting = greetingFor(row.givenNames, preferred);
  const newEmails = row.emails.filter((email) => !emailRows.some((existing) => existing.canonical === email.canonical));
  const newPhones = row.phones.filter((phone) => !phoneRows.some((existing) => existing.e164 === phone.e164));
  const moved =
    row.address !== null && !addressRows.some((existing) => row.address && samePlace(existing, row.address));
  const fields = {
    givenNames: row.givenNames,
    surname: row.surname,
    preferredNameParts: preferred,
    greetingName: greeting.name,
    greetingUncertain: greeting.uncertain,
    ...(row.personnummer
      ? {
          personnummer: row.personnummer.personnummer,
          personnummerKind: row.personnummer.personnummerKind,
          birthDate: row.personnummer.birthDate,
        }
      : row.birthDate
        ? { birthDate: row.birthDate }
        : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(row.lifecycleStage ? { lifecycleStage: row.lifecycleStage } : {}),
    ...(row.ownerId ? { ownerId: row.ownerId } : {}),
    ...(row.ownerTeamId ? { ownerTeamId: row.ownerTeamId } : {}),
    custom: { ...current.custom, ...row.custom },
  };
  const same = Object.entries(fields).every(
    ([key, value]) => JSON.stringify(value) === JSON.stringify(current[key as keyof typeof current]),
  );
  if (same && !moved && !row.linkExternal && newEmails.length === 0 && newPhones.length === 0) return false;
  if (newEmails.length) {
    await ctx.db.insert(emails).values(
      newEmails.map((email) => ({
        id: newId(ctx),
        personId: row.id,
        ...email,
        isPrimary: emailRows.length === 0 && email.isPrimary,
        createdAt: now,
        ...lineageColumns(source),
      })),
    );
  }
  if (newPhones.length) {
    await ctx.db.insert(phones).values(
      newPhones.map((phone) => ({
        id: newId(ctx),
        personId: row.id,
        ...phone,
        isPrimary: phoneRows.length === 0 && phone.isPrimary,
        createdAt: now,
        ...lineageColumns(source),
      })),
    );
  }
  if (row.address && moved) {
    for (const old of addressRows) await ctx.db.update(addresses).set({ validTo: now }).where(eq(addresses.id, old.id));
    await ctx.db.insert(addresses).values(addressRow(ctx, row.id, row.address, source, now));
  }
  if (row.linkExternal && row.externalId) {
    await ctx.db
      .insert(externalIds)
      .values({ system, externalId: row.externalId, entity: "person", entityId: row.id, receivedAt: now })
      .onConflictDoNothing();
  }
  await ctx.db
    .update(people)
    .set({
      ...fields,
      lineage: stampLineage(current.lineage, row.fields, source),
      updatedAt: now,
    })
    .where(eq(people.id, row.id));
  await refreshPersonSearch(ctx.db, row.id);
  return true;
}
