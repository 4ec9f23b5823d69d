import type { MatchRecord } from "./match-record";

/** A complete record for tests, with the fields a test cares about overridden. */
export function person(overrides: Partial<MatchRecord> & { id: string }): MatchRecord {
  return {
    givenNames: ["Karl", "Stig", "Emanuel"],
    preferredGivenNames: ["Stig"],
    surname: "Lindqvist",
    personnummer: "198503129812",
    birthDate: "1985-03-12",
    street: "Storgatan 12",
    postnummer: "75320",
    city: "Uppsala",
    emails: ["stig.lindqvist@example.com"],
    phones: ["+46701234567"],
    ...overrides,
  };
}
