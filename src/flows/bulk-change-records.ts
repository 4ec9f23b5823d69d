import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertAssignable } from "../modules/access";
import {
  changeManyRecords,
  LIFECYCLE_STAGES,
  listOrganizations,
  listPeople,
  listQueryField,
  organizationsListInput,
  peopleListInput,
  type TManyRecordsChange,
  type TManyRecordsFault,
  ZOrganizationsExportQuery,
  ZPeopleExportQuery,
} from "../modules/register";

/** At most this many records named one by one: a page of the list, as the app selects them. */
export const BULK_LIMIT = 500;
/**
 * At most this many records matched by a list's filters, changed in one transaction: a region's
 * customers, or a mid-sized register entire (100 000 people take about 8 s on PostgreSQL).
 */
export const BULK_MATCH_LIMIT = 100_000;

const ZOwnerChange = {
  ownerId: z.uuid().nullable().optional(),
  ownerTeamId: z.uuid().nullable().optional(),
  custom: z
    .record(z.string().max(40), z.unknown())
    .refine((values) => Object.keys(values).length > 0 && Object.keys(values).length <= 20, {
      message: "Name 1 to 20 custom attributes",
    })
    .optional()
    .describe("Custom attributes to set, as on a single change; null empties one"),
};

const atLeastOne = (set: object) => Object.values(set).some((value) => value !== undefined);

const ZBulkIds = z
  .array(z.uuid())
  .min(1)
  .max(BULK_LIMIT)
  .refine((ids) => new Set(ids).size === ids.length, { message: "An id is given twice", params: { code: "repeated" } });

/** The records to change: named by id, or every one a list's filters match. */
const bulkTarget = <T extends z.ZodType>(match: T) => ({
  ids: ZBulkIds.optional(),
  match: match.optional(),
  expectedCount: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("With match: how many the user was shown; the change is refused if the filters now match another number"),
  dryRun: z.boolean().default(false).describe("Check every record and count, but change nothing"),
});

const oneTarget = (input: { ids?: unknown; match?: unknown }, context: z.RefinementCtx) => {
  if ((input.ids === undefined) === (input.match === undefined)) {
    context.addIssue({
      code: "custom",
      path: [input.ids === undefined ? "ids" : "match"],
      message: "Name the records either by ids or by match (the list's filters), one of the two",
      params: { code: input.ids === undefined ? "required" : "conflicts" },
    });
  }
};

export const ZBulkChangePeopleInput = z
  .strictObject({
    ...bulkTarget(ZPeopleExportQuery),
    set: z
      .strictObject({ ...ZOwnerChange, lifecycleStage: z.enum(LIFECYCLE_STAGES).optional() })
      .refine(atLeastOne, { message: "Name what to change: ownerId, ownerTeamId, lifecycleStage or custom" }),
  })
  .superRefine(oneTarget);
export type TBulkChangePeopleInput = z.input<typeof ZBulkChangePeopleInput>;

export const ZBulkChangeOrganizationsInput = z
  .strictObject({
    ...bulkTarget(ZOrganizationsExportQuery),
    set: z
      .strictObject(ZOwnerChange)
      .refine(atLeastOne, { message: "Name what to change: ownerId, ownerTeamId or custom" }),
  })
  .superRefine(oneTarget);
export type TBulkChangeOrganizationsInput = z.input<typeof ZBulkChangeOrganizationsInput>;

export const ZBulkChangeResult = z.object({
  changed: z.number().int().describe("Records changed (on a dry run: that would be)"),
  unchanged: z.number().int().describe("Records that already were as asked, left alone"),
  dryRun: z.boolean(),
});
export type TBulkChangeResult = z.infer<typeof ZBulkChangeResult>;

/** How many refused records a refusal names; the message counts them all. */
const NAMED_FAULTS = 50;

/**
 * The same change to many records: a new seller or team for a list's customers, or a new stage.
 * The records are named by id (a page's ticked rows) or by the list's filters (every match, up to
 * BULK_MATCH_LIMIT). All or nothing: each record is checked as a single change would check it,
 * and if any of them cannot be changed, none is, and the answer names every one at fault
 * (`ids.3: forbidden`, or by name under `match`), so the user can leave them out and try again.
 * A half-done hand-over would leave nobody knowing which customers moved.
 */
