import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { eventTitle } from "./event-title";
import { summarizeEvent } from "./summarize-event";
import type { Enrichment } from "./types";

const enrichment: Partial<Enrichment> = {
  device: { deviceType: "mobile", os: "iOS", osVersion: "17.4", browser: "Safari", browserVersion: "17.4" },
  country: "SE",
  reference: {
    channel: "email",
    source: "newsletter",
    medium: "email",
    campaign: null,
    campaignId: null,
    term: null,
    content: null,
    affiliate: null,
    socialNetwork: null,
    searchEngine: null,
    clickIdType: null,
    clickId: null,
    referrerHost: null,
  },
};

describe("an event in the person's timeline", () => {
  it("says in Swedish what was viewed", () => {
    expect(eventTitle({ type: "page", name: null, properties: { path: "/kassa" } }, sv)).toBe("Visade /kassa");
    expect(eventTitle({ type: "track", name: "Order Completed", properties: {} }, sv)).toBe("Order Completed");
    expect(eventTitle({ type: "identify", name: null, properties: null }, sv)).toBe("Identifierad");
  });

  it("sums up the page, the device, where the visitor came from and the country", () => {
    expect(summarizeEvent({ url: "https://butiken.se/kassa" }, enrichment, sv, "sv")).toBe(
      "https://butiken.se/kassa · Safari på iOS · via newsletter · Sverige",
    );
  });

  it("leaves out a direct visit and says nothing when nothing is known", () => {
    const direct = {
      ...enrichment,
      reference: { ...(enrichment.reference as Enrichment["reference"]), channel: "direct" as const },
    };
    expect(summarizeEvent({}, direct, sv, "sv")).toBe("Safari på iOS · Sverige");
    expect(summarizeEvent(null, null, sv, "sv")).toBeNull();
  });
});
