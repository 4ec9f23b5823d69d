import type { trackedEvents } from "./schema";
import { shorten, type TToldProperty, tellingProperties } from "./telling-properties";

type EventRow = Pick<
  typeof trackedEvents.$inferSelect,
  "type" | "name" | "userId" | "groupId" | "properties" | "traits" | "enrichment"
>;

/**
 * What the timeline says of a tracked event below its title, in parts the app words in the
 * reader's language. Never an IP address: the country stands for where the visitor was.
 */
export interface TEventDetail {
  /** A page's path when the title names the page otherwise; the user id an identify linked; a group's id. */
  subject: string | null;
  properties: TToldProperty[];
  /** The names of the traits an identify or group call set; their values stay on the person. */
  traits: string[];
  /** Where the visitor came from, when not directly or from the site itself. */
  channel: string | null;
  source: string | null;
  campaign: string | null;
  device: { deviceType: string | null; browser: string | null; os: string | null } | null;
  country: string | null;
}

/** Segment's page properties: the title and the path say them, the rest is noise in one line. */
const PAGE_KEYS = new Set(["name", "title", "path", "url", "referrer", "search", "keywords", "hash"]);
const UNREMARKABLE = new Set(["direct", "internal"]);
const MAX_TRAITS = 4;
const MAX_SUBJECT_CHARS = 80;

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const record = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A page's path, from its `path` or else its `url` without the query, which may carry tokens. */
function pathOf(properties: Record<string, unknown>): string | null {
  const path = text(properties.path);
  if (path) return path;
  const url = text(properties.url);
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function subjectOf(event: EventRow): string | null {
  const properties = event.properties ?? {};
  switch (event.type) {
    case "page": {
      // The title reads "Viewed <name, title or path>": the path is news unless it is the title.
      const path = pathOf(properties);
      return path !== (event.name ?? text(properties.title) ?? text(properties.path)) ? path : null;
    }
    case "identify":
      return event.userId;
    case "group":
      return event.groupId;
    default:
      return null;
  }
}

export function eventDetail(event: EventRow): TEventDetail {
  const enrichment = event.enrichment ?? {};
  const reference = record(enrichment.reference);
  const channel = text(reference?.channel);
  const remarkable = channel !== null && !UNREMARKABLE.has(channel);
  const device = record(enrichment.device);
  const subject = subjectOf(event);
  return {
    subject: subject && shorten(subject, MAX_SUBJECT_CHARS),
    properties: tellingProperties(event.properties, event.type === "page" ? PAGE_KEYS : undefined),
    traits:
      event.type === "identify" || event.type === "group" ? Object.keys(event.traits ?? {}).slice(0, MAX_TRAITS) : [],
    channel: remarkable ? channel : null,
    source: remarkable ? (text(reference?.source) ?? text(reference?.referrerHost)) : null,
    campaign: text(reference?.campaign),
    device: device ? { deviceType: text(device.deviceType), browser: text(device.browser), os: text(device.os) } : null,
    country: text(enrichment.country),
  };
}

/**
 * The detail as one English line, the timeline's `summary` for API clients, e.g. "reason:
 * complaint · via email (newsletter) · campaign host26 · Safari on iOS · SE". The app words the
 * same parts in the reader's language.
 */
export function eventDetailLine(type: EventRow["type"], detail: TEventDetail): string | null {
  const subject =
    detail.subject && type === "identify"
      ? `as ${detail.subject}`
      : detail.subject && type === "group"
        ? `group ${detail.subject}`
        : detail.subject;
  const { browser = null, os = null, deviceType = null } = detail.device ?? {};
  // "Other" says nothing; a phone or a tablet does.
  const device =
    browser && os ? `${browser} on ${os}` : (browser ?? os ?? (deviceType === "other" ? null : deviceType));
  const parts = [
    subject,
    ...detail.properties.map(({ key, value }) => `${key}: ${value}`),
    detail.traits.length > 0 ? `traits: ${detail.traits.join(", ")}` : null,
    detail.channel ? `via ${detail.channel.replaceAll("_", " ")}${detail.source ? ` (${detail.source})` : ""}` : null,
    detail.campaign ? `campaign ${detail.campaign}` : null,
    device,
    detail.country,
  ];
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}
