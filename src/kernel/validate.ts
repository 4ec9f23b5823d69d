import { z } from "zod";
import { AppError, type TFieldError } from "./errors";
import { EARLIEST_YEAR, LATEST_YEAR, parseInstant } from "./local-time";

export function zodFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): TFieldError[] {
  const fieldOf = (path: readonly PropertyKey[]) => [...prefix, ...path].map(String).join(".") || "(body)";
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          field: fieldOf([...issue.path, key]),
          code: "unknown_field",
          message: "This field is not known here",
        }))
      : [
          {
            field: fieldOf(issue.path),
            code: issue.code === "custom" ? String(issue.params?.code ?? "invalid") : issue.code,
            message: issue.message,
          },
        ],
  );
}

/** Parses verb input; a failure becomes `validation_failed` naming every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The input is not valid", {
      fields: zodFieldErrors(parsed.error),
    });
  }
  return parsed.data;
}

/**
 * `parseInput` for each of many inputs (a bulk verb's): the valid ones with their place in the
 * list, and for each refused one its place and its `validation_failed` error.
 */
export function parseEach<S extends z.ZodType>(
  schema: S,
  inputs: readonly unknown[],
): { valid: Array<{ index: number; data: z.output<S> }>; refused: Array<{ index: number; error: AppError }> } {
  const valid: Array<{ index: number; data: z.output<S> }> = [];
  const refused: Array<{ index: number; error: AppError }> = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = schema.safeParse(input);
    if (parsed.success) valid.push({ index, data: parsed.data });
    else {
      const error = new AppError("validation_failed", "The input is not valid", {
        fields: zodFieldErrors(parsed.error),
      });
      refused.push({ index, error });
    }
  }
  return { valid, refused };
}

// A Date handed in by the server's own code (an import, or a verb re-reading input a route
// already parsed) may lie up to a day outside the written years, once its offset is applied.
const EARLIEST = Date.UTC(EARLIEST_YEAR, 0, 1) - 86_400_000;
const LATEST = Date.UTC(LATEST_YEAR + 1, 0, 1) + 86_400_000;

/**
 * A point in time as input: an ISO 8601 string (see `parseInstant`: the day must exist, a time
 * without an offset is read in the installation's time zone and must exist there, a date alone is
 * the start of that day), between the years 1000 and 9999. Numbers and booleans are refused: an
 * epoch count says nothing of its unit, and `true` is not a time. Date objects pass, for callers
 * inside the server.
 */
export const zInstant = () =>
  z
    .unknown()
    .transform((value, ctx): Date => {
      if (value instanceof Date) {
        const time = value.getTime();
        if (!Number.isNaN(time) && time >= EARLIEST && time < LATEST) return value;
        ctx.addIssue({ code: "custom", params: { code: "invalid_date" }, message: "Not a date the register can hold" });
        return z.NEVER;
      }
      if (typeof value !== "string") {
        ctx.addIssue({
          code: "custom",
          params: { code: "invalid_type" },
          message: "A date and time as text, such as 2026-03-02T14:05:00+01:00",
        });
        return z.NEVER;
      }
      const parsed = parseInstant(value);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({ code: "custom", params: { code: parsed.code }, message: parsed.message });
      return z.NEVER;
    })
    .meta({
      type: "string",
      format: "date-time",
      description:
        "ISO 8601. Without an offset, local time in the installation's zone (DEFAULT_TIME_ZONE); a date alone is the start of that day there.",
      examples: ["2026-03-02T14:05:00+01:00", "2026-03-02T14:05", "2026-03-02"],
    });

/** The name a source system is known by in lineage and external ids: webshop, erp, import:customers. */
export const zSystemName = () =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.:-]{0,59}$/, "A lower-case system name such as webshop, erp or import:customers");

/** The record of another system a write comes from: its system, and its id there. */
export const ZSourceRecord = z.strictObject({
  system: zSystemName(),
  externalId: z.string().min(1).max(200).optional(),
});