export async function bulkChangePeople(ctx: Ctx, input: TBulkChangePeopleInput): Promise<TBulkChangeResult> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZBulkChangePeopleInput, input);
  const match = data.match && peopleListInput(data.match);
  return bulkChange(ctx, "person", data, (tx, cursor) =>
    listPeople(tx, { ...match, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
}

export async function bulkChangeOrganizations(
  ctx: Ctx,
  input: TBulkChangeOrganizationsInput,
): Promise<TBulkChangeResult> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZBulkChangeOrganizationsInput, input);
  const match = data.match && organizationsListInput(data.match);
  return bulkChange(ctx, "organization", data, (tx, cursor) =>
    listOrganizations(tx, { ...match, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
}

type TListPage = (
  tx: Ctx,
  cursor: string | null,
) => Promise<{ items: Array<{ id: string }>; nextCursor: string | null }>;

async function bulkChange(
  ctx: Ctx,
  entity: "person" | "organization",
  data: {
    ids?: string[];
    match?: object;
    expectedCount?: number;
    dryRun: boolean;
    set: TManyRecordsChange;
  },
  listPage: TListPage,
): Promise<TBulkChangeResult> {
  return withTransaction(ctx, async (tx) => {
    await assertAssignable(tx, [
      { field: "set.ownerId", userId: data.set.ownerId },
      { field: "set.ownerTeamId", teamId: data.set.ownerTeamId },
    ]);
    const ids = data.ids ?? (await matchingIds(tx, listPage, data.expectedCount));
    const result = await changeManyRecords(tx, entity, ids, data.set, { dryRun: data.dryRun }).catch(
      (error: unknown) => {
        // A custom value is checked as a single change checks it, and named where the request holds it.
        throw error instanceof AppError ? error.under("set") : error;
      },
    );
    if (result.faults.length > 0) throw refusal(result.faults, ids.length, data.ids !== undefined);
    return { changed: result.changed, unchanged: result.unchanged, dryRun: data.dryRun };
  });
}

/** Every record the list's filters match, as the caller may see them, in the list's order. */
async function matchingIds(tx: Ctx, listPage: TListPage, expectedCount: number | undefined): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TListPage>> = await listPage(tx, cursor).catch((error: unknown) => {
      throw error instanceof AppError ? error.under("match", listQueryField) : error;
    });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (ids.length > BULK_MATCH_LIMIT) {
      throw new AppError("validation_failed", `The filters match more than ${BULK_MATCH_LIMIT} records`, {
        fields: [
          {
            field: "match",
            code: "too_many",
            message: `At most ${BULK_MATCH_LIMIT} records in one change; narrow the filters`,
          },
        ],
      });
    }
  } while (cursor);
  if (ids.length === 0) {
    throw new AppError("validation_failed", "The filters match no records", {
      fields: [{ field: "match", code: "no_match", message: "The filters match no records" }],
    });
  }
  if (expectedCount !== undefined && ids.length !== expectedCount) {
    const message = `The filters now match ${ids.length} records, not ${expectedCount}; look at the list again`;
    throw new AppError("conflict", message, {
      fields: [{ field: "expectedCount", code: "count_changed", message }],
      extra: { matched: ids.length },
    });
  }
  return ids;
}

/** One answer for every refused record, with the status of their shared reason (409 for a mix). */
function refusal(faults: readonly TManyRecordsFault[], total: number, byIds: boolean): AppError {
  const codes = new Set(faults.map((fault) => fault.error.code));
  const [only] = codes;
  const named = faults.slice(0, byIds ? faults.length : NAMED_FAULTS);
  return new AppError(
    codes.size === 1 && only ? only : "conflict",
    `${faults.length} of the ${total} records cannot be changed; nothing was changed`,
    {
      fields: named.map(({ index, name, error }) => ({
        field: byIds ? `ids.${index}` : "match",
        code: error.code,
        message: name ? `${name}: ${error.message}` : error.message,
      })),
      extra: {
        refused: faults.length,
        records: named.map(({ id, name, error }) => ({ id, name, code: error.code })),
      },
    },
  );
}
