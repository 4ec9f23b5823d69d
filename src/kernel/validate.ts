import { z } from "zod";
import { AppError, type TFieldError } from "./errors";

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

const EARLIEST = new Date("1000-01-01T00:00:00Z");
const LATEST = new Date("9999-12-31T23:59:59.999Z");

/**
 * A point in time as input: an ISO string or epoch milliseconds, between the years 1000 and
 * 9999. JavaScript dates reach year 275 760, which the database cannot store.
 */
export const zInstant = () =>
  z.coerce
    .date({ error: "A date and time, such as 2026-03-02T14:05:00+01:00" })
    .min(EARLIEST, { error: "A date from the year 1000 or later" })
    .max(LATEST, { error: "A date before the year 10000" });
