import { describe, expect, it } from "vitest";
import { parseSniCode } from "./parse-sni-code";

describe("parseSniCode", () => {
  it("writes a code the one way, however it was typed", () => {
    for (const input of ["62.010", "62010", "62 010", " 62.010 "])
      expect(parseSniCode(input), input).toEqual({ ok: true, value: "62.010" });
    expect(parseSniCode("6201")).toEqual({ ok: true, value: "62.01" });
    expect(parseSniCode("62")).toEqual({ ok: true, value: "62" });
    expect(parseSniCode("01.110")).toEqual({ ok: true, value: "01.110" });
  });

  it("refuses what is not a code, and a division SNI does not have", () => {
    for (const input of ["6", "620100", "62.01.0", "62-010", "abc", ""]) {
      expect(parseSniCode(input), input).toMatchObject({ ok: false, code: "invalid_format" });
    }
    for (const input of ["04110", "34.100", "00"]) {
      expect(parseSniCode(input), input).toMatchObject({ ok: false, code: "unknown_division" });
    }
  });
});
