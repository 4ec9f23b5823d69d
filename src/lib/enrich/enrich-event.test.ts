import { describe, expect, it } from "vitest";
import { enrichEvent } from "./enrich-event";
import type { CountryLookup } from "./load-country-lookup";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const SERVER_LIBRARY = "server-library/1.0";

/** Stands in for the registry data so these tests say what enrichEvent does with an answer. */
const countries: CountryLookup = { countryOf: (ip) => (ip.startsWith("193.10.") ? "SE" : null) };

const base = {
  properties: undefined,
  timestamp: new Date("2025-03-03T12:15:00Z"),
  requestIp: "81.2.69.160",
  requestUserAgent: SERVER_LIBRARY,
  ipMode: "truncate" as const,
  countries,
};

describe("enrichEvent", () => {
  it("reads a browser's page view: device, country, local time, screen, locale and campaign", () => {
    const enrichment = enrichEvent({
      ...base,
      context: {
        ip: "193.10.5.77",
        userAgent: IPHONE_SAFARI,
        timezone: "Europe/Stockholm",
        locale: "sv-SE",
        screen: { width: 390, height: 844, density: 3 },
        page: {
          url: "https://www.butiken.example/kampanj?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=mars",
          referrer: "https://mail.google.com/",
        },
      },
    });
    expect(enrichment).toMatchObject({
      device: { deviceType: "mobile", os: "iOS", browser: "Safari" },
      country: "SE",
      ip: "193.10.5.0",
      local: { timeZone: "Europe/Stockholm", localHour: 13, weekday: 1, localDate: "2025-03-03" },
      screen: { width: 390, height: 844 },
      locale: "sv-SE",
      reference: { channel: "email", source: "nyhetsbrev", campaign: "mars", referrerHost: "mail.google.com" },
    });
  });

  it("takes the visitor's address and user agent from the context over those of the forwarding server", () => {
    const enrichment = enrichEvent({
      ...base,
      ipMode: "keep",
      context: { ip: "193.10.5.77", userAgent: IPHONE_SAFARI },
    });
    expect(enrichment.ip).toBe("193.10.5.77");
    expect(enrichment.device?.os).toBe("iOS");
    const fromRequest = enrichEvent({ ...base, ipMode: "keep", context: {} });
    expect(fromRequest.ip).toBe("81.2.69.160");
    expect(fromRequest.device?.deviceType).toBe("other");
  });

  it("still finds the country when the address is dropped", () => {
    const enrichment = enrichEvent({ ...base, ipMode: "drop", context: { ip: "193.10.5.77" } });
    expect(enrichment).toMatchObject({ ip: null, country: "SE" });
  });

  it("reads a server-side page call from its properties and its query from page.search", () => {
    const enrichment = enrichEvent({
      ...base,
      context: { page: { search: "?gclid=abc" } },
      properties: { url: "https://butiken.example/", referrer: "https://www.google.se/" },
    });
    expect(enrichment.reference).toMatchObject({ channel: "paid_search", clickId: "abc", searchEngine: "google" });
  });

  it("takes the referrer from an app's context.referrer object", () => {
    const enrichment = enrichEvent({ ...base, context: { referrer: { type: "link", url: "https://t.co/x" } } });
    expect(enrichment.reference).toMatchObject({ channel: "social", socialNetwork: "x" });
  });

  it("ignores malformed context values instead of failing the event", () => {
    const enrichment = enrichEvent({
      ...base,
      requestIp: null,
      requestUserAgent: null,
      countries: null,
      context: { ip: 12, userAgent: ["x"], timezone: 5, locale: "x".repeat(100), screen: { width: "wide" }, page: "p" },
      properties: { url: 7 },
    });
    expect(enrichment).toMatchObject({
      device: null,
      country: null,
      ip: null,
      screen: null,
      locale: null,
      local: { timeZone: "Europe/Stockholm" },
      reference: { channel: "direct" },
    });
  });

  it("uses the configured zone when the event has none", () => {
    const enrichment = enrichEvent({ ...base, context: undefined, defaultTimeZone: "Europe/Helsinki" });
    expect(enrichment.local).toMatchObject({ timeZone: "Europe/Helsinki", localHour: 14 });
  });
});
