import type { SQL } from "drizzle-orm";

export type FieldType = "number" | "kronor" | "text" | "choice" | "boolean" | "date" | "timestamp";

/** What one evaluation sees, e.g. `{ now, person: {...}, traits: {...}, orders: {...}, event: {...} }`. */
export interface Facts {
  now: Date;
  [group: string]: unknown;
}

/**
 * One field a condition can test, registered by the module that owns the data. Its `js` and `sql`
 * must describe the same value: the two compilers only agree when the fields do.
 *
 * Values `js` may return, per type: number/kronor a number, bigint or numeric string (as the
 * drivers return numeric and bigint columns); text/choice a string; boolean a boolean; date a
 * `YYYY-MM-DD` string or a Date at UTC midnight; timestamp a Date or an ISO string. Anything else
 * counts as no value. `sql` must yield the matching PostgreSQL type (numeric types, text, boolean,
 * date, timestamptz); cast enums to text.
 */
export interface FieldDef {
  /** Dotted, e.g. "person.lifecycle_stage", "trait.complaint_calls_90d", "event.context.country". */
  key: string;
  /** Shown in the builder, e.g. "Complaint calls, 90 days". */
  label: string;
  type: FieldType;
  /** For "choice": the values eq/neq/in/not_in may name. */
  choices?: readonly string[];
  /** Reads the value from the facts; null/undefined = no value. */
  js: (facts: Facts) => unknown;
  /**
   * The same value as a SQL expression over the caller's base query, or null when the field only
   * exists per event. Receives the bound "now" so time-relative fields agree with `js`.
   */
  sql: ((now: SQL) => SQL) | null;
  /** Which fact group must be loaded before evaluating. */
  group: string;
}
