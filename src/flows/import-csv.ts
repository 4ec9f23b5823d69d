import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { z } from "zod";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError, type TFieldError } from "../kernel/errors";
import { parseInput, zSystemName } from "../kernel/validate";
import { decimalMarkOf, type TDecimalMark } from "../lib/spreadsheet-number";
import {
  importPeople,
  preparePeopleBatch,
  type TImportBatchResult,
  type TImportRowError,
  type TPersonImportRow,
} from "../modules/register";
import { openCsvText } from "./csv-text";
import { headerKey, importAliases } from "./import-aliases";
import { importAssignees } from "./import-assignees";
import { importErrorField } from "./import-error-field";
import { importOrganizationBatch } from "./import-organization-batch";
import { ImportStatistics } from "./import-statistics";
import { importTimelineBatch } from "./import-timeline-batch";
import { PeopleBatchWriter } from "./people-batch-writer";

export const IMPORT_ENTITIES = ["people", "organizations", "orders", "activities"] as const;
export type TImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ZImportCsvOptions = z.object({
  entity: z.enum(IMPORT_ENTITIES),
  system: zSystemName(),
  /** CSV header → field name; unmapped headers are matched by name and by common Swedish aliases. */
  mapping: z.record(z.string(), z.string()).default({}),
  dryRun: z.boolean().default(false),
  batchSize: z.number().int().min(1).max(10_000).default(1_000),
});
export type TImportCsvOptions = z.input<typeof ZImportCsvOptions>;

export interface TImportProgress {
  rowsRead: number;
  created: number;
  updated: number;
  /** Rows whose record was already there with the same values; nothing was written. */
  unchanged: number;
  failed: number;
}

/** What an import has done so far, and how far through the file it has read. */
export interface TImportProgressUpdate extends TImportProgress {
  bytesRead: number;
}

export interface TImportReport extends TImportProgress {
  entity: TImportEntity;
  dryRun: boolean;
  /** The first 1 000 row errors: row number (1 = first data row), field and reason. */
  errors: TImportRowError[];
  unmappedColumns: string[];
  /** The file's column each field was read from, so a row error can name the column the user knows. */
  columns: Record<string, string>;
  durationMs: number;
}

type Row = { row: number; values: TPersonImportRow };

const MAX_REPORTED_ERRORS = 1_000;

/**
 * Streams a CSV file into the register in batches, so memory stays flat for any file size.
 * A dry run validates and counts without writing. Re-running the same file is idempotent:
 * rows are matched on the source system's external ids.
 */
export async function importCsv(
  ctx: Ctx,
  input: Readable,
  options: TImportCsvOptions,
  onProgress?: (progress: TImportProgressUpdate) => void,
): Promise<TImportReport> {
  const settings = parseInput(ZImportCsvOptions, options);
  if (!settings.dryRun) return importFile(ctx, input, settings, onProgress);
  // A trial run imports the whole file in one transaction and takes all of it back, so it finds
  // every fault a real run would and counts as one does: a customer a later batch names again is
  // an update, not a second new person.
  try {
    await withTransaction(ctx, async (tx) => {
      throw new TrialRunDone(await importFile(tx, input, settings, onProgress));
    });
  } catch (error) {
    if (error instanceof TrialRunDone) return error.report;
    throw error;
  }
  throw new Error("A trial run was not taken back");
}

/** Thrown to take a trial run back once the file has been imported and counted. */
class TrialRunDone extends Error {
  constructor(readonly report: TImportReport) {
    super("trial run");
  }
}

