import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePostnummer } from "./parse-postnummer";

describe("parsePostnummer", () => {
  it("normalises the written forms to '123 45'", () => {
    for (const input of ["12345", "123 45", "SE-123 45", "S-12345", "se-12345", "SE 123 45", "SE12345", " 123 45 "]) {
      expect(parsePostnummer(input), input).toEqual({ ok: true, value: { normalized: "123 45" } });
    }
    expect(parsePostnummer("SE-11122")).toEqual({ ok: true, value: { normalized: "111 22" } });
  });

  it("refuses a leading zero, wrong lengths and other shapes", () => {
    for (const input of [
      "01234",
      "1234",
      "123456",
      "12 345",
      "1234 5",
      "-12345",
      "DK-12345",
      "12345 Stockholm",
      "",
      "abcde",
    ]) {
      expect(parsePostnummer(input), input).toMatchObject({ ok: false, code: "invalid_postnummer" });
    }
  });

  it("reads every postnummer back from its normalised form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 99999 }), (n) => {
        const digits = String(n);
        const parsed = parsePostnummer(digits);
        return (
          parsed.ok &&
          parsePostnummer(parsed.value.normalized).ok &&
          parsed.value.normalized.replace(" ", "") === digits
        );
      }),
    );
  });
});
