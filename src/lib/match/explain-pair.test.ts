import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_MODEL } from "./default-match-model";
import { explainPair } from "./explain-pair";
import { scorePair } from "./score-pair";
import { person } from "./test-records";

describe("explainPair", () => {
  it("names every field with its level, the two values and the weight it added", () => {
    const score = scorePair(
      person({ id: "a", givenNames: ["Karl"], preferredGivenNames: [] }),
      person({ id: "b", givenNames: ["Kalle"], preferredGivenNames: [], phones: [], street: "Ekvägen 3" }),
      DEFAULT_MATCH_MODEL,
    );
    const lines = explainPair(score);
    expect(lines[0]).toMatch(/^same person \(merge\): match weight \+\d+\.\d, probability/);
    for (const field of ["personnummer", "given names", "surname", "birth date", "address", "e-mail", "phone"]) {
      expect(
        lines.some((line) => line.startsWith(`${field}: `)),
        field,
      ).toBe(true);
    }
    expect(lines).toContain("personnummer: exact match 198503129812 (+22.2)");
    expect(lines.find((line) => line.startsWith("given names:"))).toMatch(
      /^given names: nickname Karl ~ Kalle \(\+\d+\.\d\)$/,
    );
    expect(lines).toContain("phone: missing on one side (0.0)");
    expect(lines.find((line) => line.startsWith("address:"))).toMatch(
      /^address: same postnummer only Storgatan 12, 75320 Uppsala ~ Ekvägen 3, 75320 Uppsala \(\+\d+\.\d\)$/,
    );
  });

  it("says when names are weighed as within one household", () => {
    const lines = explainPair(scorePair(person({ id: "a" }), person({ id: "b" }), DEFAULT_MATCH_MODEL));
    expect(lines.find((line) => line.startsWith("surname:"))).toMatch(
      /^surname: exact match \(weighed as within one household\) Lindqvist/,
    );
  });
});
