import { IANAZone } from "luxon";
import { createLruCache } from "./create-lru-cache";

export interface LocalTime {
  timeZone: string;
  localHour: number;
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  /** YYYY-MM-DD in the zone. */
  localDate: string;
}

const DEFAULT_ZONE = "Europe/Stockholm";
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/**
 * Offsets change at most once in any quarter of an hour (transitions fall on whole, half or
 * quarter hours), so the offset is remembered per quarter hour and zone: asking Intl costs
 * microseconds, and a stream's events fall into few quarter hours.
 */
const BUCKET_MS = 15 * 60_000;
/** Two days of quarter hours per zone, then the zone starts over. */
const MAX_BUCKETS = 192;

interface ZoneState {
  name: string;
  zone: IANAZone;
  offsets: Map<number, number>;
  day: number;
  date: string;
}

/** Clients send any string as their zone; the cache is bounded so nonsense cannot grow it. */
const zones = createLruCache<string, ZoneState | null>(1_000);

/**
 * The wall-clock hour, ISO weekday and date of an instant in a visitor's zone. A missing or
 * unknown zone falls back to `fallbackZone` (default Europe/Stockholm); null only when neither
 * is a zone or the instant is invalid.
 */
export function localTimeOf(
  timestamp: Date,
  timeZone: string | null | undefined,
  fallbackZone: string = DEFAULT_ZONE,
): LocalTime | null {
  const ms = timestamp.getTime();
  if (Number.isNaN(ms)) return null;
  const state =
    (typeof timeZone === "string" && timeZone !== "" ? zoneState(timeZone) : null) ?? zoneState(fallbackZone);
  if (state === null) return null;
  const localMs = ms + offsetAt(state, ms);
  const day = Math.floor(localMs / DAY_MS);
  if (day !== state.day) {
    state.day = day;
    state.date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return {
    timeZone: state.name,
    localHour: Math.floor((localMs - day * DAY_MS) / HOUR_MS),
    // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
    weekday: ((((day + 3) % 7) + 7) % 7) + 1,
    localDate: state.date,
  };
}

function zoneState(name: string): ZoneState | null {
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  let state: ZoneState | null = null;
  if (name.length <= 64 && IANAZone.isValidZone(name)) {
    state = {
      // "europe/stockholm" and "Europe/Stockholm" are one zone; reports should say it one way.
      name: new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone,
      zone: IANAZone.create(name),
      offsets: new Map(),
      day: Number.NaN,
      date: "",
    };
  }
  zones.set(name, state);
  return state;
}

function offsetAt(state: ZoneState, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  const known = state.offsets.get(bucket);
  if (known !== undefined) return known;
  const start = state.zone.offset(bucket * BUCKET_MS);
  const end = state.zone.offset((bucket + 1) * BUCKET_MS - 1);
  // Should tzdata ever move a zone at another instant, that quarter hour is simply not cached.
  if (start !== end) return state.zone.offset(ms) * 60_000;
  if (state.offsets.size >= MAX_BUCKETS) state.offsets.clear();
  state.offsets.set(bucket, start * 60_000);
  return start * 60_000;
}
