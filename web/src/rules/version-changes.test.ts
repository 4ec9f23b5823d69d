import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { versionChanges } from "./version-changes";

const first = { name: "Säljbrev", condition: { all: [] }, actions: [], enabled: true, version: 1 };

describe("what a version changed", () => {
  it("calls the first version the rule's creation", () => {
    expect(versionChanges(first, undefined, sv)).toBe("Skapad");
  });

  it("says when the rule was switched off, before anything else that changed", () => {
    expect(versionChanges({ ...first, enabled: false, version: 2 }, first, sv)).toBe("Inaktiverad");
    expect(versionChanges({ ...first, name: "Brev", actions: [{ type: "webhook" }] }, first, sv)).toBe(
      "Namn, åtgärder",
    );
  });

  it("says so when a version changed nothing a reader can see (a new secret, say)", () => {
    expect(versionChanges({ ...first, version: 2 }, first, sv)).toBe("Inga synliga ändringar");
  });
});
