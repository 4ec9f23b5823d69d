import { AppError } from "../kernel/errors";
import { parseInstant } from "../kernel/local-time";
import { readSpreadsheetNumber, type TDecimalMark } from "../lib/spreadsheet-number";
import { isoDayOf, type TImportBatchResult } from "../modules/register";

/** A number as the file writes it (see `readSpreadsheetNumber`); a row error otherwise. */
export function importNumber(value: string | undefined, field: string, decimalMark: TDecimalMark): number | undefined {
  if (value === undefined) return undefined;
  const read = readSpreadsheetNumber(value, decimalMark);
  if (!read.ok) {
    throw new AppError("validation_failed", `${field} is not a number`, {
      fields: [{ field, code: read.code, message: read.message }],
    });
  }
  return Number(read.text);
}

/**
 * A date or time as Swedish files write it: 2026-03-02, 2026-03-02 14:05, an ISO time, or
 * 02/03/2026 and 2.3.2026 read day first, as in Sweden (never month first, as JavaScript would).
 * Read as the API reads it (`parseInstant`): a time without an offset is the installation's local
 * time, a date alone the start of that day.
 */
export function importDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const day = isoDayOf(value);
  const iso = /^\d{4}-\d{2}-\d{2}([ T]|$)/.test(day) ? day : null;
  const parsed = iso === null ? null : parseInstant(iso);
  if (parsed?.ok) return parsed.date;
  throw new AppError("validation_failed", `${field} is not a date`, {
    fields: [
      parsed && parsed.code !== "invalid_date"
        ? { field, code: parsed.code, message: parsed.message }
        : { field, code: "invalid_date", message: "A date such as 2026-03-02, 2026-03-02 14:05 or 02/03/2026" },
    ],
  });
}

/** A row refused with `error`: counted as failed, each field at fault reported on its own line. */
export function refuseRow(result: TImportBatchResult, row: number, error: AppError): void {
  result.failed += 1;
  const fields = error.fields.length ? error.fields : [{ field: "(row)", code: error.code, message: error.message }];
  result.errors.push(...fields.map((field) => ({ row, ...field })));
}
