import { describe, expect, it } from "vitest";
import { hostOf } from "./host-of";

describe("hostOf", () => {
  it("reads the host of absolute URLs without port, credentials or case", () => {
    expect(hostOf("https://www.google.com/search?q=crm")).toBe("www.google.com");
    expect(hostOf("https://user:pw@Shop.Example.SE:8443/a?b#c")).toBe("shop.example.se");
    expect(hostOf("http://example.se")).toBe("example.se");
    expect(hostOf("http://example.se.?x")).toBe("example.se");
    expect(hostOf("//cdn.example.se/x.js")).toBe("cdn.example.se");
    expect(hostOf("http://[2001:db8::1]:8080/")).toBe("[2001:db8::1]");
    expect(hostOf("android-app://com.google.android.gm/")).toBe("com.google.android.gm");
  });

  it("gives null for what is no absolute URL", () => {
    expect(hostOf("")).toBeNull();
    expect(hostOf(null)).toBeNull();
    expect(hostOf("/relative/path")).toBeNull();
    expect(hostOf("not a url")).toBeNull();
    expect(hostOf("https:///nohost")).toBeNull();
  });
});
