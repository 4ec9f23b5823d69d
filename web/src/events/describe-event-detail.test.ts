import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { describeEventDetail } from "./describe-event-detail";
import { eventTitle } from "./event-title";
import type { EventDetail } from "./types";

const NOTHING: EventDetail = {
  subject: null,
  properties: [],
  traits: [],
  channel: null,
  source: null,
  campaign: null,
  device: null,
  country: null,
};
const fromNewsletter: EventDetail = {
  ...NOTHING,
  subject: "/erbjudanden/host",
  channel: "email",
  source: "nyhetsbrev",
  campaign: "host26",
  device: { deviceType: "mobile", browser: "Safari", os: "iOS" },
  country: "SE",
};

describe("an event in the person's timeline", () => {
  it("says in Swedish what was viewed", () => {
    expect(eventTitle({ type: "page", name: null, properties: { path: "/kassa" } }, sv)).toBe("Visade /kassa");
    expect(eventTitle({ type: "track", name: "Order Completed", properties: {} }, sv)).toBe("Order Completed");
    expect(eventTitle({ type: "identify", name: null, properties: null }, sv)).toBe("Identifierad");
  });

  it("details a page view: the path, where the visitor came from, the campaign, the device and the country", () => {
    expect(describeEventDetail("page", fromNewsletter, sv, "sv")).toBe(
      "/erbjudanden/host · via e-post (nyhetsbrev) · kampanj host26 · Safari på iOS · Sverige",
    );
    expect(describeEventDetail("page", fromNewsletter, en, "en")).toBe(
      "/erbjudanden/host · via email (nyhetsbrev) · campaign host26 · Safari on iOS · Sweden",
    );
  });

  it("details a track event by its telling properties, numbers and yes/no in the reader's language", () => {
    const call: EventDetail = {
      ...NOTHING,
      properties: [
        { key: "reason", value: "complaint" },
        { key: "durationSeconds", value: 1340.5 },
        { key: "callback", value: true },
      ],
    };
    expect(describeEventDetail("track", call, sv, "sv")).toBe(
      "reason: complaint · durationSeconds: 1\u00a0340,5 · callback: ja",
    );
    expect(describeEventDetail("track", call, en, "en")).toBe(
      "reason: complaint · durationSeconds: 1,340.5 · callback: yes",
    );
  });

  it("says whom an identify linked and which traits it set, not their values", () => {
    const identify: EventDetail = { ...NOTHING, subject: "kund-4711", traits: ["email", "plan"] };
    expect(describeEventDetail("identify", identify, sv, "sv")).toBe("som kund-4711 · uppgifter: email, plan");
    expect(describeEventDetail("identify", identify, en, "en")).toBe("as kund-4711 · traits: email, plan");
  });

  it("says nothing when nothing is known", () => {
    expect(describeEventDetail("track", NOTHING, sv, "sv")).toBeNull();
    const unknownDevice: EventDetail = { ...NOTHING, device: { deviceType: "other", browser: null, os: null } };
    expect(describeEventDetail("screen", unknownDevice, sv, "sv")).toBeNull();
  });
});
