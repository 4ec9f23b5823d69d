import { describe, expect, it } from "vitest";
import { identifyHost } from "./identify-host";

describe("identifyHost", () => {
  it("recognises search engines under any country domain", () => {
    expect(identifyHost("www.google.se")).toEqual({ kind: "search", name: "google" });
    expect(identifyHost("www.google.co.uk")).toEqual({ kind: "search", name: "google" });
    expect(identifyHost("duckduckgo.com")).toEqual({ kind: "search", name: "duckduckgo" });
    expect(identifyHost("search.brave.com")).toEqual({ kind: "search", name: "brave" });
    expect(identifyHost("yandex.ru")).toEqual({ kind: "search", name: "yandex" });
  });

  it("recognises social networks, their link shorteners and campaign source names", () => {
    expect(identifyHost("l.facebook.com")).toEqual({ kind: "social", name: "facebook" });
    expect(identifyHost("t.co")).toEqual({ kind: "social", name: "x" });
    expect(identifyHost("lnkd.in")).toEqual({ kind: "social", name: "linkedin" });
    expect(identifyHost("Facebook")).toEqual({ kind: "social", name: "facebook" });
    expect(identifyHost("ig")).toEqual({ kind: "social", name: "instagram" });
  });

  it("tells webmail from the search engine of the same company", () => {
    expect(identifyHost("mail.google.com")).toEqual({ kind: "email", name: "gmail" });
  });

  it("does not match a brand deeper in an unrelated domain", () => {
    expect(identifyHost("google.example.se")).toBeNull();
    expect(identifyHost("box.com")).toBeNull();
    expect(identifyHost("www.example.se")).toBeNull();
  });
});
