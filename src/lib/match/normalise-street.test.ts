import { describe, expect, it } from "vitest";
import { normaliseStreet } from "./normalise-street";

describe("normaliseStreet", () => {
  it("reads abbreviations, case and split words as the same street", () => {
    const key = normaliseStreet("Storgatan 12");
    expect(key).toBe("storgatan 12");
    expect(normaliseStreet("Storg. 12")).toBe(key);
    expect(normaliseStreet("STORGATAN 12")).toBe(key);
    expect(normaliseStreet("Stor gatan 12")).toBe(key);
    expect(normaliseStreet("Storgata 12")).toBe(key);
  });

  it("folds å, ä and ö and writes out v. and väg", () => {
    expect(normaliseStreet("Björkv. 3")).toBe("bjorkvagen 3");
    expect(normaliseStreet("Björkväg 3")).toBe("bjorkvagen 3");
    expect(normaliseStreet("Bjorkvagen 3")).toBe("bjorkvagen 3");
    expect(normaliseStreet("Södra vägen 4")).toBe("sodravagen 4");
  });

  it("keeps the house letter and drops the flat number", () => {
    expect(normaliseStreet("Storgatan 12 B")).toBe("storgatan 12b");
    expect(normaliseStreet("Storgatan 12B lgh 1102")).toBe("storgatan 12b");
    expect(normaliseStreet("Storgatan 12, lgh 1102")).toBe("storgatan 12");
  });

  it("gives null for an address without letters", () => {
    expect(normaliseStreet("12")).toBeNull();
    expect(normaliseStreet("")).toBeNull();
  });
});
