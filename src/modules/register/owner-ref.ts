import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { assertMayWrite } from "./access";
import { refreshPersonSearch } from "./refresh-search";
import { organizations, people } from "./schema";

/** The record a contact point belongs to. */
export interface TOwnerRef {
  entity: "person" | "organization";
  id: string;
}

export const ownerColumns = (owner: TOwnerRef) =>
  owner.entity === "person" ? { personId: owner.id } : { organizationId: owner.id };

/**
 * A person merged into another lives on as the survivor: what is written about them belongs
 * there, or it would vanish from every list with the hidden record.
 */
export function mergedAway(id: string, survivorId: string): AppError {
  return new AppError("conflict", "This person was merged into another record; make the change on that one", {
    extra: { entity: "person", id, mergedInto: survivorId },
  });
}

/**
 * An erased person is an empty shell kept for statistics and the audit trail: nothing more may
 * be written about them. One answer for every write (409 `erased`), so a client can tell it from
 * a record that never existed; `field` names the input that pointed at them, where there is one.
 */
export function erasedRecord(
  id: string,
  erasedAt: Date,
  field?: string,
  message = "This person has been erased from the register; nothing more can be written about them",
): AppError {
  return new AppError("erased", message, {
    extra: { entity: "person", id, erasedAt: erasedAt.toISOString() },
    fields: field ? [{ field, code: "erased", message }] : [],
  });
}

/** Locks the owning record for the write, checking it exists and that the caller may change it. */
export async function lockOwner(ctx: Ctx, owner: TOwnerRef): Promise<void> {
  await lockRecord(ctx, owner, "update");
}

/**
 * How a guard locks the records: `share` keeps an erasure out until the transaction ends; `update`
 * too, for a transaction that will also write the records themselves (an activity moves the
 * customer's last contact). Two share-lockers that both go on to update one record each wait for
 * the other's share lock: PostgreSQL breaks the deadlock by failing one. Locked for update from
 * the start, the second waits for the first to finish instead.
 */
export type TGuardLock = "share" | "update";

const ROW_LOCK = { share: "share", update: "no key update" } as const;

/**
 * For writes other modules make about a register record (activities, documents, orders): the
 * person or organisation must exist, not be erased, and be one the caller may change. The row is
 * locked until the transaction ends (see TGuardLock), so an erasure cannot slip in between.
 */
export async function guardRecordWrite(
  ctx: Ctx,
  record: TOwnerRef,
  field?: string,
  lock: TGuardLock = "share",
): Promise<void> {
  await lockRecord(ctx, record, ROW_LOCK[lock], true, field);
}

/**
 * For records of other areas that refer to a register record without changing it (an order of
 * a customer): the person or organisation must exist and not be erased; share-locked likewise.
 */
export async function guardRecordReference(ctx: Ctx, record: TOwnerRef, field?: string): Promise<void> {
  await lockRecord(ctx, record, "share", false, field);
}

async function lockRecord(
  ctx: Ctx,
  owner: TOwnerRef,
  strength: "update" | "no key update" | "share",
  change = true,
  field?: string,
): Promise<void> {
  const refused = await lockRecords(ctx, [{ ...owner, field }], strength, change);
  const [error] = refused.values();
  if (error) throw error;
}

/**
 * `guardRecordWrite` (`change`) or `guardRecordReference` for many records at once, such as the
 * customers of an import's batch: one query per kind of record locks them all. Returns why each
 * refused record was refused, keyed `entity:id`; the others passed and are share-locked until the
 * transaction ends.
 */
export async function guardRecords(
  ctx: Ctx,
  records: ReadonlyArray<TOwnerRef & { field?: string | undefined }>,
  change: boolean,
  lock: TGuardLock = "share",
): Promise<Map<string, AppError>> {
  return lockRecords(ctx, records, ROW_LOCK[lock], change);
}

async function lockRecords(
  ctx: Ctx,
  records: ReadonlyArray<TOwnerRef & { field?: string | undefined }>,
  strength: "update" | "no key update" | "share",
  change: boolean,
): Promise<Map<string, AppError>> {
  const refused = new Map<string, AppError>();
  const wanted = new Map(records.map((record) => [`${record.entity}:${record.id}`, record]));
  if (wanted.size === 0) return refused;
  const idsOf = (entity: TOwnerRef["entity"]) =>
    `{${[...wanted.values()]
      .filter((record) => record.entity === entity)
      .map((record) => record.id)
      .join(",")}}`;
  const personIds = idsOf("person");
  const organizationIds = idsOf("organization");
  // Locked in id order, so that two writers locking overlapping sets cannot deadlock.
  const found = [
    ...(personIds === "{}"
      ? []
      : (
          await ctx.db
            .select({
              id: people.id,
              ownerId: people.ownerId,
              ownerTeamId: people.ownerTeamId,
              erasedAt: people.erasedAt,
              mergedInto: people.mergedInto,
            })
            .from(people)
            .where(sql`${people.id} = any(${personIds}::uuid[])`)
            .orderBy(people.id)
            .for(strength)
        ).map((row) => ({ ...row, entity: "person" as const }))),
    ...(organizationIds === "{}"
      ? []
      : (
          await ctx.db
            .select({ id: organizations.id, ownerId: organizations.ownerId, ownerTeamId: organizations.ownerTeamId })
            .from(organizations)
            .where(sql`${organizations.id} = any(${organizationIds}::uuid[])`)
            .orderBy(organizations.id)
            .for(strength)
        ).map((row) => ({ ...row, entity: "organization" as const, erasedAt: null, mergedInto: null }))),
  ];
  const rows = new Map(found.map((row) => [`${row.entity}:${row.id}`, row]));
  for (const [key, record] of wanted) {
    const row = rows.get(key);
    try {
      if (!row) throw notFound(record.entity, record.id);
      if (row.erasedAt) throw erasedRecord(row.id, row.erasedAt, record.field);
      if (row.mergedInto) throw mergedAway(row.id, row.mergedInto);
      if (change) assertMayWrite(ctx, record.entity, row);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.set(key, error);
    }
  }
  return refused;
}

export async function touchOwner(ctx: Ctx, owner: TOwnerRef): Promise<void> {
  const table = owner.entity === "person" ? people : organizations;
  await ctx.db.update(table).set({ updatedAt: ctx.clock.now() }).where(eq(table.id, owner.id));
  if (owner.entity === "person") await refreshPersonSearch(ctx.db, owner.id);
}

/**
 * For decisions about a person made outside the register (a duplicate check, a pair marked as two
 * people): the person must not be erased, and the caller must be one who may change them. An
 * unknown id passes, for the caller to answer as it does for unknown people.
 */
export async function assertMayChangePerson(ctx: Ctx, personId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: people.id, ownerId: people.ownerId, ownerTeamId: people.ownerTeamId, erasedAt: people.erasedAt })
    .from(people)
    .where(eq(people.id, personId));
  if (row?.erasedAt) throw erasedRecord(row.id, row.erasedAt);
  if (row) assertMayWrite(ctx, "person", row);
}
