import { describe, expect, it } from "vitest";
import { formatOrganisationsnummer, formatPersonnummer } from "./format-identity";

describe("identity numbers", () => {
  it("writes a personnummer with the century and a hyphen before the last four", () => {
    expect(formatPersonnummer("191212121212")).toBe("19121212-1212");
  });

  it("writes an organisationsnummer six and four", () => {
    expect(formatOrganisationsnummer("5560360793")).toBe("556036-0793");
  });

  it("leaves anything else as it is", () => {
    expect(formatPersonnummer("121212-1212")).toBe("121212-1212");
    expect(formatOrganisationsnummer("55603607")).toBe("55603607");
  });
});
