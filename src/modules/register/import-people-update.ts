import { and, eq, inArray, isNull } from "drizzle-orm";
import { updateJsonRows } from "../../db/bulk";
import { sequentially } from "../../db/sequentially";
import type { Ctx } from "../../kernel/ctx";
import type { NormalEmail, NormalPhone } from "./contact-points";
import type { NormalRow } from "./import-row";
import { insertContactPoints } from "./insert-contact-points";
import { stampLineage } from "./lineage";
import { greetingFor, type NormalAddress, samePlace } from "./normalize";
import { PERSON_COLUMN_TYPES, personColumns } from "./person-columns";
import { personSearchText } from "./refresh-search";
import { addresses, emails, externalIds, organizations, people, phones, roles, type TLineage } from "./schema";

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

/** What a row changes on a known person, ready to be written with the batch's other changes. */
export interface TPersonWrite {
  before: typeof people.$inferSelect;
  after: typeof people.$inferSelect;
  emails: NormalEmail[];
  phones: NormalPhone[];
  /** The current addresses of the row's kind, closed by its move. */
  closed: string[];
  address: NormalAddress | null;
  source: TLineage;
  /** The source's id, linked to the person where the row found them by another key. */
  link: string | null;
}

/**
 * What a row does to a known person: names and identifiers are refreshed; contact points are
 * added, never lost; an address that is no current one of its kind is a move. A row that says
 * what the register already holds changes nothing (its values keep the source and time they came
 * with): null.
 */
export function planPersonUpdate(
  row: NormalRow & { id: string; linkExternal: boolean },
  source: TLineage,
  now: Date,
  known: TKnownPerson,
): TPersonWrite | null {
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
  if (same && !moved && !row.linkExternal && newEmails.length === 0 && newPhones.length === 0) return null;
  return {
    before: current,
    after: { ...current, ...fields, lineage: stampLineage(current.lineage, row.fields, source), updatedAt: now },
    // The first e-mail and phone of someone who had none become primary; else the held ones stay so.
    emails: newEmails.map((email) => ({ ...email, isPrimary: emailRows.length === 0 && email.isPrimary })),
    phones: newPhones.map((phone) => ({ ...phone, isPrimary: phoneRows.length === 0 && phone.isPrimary })),
    closed: moved ? addressRows.map((address) => address.id) : [],
    address: moved ? row.address : null,
    source,
    link: row.linkExternal && row.externalId ? row.externalId : null,
  };
}

/**
 * Writes the changes of a batch's rows to known people with a statement per table, where each
 * row took six to eight; a person's search text is rebuilt where their names changed.
 */
export async function writePersonUpdates(
  ctx: Ctx,
  writes: readonly TPersonWrite[],
  system: string,
  now: Date,
): Promise<void> {
  if (writes.length === 0) return;
  const renamed = writes.filter(
    ({ before, after }) =>
      before.givenNames !== after.givenNames ||
      before.surname !== after.surname ||
      before.greetingName !== after.greetingName,
  );
  const employers = await employersOf(
    ctx,
    renamed.map(({ after }) => after.id),
  );
  for (const { after } of renamed) {
    after.searchText = personSearchText(after, employers.get(after.id) ?? []);
  }
  await updateJsonRows(
    ctx.db,
    "people",
    PERSON_COLUMN_TYPES,
    writes.map(({ after }) => personColumns(after)),
  );
  await updateJsonRows(
    ctx.db,
    "addresses",
    { id: "uuid", valid_to: "timestamptz" },
    writes.flatMap((write) => write.closed.map((id) => ({ id, valid_to: now }))),
  );
  await insertContactPoints(
    ctx,
    "person_id",
    writes.map(({ after, emails, phones, address, source }) => ({
      ownerId: after.id,
      emails,
      phones,
      address,
      source,
    })),
    now,
  );
  const links = writes.flatMap(({ after, link }) =>
    link ? [{ system, externalId: link, entity: "person" as const, entityId: after.id, receivedAt: now }] : [],
  );
  if (links.length > 0) await ctx.db.insert(externalIds).values(links).onConflictDoNothing();
}

/** The names of the organisations each person now holds a role at, for their search text. */
async function employersOf(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  for (const { personId, name } of await ctx.db
    .select({ personId: roles.personId, name: organizations.name })
    .from(roles)
    .innerJoin(organizations, eq(organizations.id, roles.organizationId))
    .where(and(inArray(roles.personId, [...ids]), isNull(roles.validTo)))) {
    found.set(personId, [...(found.get(personId) ?? []), name]);
  }
  return found;
}

/**
 * Updates a known person as `planPersonUpdate` decides, and returns whether anything changed.
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
  const write = known ? planPersonUpdate(row, source, now, known) : null;
  if (!write) return false;
  await writePersonUpdates(ctx, [write], system, now);
  return true;
}
