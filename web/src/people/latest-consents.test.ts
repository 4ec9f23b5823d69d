import { describe, expect, it } from "vitest";
import type { Consent } from "../register/types";
import { consentKey, consentPurposes, latestConsents } from "./latest-consents";

const consent = (purpose: string, status: Consent["status"], recordedAt: string): Consent => ({
  purpose,
  channel: "email",
  status,
  recordedAt,
  note: null,
  source: { system: "web", externalId: null, receivedAt: recordedAt },
});

describe("consents in force", () => {
  it("takes the latest decision per purpose and channel", () => {
    const latest = latestConsents([
      consent("marketing", "withdrawn", "2026-03-02T10:00:00Z"),
      consent("marketing", "granted", "2026-01-01T10:00:00Z"),
    ]);
    expect(latest.get(consentKey("marketing", "email"))?.status).toBe("withdrawn");
  });

  it("always lists marketing first", () => {
    expect(consentPurposes([consent("newsletter", "granted", "2026-01-01T10:00:00Z")])).toEqual([
      "marketing",
      "newsletter",
    ]);
  });
});
