import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAddressLines } from "./parse-address-lines";

describe("parseAddressLines", () => {
  it("splits c/o, street and apartment", () => {
    expect(parseAddressLines(["c/o Svensson", "Storgatan 1 lgh 1102"])).toEqual({
      street: "Storgatan 1",
      careOf: "Svensson",
      box: null,
      apartment: "1102",
    });
  });

  it("recognises the ways c/o is written", () => {
    for (const line of [
      "c/o Andersson",
      "C/O Andersson",
      "co Andersson",
      "CO Andersson",
      "c/o: Andersson",
      "c / o Andersson",
    ]) {
      expect(parseAddressLines([line]).careOf, line).toBe("Andersson");
    }
    expect(parseAddressLines(["Coopvägen 3"]).careOf).toBeNull();
  });

  it("reads a c/o line that also holds the street", () => {
    expect(parseAddressLines(["c/o Andersson, Storgatan 1"])).toMatchObject({
      careOf: "Andersson",
      street: "Storgatan 1",
    });
  });

  it("recognises box addresses", () => {
    for (const line of ["Box 123", "Box123", "BOX 123", "Postbox 123"]) {
      expect(parseAddressLines([line]), line).toEqual({ street: null, careOf: null, box: "123", apartment: null });
    }
  });

  it("finds the apartment number however it is written", () => {
    for (const line of [
      "Storgatan 1 lgh 1102",
      "Storgatan 1, Lgh 1102",
      "Storgatan 1 LGH1102",
      "Storgatan 1 lgh. nr 1102",
      "Storgatan 1 1102",
    ]) {
      expect(parseAddressLines([line]), line).toMatchObject({ street: "Storgatan 1", apartment: "1102" });
    }
    expect(parseAddressLines(["Storgatan 12 B 1102"])).toMatchObject({ street: "Storgatan 12 B", apartment: "1102" });
    expect(parseAddressLines(["Storgatan 1", "lgh 1102"])).toMatchObject({ street: "Storgatan 1", apartment: "1102" });
  });

  it("does not take a street number for an apartment", () => {
    expect(parseAddressLines(["Byvägen 1102"])).toMatchObject({ street: "Byvägen 1102", apartment: null });
    expect(parseAddressLines(["Storgatan 1"])).toMatchObject({ street: "Storgatan 1", apartment: null });
  });

  it("prefers the line that looks like a street and skips postcode lines", () => {
    expect(parseAddressLines(["Företaget AB", "  Storgatan   1 ", "111 22 Stockholm"])).toMatchObject({
      street: "Storgatan 1",
    });
    expect(parseAddressLines(["Storgården"])).toMatchObject({ street: "Storgården" });
    expect(parseAddressLines(["c/o Svensson\nStorgatan 1"])).toMatchObject({
      careOf: "Svensson",
      street: "Storgatan 1",
    });
  });

  it("gives all nulls for nothing", () => {
    expect(parseAddressLines([])).toEqual({ street: null, careOf: null, box: null, apartment: null });
    expect(parseAddressLines(["", "  "])).toEqual({ street: null, careOf: null, box: null, apartment: null });
  });

  it("never throws and returns trimmed, non-empty parts", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 4 }), (lines) => {
        const parts = parseAddressLines(lines);
        return Object.values(parts).every((value) => value === null || (value !== "" && value === value.trim()));
      }),
    );
  });
});
