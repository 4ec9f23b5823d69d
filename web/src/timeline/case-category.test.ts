import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { caseCategoryLabel } from "./case-category";

describe("case categories in words", () => {
  it("names the usual categories in the reader's language", () => {
    expect(caseCategoryLabel("complaint", sv)).toBe("Klagomål");
    expect(caseCategoryLabel("complaint", en)).toBe("Complaint");
  });

  it("reads any other category from its key, never showing the code", () => {
    expect(caseCategoryLabel("reklamation_vara", sv)).toBe("Reklamation vara");
    expect(caseCategoryLabel("ärende-övrigt", sv)).toBe("Ärende övrigt");
  });
});
