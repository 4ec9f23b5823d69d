import { describe, expect, it } from "vitest";
import { personFromSearch } from "./person-from-search";

describe("a new person from a search that found nobody", () => {
  it("reads an e-mail, a personnummer and a phone number as what they are", () => {
    expect(personFromSearch(" anna.ek@example.se ")).toEqual({ email: "anna.ek@example.se" });
    expect(personFromSearch("19121212-1212")).toEqual({ personnummer: "19121212-1212" });
    expect(personFromSearch("121212 1212")).toEqual({ personnummer: "1212121212" });
    expect(personFromSearch("070-999 88 77")).toEqual({ phone: "070-999 88 77" });
    expect(personFromSearch("+46 70 999 88 77")).toEqual({ phone: "+46 70 999 88 77" });
  });

  it("reads words as names, the last one the surname", () => {
    expect(personFromSearch("Anna  Maria Ek")).toEqual({ givenNames: "Anna Maria", surname: "Ek" });
    expect(personFromSearch("Stig")).toEqual({ givenNames: "Stig" });
    expect(personFromSearch("   ")).toEqual({});
    // Too few digits for a phone: a name with a number in it is still a name.
    expect(personFromSearch("Ek 12")).toEqual({ givenNames: "Ek", surname: "12" });
  });
});
