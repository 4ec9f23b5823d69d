import { describe, expect, it } from "vitest";
import { EMAIL_DOMAINS } from "./email-domains";
import { parseEmail } from "./parse-email";

describe("EMAIL_DOMAINS", () => {
  it("holds distinct domains that make valid addresses", () => {
    expect(new Set(EMAIL_DOMAINS).size).toBe(EMAIL_DOMAINS.length);
    for (const domain of EMAIL_DOMAINS) {
      expect(parseEmail(`anna.svensson@${domain}`)).toMatchObject({ ok: true, value: { domain } });
    }
  });
});
