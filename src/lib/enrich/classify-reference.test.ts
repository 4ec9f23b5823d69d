import { describe, expect, it } from "vitest";
import { classifyReference } from "./classify-reference";

const PAGE = "https://www.butiken.example/erbjudande";

describe("classifyReference", () => {
  it("calls a visit without referrer or tags direct", () => {
    expect(classifyReference({ pageUrl: PAGE })).toMatchObject({
      channel: "direct",
      source: null,
      medium: null,
      referrerHost: null,
    });
  });

  it("calls a visit from a search engine's results organic search", () => {
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://www.google.se/" })).toMatchObject({
      channel: "organic_search",
      searchEngine: "google",
      source: "google",
      medium: "organic",
      referrerHost: "www.google.se",
    });
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://duckduckgo.com/" }).searchEngine).toBe("duckduckgo");
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://www.ecosia.org/search?q=x" }).channel).toBe(
      "organic_search",
    );
  });

  it("calls a click with a search ad's click id paid search", () => {
    expect(classifyReference({ pageUrl: `${PAGE}?gclid=Cj0KCQ`, referrer: "https://www.google.com/" })).toMatchObject({
      channel: "paid_search",
      searchEngine: "google",
      clickIdType: "gclid",
      clickId: "Cj0KCQ",
      source: "google",
      medium: "cpc",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?msclkid=abc` })).toMatchObject({
      channel: "paid_search",
      searchEngine: "bing",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?wbraid=w1` }).channel).toBe("paid_search");
  });

  it("calls utm_medium=cpc from a search engine paid search and from a social network paid social", () => {
    expect(classifyReference({ pageUrl: `${PAGE}?utm_source=bing&utm_medium=cpc&utm_campaign=vinter` })).toMatchObject({
      channel: "paid_search",
      searchEngine: "bing",
      campaign: "vinter",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?utm_source=linkedin&utm_medium=paid` })).toMatchObject({
      channel: "paid_social",
      socialNetwork: "linkedin",
    });
  });

  it("calls a click with a social ad's click id paid social unless the campaign tags say otherwise", () => {
    expect(classifyReference({ pageUrl: `${PAGE}?fbclid=IwAR`, referrer: "https://l.facebook.com/" })).toMatchObject({
      channel: "paid_social",
      socialNetwork: "facebook",
      clickIdType: "fbclid",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?ttclid=t1` })).toMatchObject({
      channel: "paid_social",
      socialNetwork: "tiktok",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?fbclid=IwAR&utm_source=facebook&utm_medium=social` })).toMatchObject({
      channel: "social",
      socialNetwork: "facebook",
      clickIdType: "fbclid",
    });
  });

  it("calls a visit from a social network social", () => {
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://t.co/abc" })).toMatchObject({
      channel: "social",
      socialNetwork: "x",
      source: "x",
      referrerHost: "t.co",
    });
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://www.linkedin.com/feed/" }).socialNetwork).toBe(
      "linkedin",
    );
  });

  it("calls newsletter links email, taking the tags from Segment's context.campaign first", () => {
    expect(
      classifyReference({
        pageUrl: `${PAGE}?utm_medium=cpc`,
        campaign: { name: "varbrev", source: "nyhetsbrev", medium: "email", term: "crm", content: "knapp", id: "42" },
      }),
    ).toMatchObject({
      channel: "email",
      campaign: "varbrev",
      source: "nyhetsbrev",
      medium: "email",
      term: "crm",
      content: "knapp",
      campaignId: "42",
    });
    expect(classifyReference({ pageUrl: `${PAGE}?utm_source=x&utm_medium=Newsletter` }).channel).toBe("email");
  });

  it("calls affiliate links affiliate, by medium or by an affiliate id", () => {
    expect(classifyReference({ pageUrl: `${PAGE}?utm_source=prisportalen&utm_medium=affiliate` })).toMatchObject({
      channel: "affiliate",
      affiliate: "prisportalen",
    });
    expect(
      classifyReference({ pageUrl: `${PAGE}?aff_id=778`, referrer: "https://partner.example.com/" }),
    ).toMatchObject({
      channel: "affiliate",
      affiliate: "778",
    });
  });

  it("calls banner campaigns display", () => {
    expect(classifyReference({ pageUrl: `${PAGE}?utm_source=dagstidningen&utm_medium=banner` }).channel).toBe(
      "display",
    );
  });

  it("calls a link from another site referral and one from the same site internal", () => {
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://forum.example.com/tråd/1" })).toMatchObject({
      channel: "referral",
      source: "forum.example.com",
      medium: "referral",
      referrerHost: "forum.example.com",
    });
    expect(classifyReference({ pageUrl: PAGE, referrer: "https://butiken.example/start" })).toMatchObject({
      channel: "internal",
      referrerHost: "butiken.example",
    });
  });
});
