import Bowser from "bowser";
import { createLruCache } from "./create-lru-cache";

export interface UserAgentInfo {
  deviceType: "desktop" | "mobile" | "tablet" | "tv" | "bot" | "other";
  os: string | null;
  osVersion: string | null;
  browser: string | null;
  browserVersion: string | null;
}

/** Event streams repeat a few hundred user agents; parsing one costs tens of microseconds. */
const CACHE_SIZE = 5_000;
/** Longer strings are padding or attacks; cutting them bounds both the cache and the regexes. */
const MAX_LENGTH = 512;

/**
 * Crawlers and HTTP libraries that the parser does not name. "bot" must end a token, since
 * some phone models merely end in those letters.
 */
const BOT_PATTERN =
  /bot[/;)]|bot$|\bbot\b|crawl|spider|slurp|headlesschrome|lighthouse|^curl\/|^wget\/|^python-|^go-http-client|^java\/|^okhttp|^axios\/|^node-fetch|^undici/i;
/** Television sticks and sets that the parser reports as tablets or phones. */
const TV_PATTERN =
  /\b(?:android tv|google ?tv|smart-?tv|appletv|apple tv|crkey|roku|aft[a-z]{1,4}\b|bravia|hbbtv|web0s)/i;

const DEVICE_TYPES = new Set(["desktop", "mobile", "tablet", "tv", "bot"]);

const cache = createLruCache<string, UserAgentInfo | null>(CACHE_SIZE);

/** Device, OS and browser of a User-Agent header, or null when there is none. */
export function parseUserAgent(ua: string | null | undefined): UserAgentInfo | null {
  if (typeof ua !== "string") return null;
  const key = ua.length > MAX_LENGTH ? ua.slice(0, MAX_LENGTH) : ua;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const info = parseUncached(key.trim());
  cache.set(key, info);
  return info;
}

function parseUncached(ua: string): UserAgentInfo | null {
  if (ua === "") return null;
  const parser = Bowser.getParser(ua, true);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const platformType = parser.getPlatformType(true);
  // This OS reports its kernel version ("NT 10.0"); the version name ("10") is what people call it.
  const osVersion = os.name === "Windows" ? (os.versionName ?? os.version) : os.version;
  return Object.freeze({
    deviceType: deviceTypeOf(ua, platformType),
    os: os.name || null,
    osVersion: osVersion || null,
    browser: browser.name || null,
    browserVersion: browser.version || null,
  });
}

function deviceTypeOf(ua: string, platformType: string): UserAgentInfo["deviceType"] {
  if (platformType === "bot") return "bot";
  if (BOT_PATTERN.test(ua)) return "bot";
  if (TV_PATTERN.test(ua)) return "tv";
  return DEVICE_TYPES.has(platformType) ? (platformType as UserAgentInfo["deviceType"]) : "other";
}
