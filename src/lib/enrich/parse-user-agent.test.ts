import { describe, expect, it } from "vitest";
import { parseUserAgent } from "./parse-user-agent";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36";
const IPAD_SAFARI =
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87";
const MACOS_FIREFOX = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

describe("parseUserAgent", () => {
  it("reads an iPhone with Safari as a mobile iOS device", () => {
    expect(parseUserAgent(IPHONE_SAFARI)).toEqual({
      deviceType: "mobile",
      os: "iOS",
      osVersion: "17.5",
      browser: "Safari",
      browserVersion: "17.5",
    });
  });

  it("reads an Android phone with Chrome as a mobile Android device", () => {
    expect(parseUserAgent(ANDROID_CHROME)).toEqual({
      deviceType: "mobile",
      os: "Android",
      osVersion: "14",
      browser: "Chrome",
      browserVersion: "126.0.6478.122",
    });
  });

  it("reads an iPad as a tablet", () => {
    expect(parseUserAgent(IPAD_SAFARI)).toMatchObject({ deviceType: "tablet", os: "iOS", browser: "Safari" });
  });

  it("reads Edge on Windows as a desktop and names the Windows version as people do", () => {
    expect(parseUserAgent(WINDOWS_EDGE)).toEqual({
      deviceType: "desktop",
      os: "Windows",
      osVersion: "10",
      browser: "Microsoft Edge",
      browserVersion: "126.0.2592.87",
    });
  });

  it("reads Firefox on macOS as a desktop", () => {
    expect(parseUserAgent(MACOS_FIREFOX)).toEqual({
      deviceType: "desktop",
      os: "macOS",
      osVersion: "14.5",
      browser: "Firefox",
      browserVersion: "127.0",
    });
  });

  it("reads Googlebot as a bot", () => {
    expect(parseUserAgent(GOOGLEBOT)).toMatchObject({ deviceType: "bot", browser: "Googlebot" });
  });

  it("reads crawlers and HTTP libraries the parser does not know as bots", () => {
    expect(parseUserAgent("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")?.deviceType).toBe(
      "bot",
    );
    expect(parseUserAgent("curl/8.5.0")?.deviceType).toBe("bot");
  });

  it("does not take a phone whose model name ends in 'bot' for a crawler", () => {
    const phone =
      "Mozilla/5.0 (Linux; Android 13; ACMEBOT X2 Build/TP1A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    expect(parseUserAgent(phone)?.deviceType).toBe("mobile");
  });

  it("reads a smart TV as a TV", () => {
    const tizenTv =
      "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36";
    expect(parseUserAgent(tizenTv)?.deviceType).toBe("tv");
  });

  it("gives null for a missing or empty header and 'other' for one it cannot place", () => {
    expect(parseUserAgent(undefined)).toBeNull();
    expect(parseUserAgent(null)).toBeNull();
    expect(parseUserAgent("   ")).toBeNull();
    expect(parseUserAgent("SomethingUnheardOf")).toEqual({
      deviceType: "other",
      os: null,
      osVersion: null,
      browser: null,
      browserVersion: null,
    });
  });

  it("answers a repeated user agent from its cache with the same frozen result", () => {
    const first = parseUserAgent(WINDOWS_EDGE);
    expect(parseUserAgent(`${WINDOWS_EDGE}`)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
