import { describe, expect, it } from "vitest";
import { blockingKeys } from "./blocking-keys";
import { person } from "./test-records";

const share = (a: string[], b: string[]) => a.some((key) => b.includes(key));

describe("blockingKeys", () => {
  it("files a record under its personnummer, address, e-mail and phone", () => {
    const keys = blockingKeys(person({ id: "a" }));
    expect(keys).toContain("p:198503129812");
    expect(keys).toContain("a:75320:storgatan 12");
    expect(keys).toContain("e:stig.lindqvist@example.com");
    expect(keys).toContain("t:+46701234567");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("brings together records that have nothing exact in common but name, birth year and a nickname", () => {
    const a = person({
      id: "a",
      givenNames: ["Karl"],
      preferredGivenNames: [],
      personnummer: null,
      emails: [],
      phones: [],
    });
    const b = person({
      id: "b",
      givenNames: ["Kalle"],
      preferredGivenNames: [],
      personnummer: null,
      birthDate: "1985-03-21",
      street: "Ekvägen 3",
      postnummer: "41101",
      city: "Göteborg",
      emails: [],
      phones: [],
    });
    expect(share(blockingKeys(a), blockingKeys(b))).toBe(true);
  });

  it("brings together records with given name and surname swapped", () => {
    const a = person({
      id: "a",
      givenNames: ["Stig"],
      preferredGivenNames: [],
      personnummer: null,
      birthDate: null,
      emails: [],
      phones: [],
    });
    const b = person({
      id: "b",
      givenNames: ["Lindqvist"],
      preferredGivenNames: [],
      surname: "Stig",
      personnummer: null,
      birthDate: null,
      street: null,
      postnummer: null,
      emails: [],
      phones: [],
    });
    expect(share(blockingKeys(a), blockingKeys(b))).toBe(true);
  });

  it("keeps apart records that share nothing", () => {
    const a = person({ id: "a" });
    const b = person({
      id: "b",
      givenNames: ["Eva"],
      preferredGivenNames: [],
      surname: "Holm",
      personnummer: "197001019807",
      birthDate: "1970-01-01",
      street: "Ekvägen 3",
      postnummer: "41101",
      city: "Göteborg",
      emails: ["eva@example.net"],
      phones: ["+46709999999"],
    });
    expect(share(blockingKeys(a), blockingKeys(b))).toBe(false);
  });
});
