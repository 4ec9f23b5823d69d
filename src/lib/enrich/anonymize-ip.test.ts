import { describe, expect, it } from "vitest";
import { anonymizeIp } from "./anonymize-ip";

describe("anonymizeIp", () => {
  it("keeps the address in canonical form", () => {
    expect(anonymizeIp("192.0.2.77", "keep")).toBe("192.0.2.77");
    expect(anonymizeIp("2001:0DB8:0:0:0:0:0:1", "keep")).toBe("2001:db8::1");
    expect(anonymizeIp("::ffff:192.0.2.77", "keep")).toBe("192.0.2.77");
  });

  it("zeroes the last IPv4 octet when truncating", () => {
    expect(anonymizeIp("192.0.2.77", "truncate")).toBe("192.0.2.0");
    expect(anonymizeIp("81.2.69.255", "truncate")).toBe("81.2.69.0");
  });

  it("keeps the first 48 bits of an IPv6 address when truncating", () => {
    expect(anonymizeIp("2001:db8:abcd:12:3456:789a:bcde:f012", "truncate")).toBe("2001:db8:abcd::");
    expect(anonymizeIp("2a00:1450:400f:80c::200e", "truncate")).toBe("2a00:1450:400f::");
  });

  it("drops the address and refuses what is no address", () => {
    expect(anonymizeIp("192.0.2.77", "drop")).toBeNull();
    expect(anonymizeIp("not an ip", "keep")).toBeNull();
    expect(anonymizeIp(null, "keep")).toBeNull();
    expect(anonymizeIp(undefined, "truncate")).toBeNull();
  });
});
