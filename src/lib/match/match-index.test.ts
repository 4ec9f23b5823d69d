import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_MODEL } from "./default-match-model";
import { MatchIndex } from "./match-index";
import { person } from "./test-records";

describe("MatchIndex", () => {
  it("finds the record a new one duplicates, and only that one", () => {
    const index = new MatchIndex(DEFAULT_MATCH_MODEL);
    index.add(person({ id: "stig" }));
    index.add(
      person({
        id: "eva",
        givenNames: ["Eva"],
        preferredGivenNames: [],
        surname: "Holm",
        personnummer: "197001019807",
        birthDate: "1970-01-01",
        emails: [],
        phones: [],
      }),
    );
    expect(index.size).toBe(2);
    const found = index.match(person({ id: "new", givenNames: ["Stig"], preferredGivenNames: [], phones: [] }));
    expect(found.map((score) => [score.a, score.b, score.outcome])).toEqual([["new", "stig", "auto_merge"]]);
  });

  it("does not match a record with itself", () => {
    const index = new MatchIndex(DEFAULT_MATCH_MODEL);
    const stig = person({ id: "stig" });
    index.add(stig);
    expect(index.match(stig)).toEqual([]);
  });
});
