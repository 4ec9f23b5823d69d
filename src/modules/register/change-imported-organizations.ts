import { and, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { updateJsonRows } from "../../db/bulk";
import { type AuditEntry, recordAudits } from "../../kernel/audit";
import { type Ctx, newId } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { assertMayWrite } from "./access";
import { CONTACT_POINT_CHANGED } from "./add-email";
import { addressClosings } from "./address-closings";
import { changedOrganization } from "./changed-organization";
import type { NormalEmail, NormalPhone } from "./contact-points";
import type { TCustomAttribute } from "./custom-attribute-definition";
import { IMPORTED_FIELDS, sameValue } from "./import-organization";
import type { ZCreateOrganizationInput } from "./inputs";
import { insertContactPoints } from "./insert-contact-points";
import type { TNewOrganization } from "./new-organization";
import { type NormalAddress, normalizeEmailAddress, normalizePhoneNumber, samePlace } from "./normalize";
import { ORGANIZATION_COLUMN_TYPES, organizationColumns } from "./organization-columns";
import { addresses, emails, organizations, phones, type TLineage } from "./schema";
import { ORGANIZATION_UPDATED } from "./update-organization";

type TOrganizationRow = typeof organizations.$inferSelect;
type THeldPoint = { id: string; key: string; isPrimary: boolean };

/** What an import compares a row with: the organisation, its e-mails, phones and current addresses. */
export interface TKnownOrganization {
  row: TOrganizationRow;
  emails: THeldPoint[];
  phones: THeldPoint[];
  addresses: Array<typeof addresses.$inferSelect>;
}

/**
 * Locks and reads the known organisations of an import's batch with four statements for the
 * batch, in id order, so that two imports naming the same companies cannot deadlock.
 */
export async function loadKnownOrganizations(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, TKnownOrganization>> {
  const unique = [...new Set(ids)].sort();
  const known = new Map<string, TKnownOrganization>();
  if (unique.length === 0) return known;
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, unique))
    .orderBy(organizations.id)
    .for("update");
  for (const row of rows) known.set(row.id, { row, emails: [], phones: [], addresses: [] });
  for (const email of await ctx.db
    .select({ id: emails.id, owner: emails.organizationId, key: emails.canonical, isPrimary: emails.isPrimary })
    .from(emails)
    .where(and(inArray(emails.organizationId, unique), isNull(emails.removedAt)))) {
    if (email.owner) known.get(email.owner)?.emails.push(email);
  }
  for (const phone of await ctx.db
    .select({ id: phones.id, owner: phones.organizationId, key: phones.e164, isPrimary: phones.isPrimary })
    .from(phones)
    .where(and(inArray(phones.organizationId, unique), isNull(phones.removedAt)))) {
    if (phone.owner) known.get(phone.owner)?.phones.push(phone);
  }
  for (const address of await ctx.db
    .select()
    .from(addresses)
    .where(and(inArray(addresses.organizationId, unique), isNull(addresses.validTo)))) {
    if (address.organizationId) known.get(address.organizationId)?.addresses.push(address);
  }
  return known;
}

/** What a row changes on a known organisation, ready to be written with the batch's other changes. */
export interface TOrganizationWrite {
  before: TOrganizationRow;
  after: TOrganizationRow;
  /** The imported fields whose values change. */
  fields: Array<(typeof IMPORTED_FIELDS)[number]>;
  emails: NormalEmail[];
  phones: NormalPhone[];
  /** E-mails and phones held that stop being primary, a new one being primary now. */
  demoted: { emails: string[]; phones: string[] };
  move: {
    address: NormalAddress;
    addressId: string;
    closings: Array<{ id: string; validTo: Date }>;
    before: Array<typeof addresses.$inferSelect>;
  } | null;
  source: TLineage;
}

export type TOrganizationChange =
  | { outcome: "unchanged" }
  | { outcome: "changed"; write: TOrganizationWrite }
  | { outcome: "refused"; error: AppError }
  /** What the batch does not decide: a VAT number giving the record an organisationsnummer to check. */
  | { outcome: "alone" };

