import { describe, expect, it } from "vitest";
import { inferPreferredName } from "./infer-preferred-name";

describe("inferPreferredName", () => {
  it("learns from a record that says only Stig that Karl Stig Emanuel goes by Stig", () => {
    expect(inferPreferredName("Karl Stig Emanuel", null, "Stig")).toEqual({ parts: [2], greeting: "Stig" });
    expect(inferPreferredName("Karl Stig Emanuel", [], " stig ")).toEqual({ parts: [2], greeting: "Stig" });
  });

  it("counts the halves of a hyphenated name as the population register does", () => {
    expect(inferPreferredName("Maria Anna-Karin", null, "Anna-Karin")).toEqual({
      parts: [2, 3],
      greeting: "Anna-Karin",
    });
    expect(inferPreferredName("Åsa Märta", null, "Marta")).toEqual({ parts: [2], greeting: "Märta" });
  });

  it("learns nothing from the first name alone, a marking already there, or a name that is not among them", () => {
    expect(inferPreferredName("Karl Stig Emanuel", null, "Karl")).toBeNull();
    expect(inferPreferredName("Karl Stig Emanuel", [3], "Stig")).toBeNull();
    expect(inferPreferredName("Karl Stig Emanuel", null, "Kalle")).toBeNull();
    expect(inferPreferredName("Karl Stig Emanuel", null, "Stig Emanuel")).toBeNull();
    expect(inferPreferredName("Stig", null, "Stig")).toBeNull();
  });
});
