import { describe, expect, it } from "vitest";
import { EMPTY_ORGANIZATION, organizationChanges, organizationFields } from "./organization-draft";

describe("organisation drafts", () => {
  it("sends empty fields as null and typed numbers as numbers", () => {
    const fields = organizationFields({ ...EMPTY_ORGANIZATION, name: "Lantbruket AB", employees: "12" });
    expect(fields).toMatchObject({ name: "Lantbruket AB", organisationsnummer: null, employees: 12, revenueSek: null });
  });

  it("names only the fields that changed", () => {
    const before = { ...EMPTY_ORGANIZATION, name: "Lantbruket AB", industry: "Jordbruk" };
    expect(organizationChanges(before, { ...before, industry: "", revenueSek: 5_000_000 })).toEqual({
      industry: null,
      revenueSek: 5_000_000,
    });
  });
});
