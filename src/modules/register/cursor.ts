import { AppError } from "../../kernel/errors";

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined): T | null {
  if (!cursor) return null;
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as T;
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this API gave out", {
      fields: [{ field: "cursor", code: "invalid_cursor", message: "Use nextCursor from the previous page" }],
    });
  }
}
