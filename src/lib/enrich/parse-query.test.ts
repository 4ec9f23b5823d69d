import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse-query";

describe("parseQuery", () => {
  it("reads the query of a URL, decoding escapes and plus signs", () => {
    expect({ ...parseQuery("https://example.se/p?utm_source=news%20letter&utm_term=crm+system#top") }).toEqual({
      utm_source: "news letter",
      utm_term: "crm system",
    });
  });

  it("reads a bare search string, lower-cases keys and keeps the first of repeated keys", () => {
    expect({ ...parseQuery("?UTM_Source=a&utm_source=b&flag") }).toEqual({ utm_source: "a", flag: "" });
  });

  it("keeps a malformed escape as written and ignores what has no query", () => {
    expect(parseQuery("https://example.se/?q=100%").q).toBe("100%");
    expect({ ...parseQuery("https://example.se/") }).toEqual({});
    expect({ ...parseQuery(undefined) }).toEqual({});
  });
});