/**
 * What a row that names a known organisation does to it, decided as `importOrganization` decides
 * it with `updateOrganization`, `moveAddress`, `addEmail` and `addPhone`, without a statement:
 * the values it gives where they differ (checked against what the register holds), its new
 * e-mails and phones (the first becomes primary if the organisation had none), and its address
 * as a move when no current address of its kind says the same. A row that changes something on
 * an organisation the importer may not change is refused, as is a move the history forbids.
 */
export function planOrganizationChange(
  ctx: Ctx,
  input: z.output<typeof ZCreateOrganizationInput>,
  prepared: TNewOrganization,
  known: TKnownOrganization,
  definitions: readonly TCustomAttribute[],
): TOrganizationChange {
  const current = known.row;
  const now = ctx.clock.now();
  const errors = new FieldErrors();
  const given = IMPORTED_FIELDS.filter((field) =>
    field === "custom"
      ? Object.keys(input.custom ?? {}).length > 0
      : input[field] !== undefined && input[field] !== null,
  );
  // The values as updateOrganization would store them: only those the row gives, checked against
  // what the register holds (a VAT number against the stored organisationsnummer).
  const patch = Object.fromEntries(given.map((field) => [field, input[field]]));
  const changed = changedOrganization(current, patch, definitions, errors, prepared.source, now);
  if (changed.organisationsnummer !== current.organisationsnummer) return { outcome: "alone" };
  const fields = IMPORTED_FIELDS.filter((field) => !sameValue(changed[field], current[field]));
  // A row changing only contact points leaves the organisation's values, and their sources, as they are.
  const after = fields.length > 0 ? changed : { ...current, updatedAt: now };
  const newEmails = addedPoints(
    known.emails,
    (input.emails ?? []).flatMap(({ address, kind, isPrimary }) => {
      const email = normalizeEmailAddress(address, "emails", new FieldErrors());
      const point = email && { address: email.address, canonical: email.canonical, kind, isPrimary: false };
      return point ? [{ key: point.canonical, asked: isPrimary, point }] : [];
    }),
  );
  const newPhones = addedPoints(
    known.phones,
    (input.phones ?? []).flatMap(({ number, kind, isPrimary }) => {
      const phone = normalizePhoneNumber(number, "phones", new FieldErrors());
      const point = phone && { e164: phone.e164, type: phone.type, kind, isPrimary: false };
      return point ? [{ key: point.e164, asked: isPrimary, point }] : [];
    }),
  );
  let move: TOrganizationWrite["move"] = null;
  const address = prepared.address;
  if (address && !known.addresses.some((held) => held.kind === address.kind && samePlace(held, address))) {
    const before = known.addresses.filter((held) => held.kind === address.kind);
    const closings = addressClosings(before, address.validFrom ?? now, now);
    if (closings instanceof AppError) return { outcome: "refused", error: closings };
    move = { address, addressId: newId(ctx), closings, before };
  }
  if (fields.length === 0 && newEmails.added.length === 0 && newPhones.added.length === 0 && !move) {
    return { outcome: "unchanged" };
  }
  if (errors.list.length > 0) {
    return {
      outcome: "refused",
      error: new AppError("validation_failed", "The input is not valid", { fields: errors.list }),
    };
  }
  try {
    assertMayWrite(ctx, "organization", current);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { outcome: "refused", error };
  }
  return {
    outcome: "changed",
    write: {
      before: current,
      after,
      fields,
      emails: newEmails.added,
      phones: newPhones.added,
      demoted: { emails: newEmails.demoted, phones: newPhones.demoted },
      move,
      source: prepared.source,
    },
  };
}

/**
 * The points a row adds to those held, each in turn as `addEmail`/`addPhone` adds one: one held
 * already is not added again; a new one is primary when asked, or when the record had none, and
 * then the others stop being primary. Returns the added points as stored, and the held ones demoted.
 */
