import { AppError, type TFieldError } from "./errors";

/** Collects every field at fault, so one response names them all instead of the first only. */
export class FieldErrors {
  readonly list: TFieldError[] = [];

  add(field: string, code: string, message: string): void {
    this.list.push({ field, code, message });
  }

  throwIfAny(message = "The input is not valid"): void {
    if (this.list.length > 0) throw new AppError("validation_failed", message, { fields: this.list });
  }
}
