import { createHash } from "node:crypto";
import { writeAgainAfterCollision } from "../db/bulk";
import type { Ctx } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { FieldErrors } from "../kernel/field-errors";
import type { TDecimalMark } from "../lib/spreadsheet-number";
import { LOGGED_ACTIVITY_KINDS, type TLogActivityInput } from "../modules/activities";
import { ORDER_STATUSES, type TRecordOrderInput } from "../modules/orders";
import {
  assignedIn,
  matchPersonRefs,
  type TImportAssignees,
  type TImportBatchResult,
  type TPersonImportRow,
} from "../modules/register";
import { importAssignees } from "./import-assignees";
import { importDate, importNumber, refuseRow } from "./import-cells";
import { importWord } from "./import-words";
import { logActivitiesOnRecords, recordOrdersForRecords } from "./timeline-writes";

type Row = { row: number; values: TPersonImportRow };

/**
 * A batch of an orders or activities file: the customers are found with one query, checked and
 * locked with one more, and the rows written by the bulk verbs (`recordOrders`, `logActivities`)
 * in one transaction, where each row went through the ordinary verbs in a transaction of its own
 * (eleven statements an order, about 180 rows a second). A row refused is reported with its
 * number and field; the others land. The events are bulk work, so live events pass them.
 */
export async function importTimelineBatch(
  ctx: Ctx,
  entity: "orders" | "activities",
  rows: Row[],
  system: string,
  decimalMark: TDecimalMark,
): Promise<TImportBatchResult> {
  // Orders name no one; an activities file may name whose each task is.
  const assignees = await importAssignees(ctx, rows);
  const matches = await matchPersonRefs(
    ctx,
    system,
    rows.map(({ values }) => ({
      externalId: values.personExternalId,
      personnummer: values.personnummer,
      email: values.email,
    })),
  );
  const result: TImportBatchResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const read: TMatchedRow[] = [];
  for (const [index, { row, values }] of rows.entries()) {
    const match = matches[index];
    if (match && "ambiguous" in match) {
      refuseRow(
        result,
        row,
        new AppError("validation_failed", "Several people share the row's e-mail", {
          fields: [
            {
              field: match.ambiguous,
              code: "ambiguous_person",
              message:
                "Several people in the register have this e-mail; name the customer by Kundnummer or personnummer",
            },
          ],
        }),
      );
    } else if (!match?.personId) {
      // The column the row named its customer by, so the report points at the cell to check.
      const field = ["personExternalId", "personnummer", "email"].find((name) => values[name]) ?? "personExternalId";
      refuseRow(
        result,
        row,
        new AppError("validation_failed", "No person matches the row", {
          fields: [
            {
              field,
              code: "unknown_person",
              message: "No person with this external id, personnummer or e-mail",
            },
          ],
        }),
      );
    } else read.push({ row, values, personId: match.personId });
  }
  if (entity === "orders") await recordOrderRows(ctx, read, result, system, decimalMark);
  else await logActivityRows(ctx, read, result, system, assignees);
  // Rows refused before writing were reported first: the report lists them in file order.
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

type TMatchedRow = Row & { personId: string };

async function recordOrderRows(
  ctx: Ctx,
  rows: TMatchedRow[],
  result: TImportBatchResult,
  system: string,
  decimalMark: TDecimalMark,
): Promise<void> {
  const inputs = readRows(rows, result, (values, personId) => orderInput(values, personId, system, decimalMark));
  // Another import or the shop's API recording one of these orders meanwhile: written again, it is found.
  const recorded = await writeAgainAfterCollision(() =>
    recordOrdersForRecords(
      ctx,
      inputs.map(({ input }) => input),
      { background: true },
    ),
  );
  for (const [index, outcome] of recorded.entries()) {
    const { row } = inputs[index] as (typeof inputs)[number];
    if ("error" in outcome) refuseRow(result, row, outcome.error);
    else result[outcome.outcome] += 1;
  }
}

async function logActivityRows(
  ctx: Ctx,
  rows: TMatchedRow[],
  result: TImportBatchResult,
  system: string,
  assignees: TImportAssignees,
): Promise<void> {
  const inputs = readRows(rows, result, (values, personId) => activityInput(values, personId, system, assignees));
  const logged = await writeAgainAfterCollision(() =>
    logActivitiesOnRecords(
      ctx,
      inputs.map(({ input }) => input),
      { background: true },
    ),
  );
  for (const [index, outcome] of logged.entries()) {
    const { row, input } = inputs[index] as (typeof inputs)[number];
    if ("error" in outcome) refuseRow(result, row, outcome.error);
    else if ("activity" in outcome) result.created += 1;
    // Logged before under this external id. Activities are facts: a repeated row changes
    // nothing, and a row that tells it differently is reported, not silently dropped.
    else if (sameActivity(outcome.alreadyLogged, input)) result.unchanged += 1;
    else {
      refuseRow(
        result,
        row,
        new AppError("conflict", "This activity is already logged with other values", {
          fields: [
            {
              field: "externalId",
              code: "already_logged",
              message: "Already logged with other values; an import does not change logged activities",
            },
          ],
        }),
      );
    }
  }
}

/** Each row read into a verb's input; a row whose cells cannot be read is refused. */
function readRows<I>(
  rows: TMatchedRow[],
  result: TImportBatchResult,
  read: (values: TPersonImportRow, personId: string) => I,
): Array<{ row: number; input: I }> {
  return rows.flatMap(({ row, values, personId }) => {
    try {
      return [{ row, input: read(values, personId) }];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuseRow(result, row, error);
      return [];
    }
  });
}

function orderInput(
  values: TPersonImportRow,
  personId: string,
  system: string,
  decimalMark: TDecimalMark,
): TRecordOrderInput {
  const externalId = values.externalId ?? values.number;
  if (externalId === undefined) {
    // Without either, the same file imported again could not find the order, and would add it again.
    throw new AppError("validation_failed", "The order has no number", {
      fields: [{ field: "number", code: "required", message: "An order needs its order number or id" }],
    });
  }
  return {
    personId,
    number: values.number,
    status: importWord("status", values.status, ORDER_STATUSES) ?? "open",
    totalSek: importNumber(values.totalSek, "totalSek", decimalMark),
    orderedAt: importDate(values.orderedAt, "orderedAt"),
    // Without an id column of its own, an order is known by its number in the source system.
    source: { system, externalId },
  };
}

/**
 * The id of an activity from a file without an id column (a call log kept in Excel): made of the
 * customer, kind, time and subject, so the same file imported again finds its activities logged.
 */
function activityContentId(values: TPersonImportRow): string {
  const parts = ["personExternalId", "personnummer", "email", "kind", "occurredAt", "subject"].map(
    (field) => values[field]?.trim() ?? "",
  );
  return `row:${createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 32)}`;
}

function activityInput(
  values: TPersonImportRow,
  personId: string,
  system: string,
  assignees: TImportAssignees,
): TLogActivityInput & { subject: string } {
  // A task migrated from another system stays its seller's, not the importer's.
  const responsible = new FieldErrors();
  const ownerId = assignedIn(values.owner?.trim(), "owner", assignees.users, responsible);
  responsible.throwIfAny("The row names no one the activity can be given to");
  return {
    personId,
    kind: importWord("kind", values.kind, LOGGED_ACTIVITY_KINDS) ?? "note",
    subject: values.subject ?? "",
    body: values.body,
    direction: importWord("direction", values.direction, ["inbound", "outbound"] as const),
    occurredAt: importDate(values.occurredAt, "occurredAt"),
    dueAt: importDate(values.dueAt, "dueAt"),
    ...(ownerId ? { ownerId } : {}),
    source: { system, externalId: values.externalId ?? activityContentId(values) },
  };
}

/** Whether a row tells what was logged before as it was logged. */
function sameActivity(
  logged: { subject: string; body: string | null; occurredAt: Date },
  row: TLogActivityInput & { subject: string },
): boolean {
  return (
    logged.subject === row.subject.trim() &&
    (logged.body ?? undefined) === row.body &&
    (!(row.occurredAt instanceof Date) || logged.occurredAt.getTime() === row.occurredAt.getTime())
  );
}
