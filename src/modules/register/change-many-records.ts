import { type AnyColumn, sql } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { type AppError, notFound } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { assertMayWrite } from "./access";
import { validateCustomValues } from "./custom-values";
import { sourceOf } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import { erasedRecord, mergedAway } from "./owner-ref";
import { type LIFECYCLE_STAGES, organizations, people } from "./schema";
import { ORGANIZATION_UPDATED } from "./update-organization";
import { PERSON_UPDATED } from "./update-person";

/** What a change to many records may set; a field left out is left as each record has it. */
export interface TManyRecordsChange {
  ownerId?: string | null;
  ownerTeamId?: string | null;
  /** People only. */
  lifecycleStage?: (typeof LIFECYCLE_STAGES)[number];
  /** Custom attributes to set (null empties one); those not named are left as they are. */
  custom?: Record<string, unknown>;
}

/** A record that cannot be changed: its place in the list, who it is, and why. */
export interface TManyRecordsFault {
  index: number;
  id: string;
  /** The name a user knows the record by; null for one that does not exist. */
  name: string | null;
  error: AppError;
}

export interface TManyRecordsResult {
  /** Records the change altered (or, on a trial, would alter). */
  changed: number;
  /** Records that already were as asked. */
  unchanged: number;
  faults: TManyRecordsFault[];
}

interface TRow {
  id: string;
  name: string;
  ownerId: string | null;
  ownerTeamId: string | null;
  lifecycleStage: string | null;
  custom: Record<string, unknown>;
  erasedAt: Date | null;
  mergedInto: string | null;
}

/**
 * The same change to many people or organisations, in one statement. Each record is checked as a
 * single change would check it (it exists, is not erased or merged away, and the caller may
 * change it); if any cannot be changed, nothing is, and the faults name each one. A record that
 * already is as asked is left alone, with nothing in its audit trail. Each record changed gets
 * its own audit entry with the fields before and after, its lineage says who set them, and each
 * person's change is a `person.updated` event like any other, sent as background work so that a
 * change of thousands does not hold up messages.
 */
export async function changeManyRecords(
  ctx: Ctx,
  entity: "person" | "organization",
  ids: readonly string[],
  change: TManyRecordsChange,
  options: { dryRun?: boolean } = {},
): Promise<TManyRecordsResult> {
  authorize(ctx.actor, "register", "write");
  const fields = (["ownerId", "ownerTeamId", "lifecycleStage"] as const).filter((field) => change[field] !== undefined);
  return withTransaction(ctx, async (tx) => {
    const custom = change.custom && (await checkCustom(tx, entity, change.custom));
    const rows = await lockRows(tx, entity, ids);
    const changedOf = (row: TRow): string[] => [
      ...fields.filter((field) => row[field] !== change[field]),
      ...(custom && Object.entries(custom).some(([key, value]) => !sameValue(row.custom[key], value))
        ? ["custom"]
        : []),
    ];
    const faults: TManyRecordsFault[] = [];
    const alter: TRow[] = [];
    let unchanged = 0;
    for (const [index, id] of ids.entries()) {
      const row = rows.get(id);
      const error = !row ? notFound(entity, id) : refusal(tx, entity, row);
      if (error) faults.push({ index, id, name: row?.name ?? null, error });
      else if (row && changedOf(row).length > 0) alter.push(row);
      else unchanged += 1;
    }
    if (faults.length > 0 || options.dryRun || alter.length === 0) {
      return { changed: faults.length > 0 ? 0 : alter.length, unchanged, faults };
    }
    const table = entity === "person" ? people : organizations;
    const stamp = Object.fromEntries(
      [...fields, ...(custom ? ["custom"] : [])].map((field) => [field, sourceOf(tx, undefined)]),
    );
    const setValues = custom && Object.fromEntries(Object.entries(custom).filter(([, value]) => value !== null));
    const emptied = custom ? Object.keys(custom).filter((key) => custom[key] === null) : [];
    const alteredIds = alter.map((row) => row.id);
    // Kept well under PostgreSQL's limit of 65535 parameters per statement.
    for (let start = 0; start < alteredIds.length; start += 5000) {
      await tx.db
        .update(table)
        .set({
          ...(change.ownerId !== undefined && { ownerId: change.ownerId }),
          ...(change.ownerTeamId !== undefined && { ownerTeamId: change.ownerTeamId }),
          ...(entity === "person" && change.lifecycleStage && { lifecycleStage: change.lifecycleStage }),
          ...(custom && {
            custom:
              emptied.length > 0
                ? sql`(${table.custom} || ${JSON.stringify(setValues)}::jsonb) - array[${sql.join(
                    emptied.map((key) => sql`${key}`),
                    sql`, `,
                  )}]::text[]`
                : sql`${table.custom} || ${JSON.stringify(setValues)}::jsonb`,
          }),
          lineage: sql`${table.lineage} || ${JSON.stringify(stamp)}::jsonb`,
          updatedAt: tx.clock.now(),
        })
        .where(idIn(table.id, alteredIds.slice(start, start + 5000)));
    }
    const pick = (row: TRow) => ({
      ...Object.fromEntries(fields.map((field) => [field, row[field]])),
      ...(custom && { custom: Object.fromEntries(Object.keys(custom).map((key) => [key, row.custom[key] ?? null])) }),
    });
    await recordAudits(
      tx,
      alter.map((row) => ({
        action: `${entity}.update`,
        entity,
        entityId: row.id,
        before: pick(row),
        after: {
          ...Object.fromEntries(fields.map((field) => [field, change[field]])),
          ...(custom && { custom }),
        },
      })),
    );
    if (entity === "person") {
      await emitEvents(
        tx,
        PERSON_UPDATED,
        alter.map((row) => ({
          personId: row.id,
          changed: changedOf(row),
          lifecycleStage: { before: row.lifecycleStage, after: change.lifecycleStage ?? row.lifecycleStage },
        })),
        { background: true },
      );
    } else {
      await emitEvents(
        tx,
        ORGANIZATION_UPDATED,
        alter.map((row) => ({ organizationId: row.id, changed: changedOf(row) })),
        { background: true },
      );
    }
    return { changed: alter.length, unchanged, faults };
  });
}

