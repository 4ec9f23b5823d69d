// PostgreSQL's text form, as drivers return timestamptz when not parsing it: "2024-03-31 01:30:00.5+02".
const POSTGRES_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(:?\d{2})?$/;

/** Milliseconds since the epoch of a timestamp field's value (a Date or an ISO string), or null. */
export function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  if (!Number.isNaN(ms)) return ms;
  const match = POSTGRES_TEXT.exec(value);
  if (!match) return null;
  const minutes = match[4] ? match[4].replace(":", "") : "00";
  const iso = Date.parse(`${match[1]}T${match[2]}${match[3]}:${minutes}`);
  return Number.isNaN(iso) ? null : iso;
}
