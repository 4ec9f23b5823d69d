import { describe, expect, it } from "vitest";
import { scanIdentityNumber } from "./scan-identity-number";

describe("scanIdentityNumber", () => {
  it("keeps the digits and notes where the separator stood", () => {
    expect(scanIdentityNumber(" 121212+1212 ")).toEqual({ digits: "1212121212", separatorAt: 6, separator: "+" });
    expect(scanIdentityNumber("19121212 – 1212")).toEqual({ digits: "191212121212", separatorAt: 8, separator: "-" });
    expect(scanIdentityNumber("1212121212")).toEqual({ digits: "1212121212", separatorAt: -1, separator: null });
  });

  it("gives up on letters, a second separator and more than twelve digits", () => {
    expect(scanIdentityNumber("121212-12T2")).toBeNull();
    expect(scanIdentityNumber("12-1212-1212")).toBeNull();
    expect(scanIdentityNumber("1912121212120")).toBeNull();
  });
});
