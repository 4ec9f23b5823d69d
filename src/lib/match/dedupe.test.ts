import { describe, expect, it } from "vitest";
import { dedupe } from "./dedupe";
import { DEFAULT_MATCH_MODEL } from "./default-match-model";
import { person } from "./test-records";

describe("dedupe", () => {
  it("clusters each person's records and leaves a twin and a stranger alone", async () => {
    const records = [
      person({ id: "stig-1" }),
      person({ id: "stig-2", givenNames: ["Stig"], preferredGivenNames: [], street: "Storg. 12" }),
      person({ id: "stig-3", givenNames: ["Karl", "Stig", "Emanuel"], personnummer: "198503219812", phones: [] }),
      person({
        id: "twin",
        givenNames: ["Olof"],
        preferredGivenNames: [],
        personnummer: "198503129804",
        emails: ["olof.lindqvist@example.com"],
        phones: ["+46701112233"],
      }),
      person({
        id: "eva-1",
        givenNames: ["Eva"],
        preferredGivenNames: [],
        surname: "Holm",
        personnummer: "197001019807",
        birthDate: "1970-01-01",
        street: "Ekvägen 3",
        postnummer: "41101",
        city: "Göteborg",
        emails: ["eva.holm@example.net"],
        phones: ["+46709999999"],
      }),
      person({
        id: "eva-2",
        givenNames: ["Eva"],
        preferredGivenNames: [],
        surname: "Holm",
        personnummer: "197001019807",
        birthDate: "1970-01-01",
        street: null,
        postnummer: null,
        city: null,
        emails: ["eva.holm@example.net"],
        phones: [],
      }),
      person({
        id: "stranger",
        givenNames: ["Per"],
        preferredGivenNames: [],
        surname: "Ek",
        personnummer: "196607079815",
        birthDate: "1966-07-07",
        street: "Hamngatan 1",
        postnummer: "11147",
        city: "Stockholm",
        emails: [],
        phones: [],
      }),
    ];
    const { pairs, clusters } = await dedupe(records, DEFAULT_MATCH_MODEL);
    expect(clusters.map((cluster) => [...cluster].sort())).toEqual([
      ["stig-1", "stig-2", "stig-3"],
      ["eva-1", "eva-2"],
    ]);
    expect(pairs.every((pair) => pair.outcome !== "distinct")).toBe(true);
    expect(pairs.some((pair) => pair.a === "twin" || pair.b === "twin")).toBe(false);
    for (let i = 1; i < pairs.length; i++) {
      expect(pairs[i - 1]?.weight ?? 0).toBeGreaterThanOrEqual(pairs[i]?.weight ?? 0);
    }
  });

  it("finds nothing in an empty or single register", async () => {
    expect(await dedupe([], DEFAULT_MATCH_MODEL)).toEqual({ pairs: [], clusters: [] });
    expect(await dedupe([person({ id: "only" })], DEFAULT_MATCH_MODEL)).toEqual({ pairs: [], clusters: [] });
  });
});
