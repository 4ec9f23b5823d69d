import { describe, expect, it } from "vitest";
import { listQueryString, parseAttributeFilter, parseConsentFilter, validFilterTexts } from "./list-filters";

describe("list filters in the address", () => {
  it("reads an attribute filter as the API writes it, a time's colons included, and nothing else", () => {
    expect(parseAttributeFilter("custom.kundniva:eq:Guld")).toEqual({
      field: "custom.kundniva",
      op: "eq",
      value: "Guld",
    });
    expect(parseAttributeFilter("custom.mote:gt:09:30")).toEqual({ field: "custom.mote", op: "gt", value: "09:30" });
    expect(parseAttributeFilter("custom.kundniva:empty")).toEqual({ field: "custom.kundniva", op: "empty" });
    expect(parseAttributeFilter("custom.kundniva:eq")).toBeNull();
    expect(parseAttributeFilter("custom.kundniva:like:G")).toBeNull();
    expect(parseAttributeFilter("birthDate:lt:1980-01-01")).toEqual({
      field: "birthDate",
      op: "lt",
      value: "1980-01-01",
    });
    expect(parseAttributeFilter("custom.Kund nivå:eq:Guld")).toBeNull();
    expect(parseAttributeFilter("1abc:eq:x")).toBeNull();
  });

  it("reads a marketing consent filter, and refuses another purpose, channel or status", () => {
    expect(parseConsentFilter("marketing:email:granted")).toEqual({ channel: "email", status: "granted" });
    expect(parseConsentFilter("service:email:granted")).toBeNull();
    expect(parseConsentFilter("marketing:fax:granted")).toBeNull();
    expect(parseConsentFilter("marketing:sms:maybe")).toBeNull();
  });

  it("keeps the valid filters of a hand-edited address once each, and writes them repeated", () => {
    expect(validFilterTexts(["custom.a:eq:1", "junk", "custom.a:eq:1"], parseAttributeFilter)).toEqual([
      "custom.a:eq:1",
    ]);
    expect(validFilterTexts("custom.a:not_empty", parseAttributeFilter)).toEqual(["custom.a:not_empty"]);
    expect(validFilterTexts(["junk"], parseAttributeFilter)).toBeUndefined();
    expect(listQueryString({ q: "ek", filter: ["custom.a:eq:1", "custom.b:lt:5"], city: undefined })).toBe(
      "q=ek&filter=custom.a%3Aeq%3A1&filter=custom.b%3Alt%3A5",
    );
  });
});
