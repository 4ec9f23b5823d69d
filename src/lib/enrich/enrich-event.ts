import { anonymizeIp, type IpMode } from "./anonymize-ip";
import { classifyReference, type Reference } from "./classify-reference";
import type { CountryLookup } from "./load-country-lookup";
import { type LocalTime, localTimeOf } from "./local-time-of";
import { parseUserAgent, type UserAgentInfo } from "./parse-user-agent";

export interface EventEnrichment {
  device: UserAgentInfo | null;
  country: string | null;
  /** The address after anonymizeIp with the configured mode. */
  ip: string | null;
  local: LocalTime | null;
  reference: Reference;
  screen: { width: number; height: number } | null;
  locale: string | null;
}

export interface EnrichEventInput {
  /** Segment's context: userAgent, ip, timezone, locale, screen, page, campaign, referrer. */
  context: Record<string, unknown> | undefined;
  properties: Record<string, unknown> | undefined;
  timestamp: Date;
  requestIp: string | null;
  requestUserAgent: string | null;
  ipMode: IpMode;
  countries: CountryLookup | null;
  defaultTimeZone?: string;
}

const NOTHING: Record<string, unknown> = Object.freeze({});
const MAX_LOCALE_LENGTH = 35;
const MAX_SCREEN_SIDE = 100_000;

/**
 * What an incoming event says about its visitor beyond its own fields: device, country, local
 * time and where the visit came from. The client's own context wins over what the HTTP request
 * shows, because a server-side library forwards events on a visitor's behalf. The country is
 * read from the full address before the address is anonymised, so truncating or dropping it
 * costs no country. Page properties count when context.page is missing, as server-side
 * libraries send page calls that way.
 */
export function enrichEvent(input: EnrichEventInput): EventEnrichment {
  const context = input.context ?? NOTHING;
  const properties = input.properties ?? NOTHING;
  const page = record(context.page);
  const rawIp = text(context.ip) ?? input.requestIp;
  const pageUrl = text(page?.url) ?? text(properties.url);
  const search = text(page?.search) ?? text(properties.search);
  const referrer = text(page?.referrer) ?? text(properties.referrer) ?? referrerOf(context.referrer);
  return {
    device: parseUserAgent(text(context.userAgent) ?? input.requestUserAgent),
    country: rawIp !== null && input.countries !== null ? input.countries.countryOf(rawIp) : null,
    ip: anonymizeIp(rawIp, input.ipMode),
    local: localTimeOf(input.timestamp, text(context.timezone), input.defaultTimeZone),
    reference: classifyReference({
      pageUrl: withSearch(pageUrl, search),
      referrer,
      campaign: record(context.campaign),
    }),
    screen: screenOf(record(context.screen)),
    locale: localeOf(context.locale),
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Segment's context.referrer is an object ({ type, id, url, link }) for app installs, a string from some clients. */
function referrerOf(value: unknown): string | null {
  const asRecord = record(value);
  return asRecord === null ? text(value) : (text(asRecord.url) ?? text(asRecord.link));
}

/** Some clients send the query only in page.search; classification reads it from the URL. */
function withSearch(url: string | null, search: string | null): string | null {
  if (search === null || url?.includes("?")) return url;
  const query = search.startsWith("?") ? search : `?${search}`;
  if (url === null) return query;
  const hash = url.indexOf("#");
  return hash === -1 ? url + query : url.slice(0, hash) + query + url.slice(hash);
}

function screenOf(screen: Record<string, unknown> | null): EventEnrichment["screen"] {
  if (screen === null) return null;
  const { width, height } = screen;
  if (!isSide(width) || !isSide(height)) return null;
  return { width: Math.round(width), height: Math.round(height) };
}

function isSide(value: unknown): value is number {
  return typeof value === "number" && value > 0 && value <= MAX_SCREEN_SIDE;
}

function localeOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const locale = value.trim();
  return locale !== "" && locale.length <= MAX_LOCALE_LENGTH ? locale : null;
}