/** The values as a single change would take them: typed, and each attribute defined and in use. */
async function checkCustom(
  ctx: Ctx,
  entity: "person" | "organization",
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const errors = new FieldErrors();
  const checked = validateCustomValues(await loadCustomAttributes(ctx.db, entity), values, errors, {
    requireAll: false,
  });
  errors.throwIfAny();
  return checked;
}

/** A stored custom value and a new one alike: an emptied value is no value. */
function sameValue(stored: unknown, value: unknown): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(value ?? null);
}

/** Why a single change of this record would be refused, if it would. */
function refusal(ctx: Ctx, entity: "person" | "organization", row: TRow): AppError | null {
  if (row.erasedAt) return erasedRecord(row.id, row.erasedAt);
  if (row.mergedInto) return mergedAway(row.id, row.mergedInto);
  try {
    assertMayWrite(ctx, entity, row);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

/** `column = any(ids)` with the ids as one array parameter, not one parameter each. */
const idIn = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;

async function lockRows(
  ctx: Ctx,
  entity: "person" | "organization",
  ids: readonly string[],
): Promise<Map<string, TRow>> {
  const rows = new Map<string, TRow>();
  for (let start = 0; start < ids.length; start += 5000) {
    const part = ids.slice(start, start + 5000) as string[];
    const found =
      entity === "person"
        ? await ctx.db
            .select({
              id: people.id,
              name: sql<string>`concat_ws(' ', ${people.greetingName}, ${people.surname})`,
              ownerId: people.ownerId,
              ownerTeamId: people.ownerTeamId,
              lifecycleStage: people.lifecycleStage,
              custom: people.custom,
              erasedAt: people.erasedAt,
              mergedInto: people.mergedInto,
            })
            .from(people)
            .where(idIn(people.id, part))
            .orderBy(people.id)
            .for("update")
        : await ctx.db
            .select({
              id: organizations.id,
              name: organizations.name,
              ownerId: organizations.ownerId,
              ownerTeamId: organizations.ownerTeamId,
              lifecycleStage: sql<null>`null`,
              custom: organizations.custom,
              erasedAt: sql<null>`null`,
              mergedInto: sql<null>`null`,
            })
            .from(organizations)
            .where(idIn(organizations.id, part))
            .orderBy(organizations.id)
            .for("update");
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}
