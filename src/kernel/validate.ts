import type { z } from "zod";
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
