import type { z } from "zod";
import { AppError, type TFieldError } from "./errors";

export function zodFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): TFieldError[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path].map(String).join(".") || "(body)",
    code: issue.code === "custom" ? String(issue.params?.code ?? "invalid") : issue.code,
    message: issue.message,
  }));
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
