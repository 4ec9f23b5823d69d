/**
 * The result of every parser here. Bad input is the normal case on an import row, so it is a
 * value, never an exception. `code` is stable and safe to switch on; `message` is for people.
 */
export type Parsed<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { ok: false; code: C; message: string } {
  return { ok: false, code, message };
}
