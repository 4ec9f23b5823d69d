import { z } from "zod";
import { AppError } from "../../kernel/errors";

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Reads a cursor this API gave out; anything else, however it was made, is `invalid_cursor`. */
export function decodeCursor<S extends z.ZodType>(shape: S, cursor: string | undefined): z.output<S> | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

export const invalidCursor = () =>
  new AppError("validation_failed", "The cursor is not one this API gave out", {
    fields: [{ field: "cursor", code: "invalid_cursor", message: "Use nextCursor from the previous page" }],
  });

/** The position in a ranked result (fuzzy search), which has no key to continue from. */
export const ZOffsetCursor = z.strictObject({ o: z.number().int().min(0).max(100_000) });
