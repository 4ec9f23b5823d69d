import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseVatNumber } from "./parse-vat-number";

describe("parseVatNumber", () => {
  it("normalises a Swedish VAT number written the ways people write it", () => {
    for (const input of ["SE556036079301", "se 5560 3607 9301", "SE556036-079301", " SE 556036-0793 01 "]) {
      expect(parseVatNumber(input), input).toEqual({ ok: true, value: "SE556036079301" });
    }
  });

  it("accepts a sole trader's VAT number, built on the personnummer", () => {
    expect(parseVatNumber("SE121212121201")).toEqual({ ok: true, value: "SE121212121201" });
  });

  it("refuses a Swedish VAT number with a bad organisationsnummer or without 01", () => {
    for (const input of ["SE556036079401", "SE556036079302", "SE5560360793", "SE55603607930101", "SE55603607930A"]) {
      expect(parseVatNumber(input), input).toMatchObject({ ok: false, code: "invalid_vat_number" });
    }
  });

  it("accepts other EU numbers by shape", () => {
    expect(parseVatNumber("de 123 456 789")).toEqual({ ok: true, value: "DE123456789" });
    expect(parseVatNumber("BE 0123.456.789")).toEqual({ ok: true, value: "BE0123456789" });
    expect(parseVatNumber("ESX1234567X")).toEqual({ ok: true, value: "ESX1234567X" });
    expect(parseVatNumber("EL123456789")).toEqual({ ok: true, value: "EL123456789" });
    expect(parseVatNumber("NL123456789B01")).toEqual({ ok: true, value: "NL123456789B01" });
  });

  it("refuses prefixes outside the EU exchange and malformed numbers", () => {
    for (const input of [
      "GR123456789",
      "US123456789",
      "NO123456789MVA",
      "DE1",
      "DE12345678901234",
      "123456789",
      "",
      "DE 123/456",
    ]) {
      expect(parseVatNumber(input), input).toMatchObject({ ok: false, code: "invalid_vat_number" });
    }
  });

  it("gives an upper-case value without separators whenever it accepts", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const parsed = parseVatNumber(input);
        return !parsed.ok || /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(parsed.value);
      }),
    );
  });
});
