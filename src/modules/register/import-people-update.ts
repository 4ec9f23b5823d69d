import { and, eq, isNull } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import { type Ctx, newId } from "../../kernel/ctx";
import type { NormalRow } from "./import-row";
import { lineageColumns, stampLineage } from "./lineage";
import { greetingFor, type NormalAddress } from "./normalize";
import { refreshPersonSearch } from "./refresh-search";
import { addresses, emails, externalIds, people, phones, type TLineage } from "./schema";

function addressRow(ctx: Ctx, personId: string, address: NormalAddress, source: TLineage, now: Date) {
  const { validFrom, ...rest } = address;
  return { id: newId(ctx), personId, ...rest, validFrom: validFrom ?? now, validTo: null, ...lineageColumns(source) };
}

const sameAddress = (a: typeof addresses.$inferSelect, b: NormalAddress) =>
  a.street === b.street &&
  a.postalCode === b.postalCode &&
  a.city === b.city &&
  a.careOf === b.careOf &&
  a.box === b.box &&
  a.apartment === b.apartment;

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
): Promise<boolean> {
  const [current] = await ctx.db.select().from(people).where(eq(people.id, row.id)).for("update");
  if (!current) return false;
  const preferred = row.preferred ?? (row.givenNames === current.givenNames ? current.preferredNameParts : null);
  const greeting = greetingFor(row.givenNames, preferred);
  const [emailRows, phoneRows, addressRows] = await sequentially([
    ctx.db
      .select()
      .from(emails)
      .where(and(eq(emails.personId, row.id), isNull(emails.removedAt))),
    ctx.db
      .select()
      .from(phones)
      .where(and(eq(phones.personId, row.id), isNull(phones.removedAt))),
    ctx.db
      .select()
      .from(addresses)
      .where(and(eq(addresses.personId, row.id), eq(addresses.kind, "home"), isNull(addresses.validTo))),
  ]);
  const newEmails = row.emails.filter((email) => !emailRows.some((existing) => existing.canonical === email.canonical));
  const newPhones = row.phones.filter((phone) => !phoneRows.some((existing) => existing.e164 === phone.e164));
  const moved =
    row.address !== null && !addressRows.some((existing) => row.address && sameAddress(existing, row.address));
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
  if (row.linkExternal) {
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
