import { describe, expect, it } from "vitest";
import { eventDetail, eventDetailLine } from "./event-detail";

const event = (overrides: Partial<Parameters<typeof eventDetail>[0]>): Parameters<typeof eventDetail>[0] => ({
  type: "track",
  name: null,
  userId: null,
  groupId: null,
  properties: null,
  traits: null,
  enrichment: null,
  ...overrides,
});
const line = (overrides: Partial<Parameters<typeof eventDetail>[0]>) => {
  const row = event(overrides);
  return eventDetailLine(row.type, eventDetail(row));
};

describe("eventDetail", () => {
  it("shows the semantic properties first, then the rest in the order sent, at most three", () => {
    const properties = { queue: "kundtjänst", shelf: "B4", total: 499, reason: "complaint" };
    expect(line({ name: "Support Call", properties })).toBe("reason: complaint · total: 499 · queue: kundtjänst");
  });

  it("leaves out ids, links, contact details, secrets, IP addresses and anything not a plain value", () => {
    const properties = {
      orderId: "o-1",
      customer_id: 7,
      url: "https://shop.example.se/kassa",
      receipt: "https://shop.example.se/kvitto/1",
      email: "stig@example.se",
      accessToken: "abc",
      clientIp: "1.178.93.17",
      seen_from: "2001:db8::1",
      items: [{ sku: "ved-40" }],
      coupon: "",
      step: 2,
    };
    expect(line({ properties })).toBe("step: 2");
  });

  it("shortens long values after a whole word", () => {
    const properties = { note: "Kunden ringde om en försenad leverans av ved och vill ha besked i dag" };
    expect(eventDetail(event({ properties })).properties).toEqual([
      { key: "note", value: "Kunden ringde om en försenad leverans…" },
    ]);
  });

  it("gives a named page its path, without the query, and its visitor's way in", () => {
    const enrichment = {
      ip: "1.178.93.0",
      country: "SE",
      device: { deviceType: "desktop", browser: "Firefox", os: "Windows" },
      reference: { channel: "paid_search", source: "google", campaign: "vinter" },
    };
    const url = "https://shop.example.se/vinter/ved?gclid=Cj0&token=hemligt";
    expect(
      line({ type: "page", name: "Vinterved", properties: { url, title: "Ved", category: "ved" }, enrichment }),
    ).toBe("/vinter/ved · category: ved · via paid search (google) · campaign vinter · Firefox on Windows · SE");
    // A page known only by its path has it in its title already.
    expect(line({ type: "page", properties: { path: "/kassa" } })).toBeNull();
  });

  it("says whom an identify linked and which traits it set, not their values", () => {
    const traits = { email: "stig@example.se", firstName: "Stig", plan: "guld", city: "Ludvika", age: 61 };
    expect(line({ type: "identify", userId: "kund-881", traits })).toBe(
      "as kund-881 · traits: email, firstName, plan, city",
    );
  });

  it("leaves out a direct visit and a device it knows nothing of", () => {
    const enrichment = {
      reference: { channel: "direct", source: null, campaign: null },
      device: { deviceType: "other", browser: null, os: null },
    };
    expect(line({ enrichment })).toBeNull();
  });
});
