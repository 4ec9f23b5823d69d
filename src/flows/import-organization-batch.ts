import { z } from "zod";
import { writeAgainAfterCollision } from "../db/bulk";
import type { Ctx } from "../kernel/ctx";
import { AppError, type TFieldError } from "../kernel/errors";
import { FieldErrors } from "../kernel/field-errors";
import type { TDecimalMark } from "../lib/spreadsheet-number";
import {
  assignedIn,
  importOrganizations,
  listCustomAttributes,
  spreadsheetCountry,
  spreadsheetCustomValue,
  streetParts,
  type TCustomAttribute,
  type TImportAssignees,
  type TImportBatchResult,
  type TImportOrganizationInput,
  type TPersonImportRow,
} from "../modules/register";
import { importAssignees } from "./import-assignees";
import { importNumber, refuseRow } from "./import-cells";

type Row = { row: number; values: TPersonImportRow };

/**
 * A batch of an organisations file: each row read into what `importOrganizations` takes, which
 * writes the new organisations of the batch together and updates known ones one at a time. A row
 * whose cells cannot be read, or that the register refuses, is reported with its number and field.
 */
export async function importOrganizationBatch(
  ctx: Ctx,
  rows: Row[],
  system: string,
  decimalMark: TDecimalMark,
): Promise<TImportBatchResult> {
  const definitions = await listCustomAttributes(ctx, "organization");
  const assignees = await importAssignees(ctx, rows);
  const result: TImportBatchResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const read: Array<{ row: number; input: TImportOrganizationInput }> = [];
  for (const { row, values } of rows) {
    try {
      read.push({ row, input: organizationInput(values, system, definitions, decimalMark, assignees) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuseRow(result, row, error);
    }
  }
  // Another import registering one of these companies meanwhile: written again, it is found.
  const imported = await writeAgainAfterCollision(() =>
    importOrganizations(
      ctx,
      read.map(({ input }) => input),
    ),
  );
  for (const [index, outcome] of imported.entries()) {
    const { row } = read[index] as (typeof read)[number];
    if (typeof outcome === "object") refuseRow(result, row, outcome.error);
    else result[outcome] += 1;
  }
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

function organizationInput(
  values: TPersonImportRow,
  system: string,
  definitions: TCustomAttribute[],
  decimalMark: TDecimalMark,
  assignees: TImportAssignees,
): TImportOrganizationInput {
  const custom: Record<string, string> = {};
  const responsible = new FieldErrors();
  const ownerId = assignedIn(values.owner?.trim(), "owner", assignees.users, responsible);
  const ownerTeamId = assignedIn(values.ownerTeam?.trim(), "ownerTeam", assignees.teams, responsible);
  const faults: TFieldError[] = [...responsible.list];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("custom.")) continue;
    const read = spreadsheetCustomValue(
      definitions.find((definition) => definition.key === key.slice(7)),
      value ?? "",
      decimalMark,
    );
    if ("fault" in read) faults.push({ field: key, ...read.fault });
    else custom[key.slice(7)] = read.value;
  }
  if (faults.length > 0) throw new AppError("validation_failed", "A value of the row is not valid", { fields: faults });
  const hasAddress = ["street", "careOf", "box", "apartment", "postalCode", "city"].some((field) => values[field]);
  const street = streetParts(values.street);
  if (values.organizationId && !z.uuid().safeParse(values.organizationId).success) {
    throw new AppError("validation_failed", "organizationId is not an id of the register", {
      fields: [{ field: "organizationId", code: "invalid_id", message: "The lanthandelId column of an export" }],
    });
  }
  return {
    id: values.organizationId,
    name: values.name ?? "",
    organisationsnummer: values.organisationsnummer,
    vatNumber: values.vatNumber,
    sniCode: values.sniCode,
    industry: values.industry,
    employees: importNumber(values.employees, "employees", decimalMark),
    revenueSek: importNumber(values.revenueSek, "revenueSek", decimalMark),
    website: values.website,
    custom,
    ...(ownerId ? { ownerId } : {}),
    ...(ownerTeamId ? { ownerTeamId } : {}),
    emails: values.email ? [{ address: values.email, kind: "work" }] : [],
    phones: values.phone ? [{ number: values.phone, kind: "work" }] : [],
    ...(hasAddress
      ? {
          address: {
            kind: (values.addressKind?.toLowerCase() ?? "visiting") as never,
            street: street.street,
            careOf: values.careOf,
            box: values.box ?? street.box,
            apartment: values.apartment ?? street.apartment,
            postalCode: values.postalCode,
            city: values.city,
            // A name the register does not know goes on as written, for the verb to refuse.
            country: values.country ? (spreadsheetCountry(values.country) ?? values.country) : "SE",
          },
        }
      : {}),
    ...(values.externalId
      ? { externalId: values.externalId, source: { system, externalId: values.externalId } }
      : { source: { system, ...(values.organizationId ? { externalId: values.organizationId } : {}) } }),
  };
}