async function importFile(
  ctx: Ctx,
  input: Readable,
  settings: z.output<typeof ZImportCsvOptions>,
  onProgress?: (progress: TImportProgressUpdate) => void,
): Promise<TImportReport> {
  const started = performance.now();
  const report: TImportReport = {
    entity: settings.entity,
    dryRun: settings.dryRun,
    rowsRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    unmappedColumns: [],
    columns: {},
    durationMs: 0,
  };
  let headerMap: Map<string, string> | null = null;
  const { text, separator, bytesRead } = await openCsvText(input);
  const decimalMark = decimalMarkOf(separator);
  const parser = text.pipe(
    parse({
      bom: true,
      delimiter: separator,
      relax_column_count: true,
      // Empty lines are read as rows, so that row numbers stay those of the spreadsheet.
      trim: true,
    }),
  );
  // pipe() does not pass a failure on: an unreadable file must end the import, not stall it.
  text.once("error", (error) => parser.destroy(error));
  let batch: Row[] = [];
  // Not in a trial run: a sample taken inside its transaction would leave the database counting
  // the rows it takes back (the count is kept outside the transaction), and a real run after it
  // would judge the register by them.
  const statistics = settings.dryRun ? null : await ImportStatistics.start(ctx, settings.entity);
  const record = (result: TImportBatchResult) => {
    report.created += result.created;
    report.updated += result.updated;
    report.unchanged += result.unchanged;
    report.failed += result.failed;
    for (const error of result.errors) {
      if (report.errors.length < MAX_REPORTED_ERRORS) {
        report.errors.push({ ...error, field: importErrorField(error.field) });
      }
    }
    const { rowsRead, created, updated, unchanged, failed } = report;
    onProgress?.({ rowsRead, created, updated, unchanged, failed, bytesRead: bytesRead() });
  };
  // People are validated a batch ahead: batch n+1 is prepared while batch n is being written,
  // so the process and the database work at the same time, and on a PostgreSQL server two
  // batches are written at once (see PeopleBatchWriter). A later row for the same customer still
  // wins. A trial run's one transaction takes one query at a time, so there each batch is
  // prepared after the one before is written.
  const writer = new PeopleBatchWriter(ctx, { oneAtATime: settings.dryRun }, record);
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await statistics?.written(report.created + report.updated);
    // The embedded store runs each query on this thread, and a batch's awaits settle without
    // the event loop taking a turn: let waiting requests in between batches (the app asking how
    // far the import is, a colleague's page), or a trial run would hold everyone for its length.
    await new Promise((resolve) => setImmediate(resolve));
    if (settings.entity !== "people") {
      record(await importBatch(ctx, settings.entity, rows, settings.system, decimalMark));
      return;
    }
    if (settings.dryRun) await writer.finish();
    const assignees = await importAssignees(ctx, rows);
    const prepared = await preparePeopleBatch(ctx, rows, { system: settings.system, decimalMark }, assignees);
    await writer.write(prepared);
  };
  /** A row refused before it reaches a batch: counted as failed, each fault reported. */
  const refuse = (row: number, faults: Array<Omit<TImportRowError, "row">>) => {
    report.failed += 1;
    for (const fault of faults) {
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ row, ...fault });
    }
  };
  let headers: string[] = [];
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // A blank row (an empty line, or Excel's ";;;;" for an emptied row) holds nothing to import.
      const blank = record.every((value) => value === "");
      if (!headerMap) {
        if (blank) continue;
        headers = record;
        headerMap = mapHeaders(record, settings.entity, settings.mapping);
        report.unmappedColumns = record.filter((header) => header !== "" && !headerMap?.has(header));
        report.columns = Object.fromEntries([...headerMap].map(([header, field]) => [field, header]));
        continue;
      }
      rowNumber += 1;
      if (blank) continue;
      report.rowsRead += 1;
      if (record.slice(headers.length).some((value) => value !== "")) {
        // More cells than columns: a separator inside an unquoted value has shifted the cells,
        // and every value after it would land in the wrong field.
        refuse(rowNumber, [
          {
            field: "(row)",
            code: "too_many_cells",
            message: `The row has ${record.length} cells and the header ${headers.length} columns; a value holding "${separator}" needs quotes`,
          },
        ]);
        continue;
      }
      const values: TPersonImportRow = {};
      record.forEach((value, index) => {
        const field = headerMap?.get(headers[index] ?? "");
        if (field && value !== "") values[field] = FORMULA_ESCAPED.test(value) ? value.slice(1) : value;
      });
      if (isTotalsRow(record, values)) {
        // A spreadsheet's "Summa" line under the rows: named as what it is rather than as a
        // customer without an id, and still counted, so nothing is left out unsaid.
        refuse(rowNumber, [
          {
            field: "(row)",
            code: "totals_row",
            message: "A totals row (Summa) of the spreadsheet, not a record: not imported",
          },
        ]);
        continue;
      }
      // The database keeps no NUL in text: left in, the row would fail its whole batch, with the
      // batches before it already written.
      const nulFields = Object.keys(values).filter((field) => values[field]?.includes("\u0000"));
      if (nulFields.length > 0) {
        refuse(
          rowNumber,
          nulFields.map((field) => ({
            field,
            code: "nul_character",
            message: "The cell holds the NUL character, which text cannot",
          })),
        );
        continue;
      }
      batch.push({ row: rowNumber, values });
      if (batch.length >= settings.batchSize) await flush();
    }
    await flush();
    await writer.finish();
    await statistics?.finished(report.created + report.updated);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("CSV_")) {
      throw new AppError("validation_failed", `The file is not valid CSV: ${(error as Error).message}`, {
        fields: [{ field: "file", code: "invalid_csv", message: (error as Error).message }],
      });
    }
    throw error;
  }
  if (!headerMap) {
    throw new AppError("validation_failed", "The file is empty", {
      fields: [{ field: "file", code: "empty", message: "A header row and at least one data row are needed" }],
    });
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

/** The words a spreadsheet's totals line starts with. */
const TOTALS_WORD = /^(summa|totalt|total|summering|sum|totals?)\s*:?$/i;

/** The fields that name a record; a totals line has none of them. */
const IDENTIFYING_FIELDS = [
  "externalId",
  "personId",
  "organizationId",
  "personnummer",
  "organisationsnummer",
  "number",
  "email",
  "personExternalId",
];

/**
 * A spreadsheet's totals line ("Summa;;;12 345,00"): its first filled cell is a word such as
 * Summa or Totalt, and nothing on it names a record.
 */
function isTotalsRow(record: readonly string[], values: TPersonImportRow): boolean {
  const first = record.find((cell) => cell !== "");
  if (first === undefined || !TOTALS_WORD.test(first)) return false;
  return IDENTIFYING_FIELDS.every((field) => values[field] === undefined || TOTALS_WORD.test(values[field] ?? ""));
}

/** A cell our export (or a careful spreadsheet user) guarded against running as a formula. */
const FORMULA_ESCAPED = /^'[=+\-@]/;

function mapHeaders(headers: string[], entity: TImportEntity, mapping: Record<string, string>): Map<string, string> {
  const aliases = importAliases(entity);
  const known = new Set(aliases.values());
  const problems: TFieldError[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    if (!known.has(field) && !field.startsWith("custom.")) {
      problems.push({
        field: `mapping.${column}`,
        code: "unknown_field",
        message: `${field} is not a field of ${entity}; a custom attribute is custom.${field}`,
      });
    }
  }
  const result = new Map<string, string>();
  const columnsOf = new Map<string, string[]>();
  for (const header of headers) {
    const field = mapping[header] ?? (header.startsWith("custom.") ? header : aliases.get(headerKey(header)));
    if (!field) continue;
    result.set(header, field);
    columnsOf.set(field, [...(columnsOf.get(field) ?? []), header]);
  }
  // Two columns for one field would leave only the last one's value: say so instead.
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) {
      problems.push({
        field: `mapping.${field}`,
        code: "duplicate_column",
        message: `The columns ${columns.join(", ")} all hold ${field}; rename or remove all but one`,
      });
    }
  }
  if (problems.length > 0) {
    throw new AppError("validation_failed", "The file's columns do not map one to one onto fields", {
      fields: problems,
    });
  }
  const fields = new Set(result.values());
  const required =
    entity === "organizations"
      ? ["name"]
      : entity === "people"
        ? ["externalId", "givenNames", "surname"]
        : entity === "orders"
          ? ["externalId", "personExternalId"]
          : ["personExternalId"];
  const standIns: Record<string, string[]> = {
    // A person is named by the source's id, or by the register's own (an edited export).
    // A spreadsheet without customer numbers names each person by their personnummer.
    externalId: entity === "people" ? ["personId", "personnummer"] : entity === "orders" ? ["number"] : [],
    // The customer of an order or activity is found by their id, personnummer or e-mail.
    personExternalId: ["personnummer", "email"],
  };
  const missing = required.filter(
    (field) => !fields.has(field) && !(standIns[field] ?? []).some((standIn) => fields.has(standIn)),
  );
  if (missing.length > 0) {
    const errors: TFieldError[] = missing.map((field) => ({
      field: `mapping.${field}`,
      code: "unmapped",
      message:
        `No column maps to ${field}; name a column ${field} or map one with --map "Column=${field}"` +
        (field === "externalId" && entity === "people"
          ? " (Kundnummer), or have a Personnummer column (or, to update records the register has, keep the lanthandelId column of an export)"
          : field === "externalId" && entity === "orders"
            ? " or number (Ordernummer)"
            : field === "personExternalId"
              ? " (Kundnummer), or have a Personnummer or E-post column to find the customer by"
              : ""),
    }));
    throw new AppError("validation_failed", `The file lacks required columns: ${missing.join(", ")}`, {
      fields: errors,
    });
  }
  return result;
}

async function importBatch(ctx: Ctx, entity: TImportEntity, rows: Row[], system: string, decimalMark: TDecimalMark) {
  if (entity === "people") return importPeople(ctx, rows, { system, decimalMark }, await importAssignees(ctx, rows));
  if (entity === "organizations") return importOrganizationBatch(ctx, rows, system, decimalMark);
  return importTimelineBatch(ctx, entity, rows, system, decimalMark);
}