function addedPoints<P extends { isPrimary: boolean }>(
  held: readonly THeldPoint[],
  incoming: ReadonlyArray<{ key: string; asked: boolean | undefined; point: P }>,
): { added: P[]; demoted: string[] } {
  const points = held.map((point) => ({ ...point, added: null as P | null }));
  for (const { key, asked, point } of incoming) {
    if (points.some((other) => other.key === key)) continue;
    const isPrimary = asked ?? points.length === 0;
    if (isPrimary) for (const other of points) other.isPrimary = false;
    points.push({ id: "", key, isPrimary, added: point });
  }
  return {
    added: points.flatMap((point) => (point.added ? [{ ...point.added, isPrimary: point.isPrimary }] : [])),
    demoted: points.filter((point, index) => held[index]?.isPrimary && !point.isPrimary).map((point) => point.id),
  };
}

/**
 * Writes the changes of a batch's rows to known organisations with a statement per table, their
 * audit entries and events likewise: the same trail as the single verbs leave, an entry and an
 * event per changed organisation, move and added e-mail or phone.
 */
export async function writeOrganizationChanges(ctx: Ctx, writes: readonly TOrganizationWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await updateJsonRows(
    ctx.db,
    "organizations",
    ORGANIZATION_COLUMN_TYPES,
    writes.map(({ after }) => organizationColumns(after)),
  );
  const demote = (ids: string[]) => ids.map((id) => ({ id, is_primary: false }));
  await updateJsonRows(
    ctx.db,
    "emails",
    { id: "uuid", is_primary: "boolean" },
    writes.flatMap((write) => demote(write.demoted.emails)),
  );
  await updateJsonRows(
    ctx.db,
    "phones",
    { id: "uuid", is_primary: "boolean" },
    writes.flatMap((write) => demote(write.demoted.phones)),
  );
  await updateJsonRows(
    ctx.db,
    "addresses",
    { id: "uuid", valid_to: "timestamptz" },
    writes.flatMap((write) => (write.move?.closings ?? []).map(({ id, validTo }) => ({ id, valid_to: validTo }))),
  );
  await insertContactPoints(
    ctx,
    "organization_id",
    writes.map(({ after, emails, phones, move, source }) => ({
      ownerId: after.id,
      emails,
      phones,
      address: move?.address ?? null,
      ...(move ? { addressId: move.addressId } : {}),
      source,
    })),
  );
  const audits: AuditEntry[] = [];
  const pointEvents: Array<{ entity: "organization"; id: string; kind: string; change: string }> = [];
  for (const { before, after, fields, emails, phones, move } of writes) {
    const entry = { entity: "organization", entityId: after.id };
    const pick = (row: TOrganizationRow) =>
      Object.fromEntries(fields.map((field) => [field, row[field as keyof TOrganizationRow]]));
    if (fields.length > 0)
      audits.push({ ...entry, action: "organization.update", before: pick(before), after: pick(after) });
    if (move) {
      audits.push({
        ...entry,
        action: "address.move",
        before: move.before,
        after: { id: move.addressId, ...move.address },
      });
      pointEvents.push({ entity: "organization", id: after.id, kind: "address", change: "moved" });
    }
    for (const email of emails) {
      audits.push({ ...entry, action: "email.add", after: email });
      pointEvents.push({ entity: "organization", id: after.id, kind: "email", change: "added" });
    }
    for (const phone of phones) {
      audits.push({ ...entry, action: "phone.add", after: phone });
      pointEvents.push({ entity: "organization", id: after.id, kind: "phone", change: "added" });
    }
  }
  await recordAudits(ctx, audits);
  await emitEvents(
    ctx,
    ORGANIZATION_UPDATED,
    writes
      .filter((write) => write.fields.length > 0)
      .map(({ after, fields }) => ({ organizationId: after.id, changed: fields })),
    { background: true },
  );
  await emitEvents(ctx, CONTACT_POINT_CHANGED, pointEvents, { background: true });
}
