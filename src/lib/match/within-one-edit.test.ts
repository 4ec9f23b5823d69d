import { describe, expect, it } from "vitest";
import { withinOneEdit } from "./within-one-edit";

describe("withinOneEdit", () => {
  it("catches one slip in a short name", () => {
    expect(withinOneEdit("emil", "emjl")).toBe(true);
    expect(withinOneEdit("alf", "af")).toBe(true);
    expect(withinOneEdit("bo", "boh")).toBe(true);
    expect(withinOneEdit("karin", "kairn")).toBe(true);
  });

  it("refuses equal names and two slips", () => {
    expect(withinOneEdit("emil", "emil")).toBe(false);
    expect(withinOneEdit("emil", "emma")).toBe(false);
    expect(withinOneEdit("anna", "annika")).toBe(false);
  });
});
