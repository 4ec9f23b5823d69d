import type { RelativeSpan, RelativeUnit } from "./condition";

export const RELATIVE_UNITS: readonly RelativeUnit[] = ["minutes", "hours", "days"];

// Fixed lengths, not calendar arithmetic: "30 days" is the same span across a DST change in both
// compilers, where SQL interval arithmetic would follow the session's time zone.
const UNIT_MS: Readonly<Record<RelativeUnit, number>> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export function spanMs(span: RelativeSpan): number {
  return span.amount * UNIT_MS[span.unit];
}
