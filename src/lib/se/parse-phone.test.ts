import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePhone } from "./parse-phone";

describe("parsePhone", () => {
  it("reads a Swedish mobile number", () => {
    expect(parsePhone("070-123 45 67")).toEqual({
      ok: true,
      value: { e164: "+46701234567", type: "mobile", country: "SE", national: "070-123 45 67" },
    });
  });

  it("reads a Stockholm landline", () => {
    expect(parsePhone("08-123 456 78")).toEqual({
      ok: true,
      value: { e164: "+46812345678", type: "landline", country: "SE", national: "08-123 456 78" },
    });
  });

  it("reads the same number in its international spellings", () => {
    for (const input of ["+46701234567", "+46 (0)70-123 45 67", "0046 70 123 45 67", "0701234567"]) {
      const parsed = parsePhone(input);
      expect(parsed.ok && parsed.value.e164, input).toBe("+46701234567");
    }
  });

  it("reads foreign numbers with their own country", () => {
    expect(parsePhone("+47 412 34 567")).toMatchObject({ ok: true, value: { country: "NO", type: "mobile" } });
    expect(parsePhone("412 34 567", "no")).toMatchObject({ ok: true, value: { e164: "+4741234567" } });
    expect(parsePhone("+44 20 7946 0958")).toMatchObject({ ok: true, value: { country: "GB", type: "landline" } });
  });

  it("calls what it cannot classify other", () => {
    expect(parsePhone("020-123 456")).toMatchObject({ ok: true, value: { type: "other" } });
    expect(parsePhone("010-123 45 67")).toMatchObject({ ok: true, value: { type: "other" } });
    expect(parsePhone("+1 212 555 0123")).toMatchObject({ ok: true, value: { type: "other", country: "US" } });
  });

  it("refuses what is not a valid number", () => {
    for (const input of ["", "abc", "070", "+4712345678", "070-123 45 67 89 01", "0123 4567"]) {
      expect(parsePhone(input), input).toMatchObject({ ok: false, code: "invalid_phone" });
    }
  });

  it("refuses an unknown default country instead of guessing", () => {
    expect(parsePhone("0701234567", "XX")).toMatchObject({ ok: false, code: "invalid_phone" });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("SE", "NO", "US", "XX", ""), (input, country) => {
        const parsed = parsePhone(input, country);
        return parsed.ok ? parsed.value.e164.startsWith("+") : parsed.code === "invalid_phone";
      }),
    );
  });
});
