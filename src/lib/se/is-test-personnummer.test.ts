import { describe, expect, it } from "vitest";
import { isTestPersonnummer } from "./is-test-personnummer";

describe("isTestPersonnummer", () => {
  it("recognises serial numbers 980-999", () => {
    expect(isTestPersonnummer("189001019802")).toBe(true);
    expect(isTestPersonnummer("190001019801")).toBe(true);
    expect(isTestPersonnummer("19000101-9990")).toBe(true);
  });

  it("does not recognise other serials, even ones that appear in the published list", () => {
    expect(isTestPersonnummer("191212121212")).toBe(false);
    expect(isTestPersonnummer("199001012385")).toBe(false);
    expect(isTestPersonnummer("190001019791")).toBe(false);
  });

  it("is false for anything but the 12-digit forms", () => {
    expect(isTestPersonnummer("0001019801")).toBe(false);
    expect(isTestPersonnummer("000101-9801")).toBe(false);
    expect(isTestPersonnummer("1900010198O1")).toBe(false);
    expect(isTestPersonnummer("")).toBe(false);
  });
});
