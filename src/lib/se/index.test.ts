import { describe, expect, it } from "vitest";
import type { AddressParts, GreetingName, Organisationsnummer, Parsed, Personnummer, Phone } from "./index";
import * as se from "./index";

// The surface other code is written against. Assigning the module to it makes the type checker
// fail on any change of name or signature; the test below catches a missing runtime export.
const api: {
  parsePersonnummer(input: string, today?: Date): Parsed<Personnummer>;
  isTestPersonnummer(normalized: string): boolean;
  generateTestPersonnummer(
    random: () => number,
    options?: { birthYearFrom?: number; birthYearTo?: number; sex?: "female" | "male"; samordning?: boolean },
  ): Personnummer;
  transposedDigits(a: string, b: string): boolean;
  parseOrganisationsnummer(input: string): Parsed<Organisationsnummer>;
  parseVatNumber(input: string): Parsed<string>;
  parsePhone(input: string, defaultCountry?: string): Parsed<Phone>;
  parseEmail(input: string): Parsed<{ address: string; domain: string; canonical: string }>;
  parsePostnummer(input: string): Parsed<{ normalized: string }>;
  cleanName(input: string): string;
  givenNameParts(givenNames: string): string[];
  decodeTilltalsnamn(givenNames: string, code: string | number): Parsed<number[]>;
  encodeTilltalsnamn(preferred: number[]): string;
  greetingName(givenNames: string, preferred: number[] | null | undefined): GreetingName;
  foldSwedish(input: string): string;
  jaroWinkler(a: string, b: string): number;
  parseAddressLines(lines: string[]): AddressParts;
  FEMALE_GIVEN_NAMES: ReadonlyArray<readonly [string, number]>;
  MALE_GIVEN_NAMES: ReadonlyArray<readonly [string, number]>;
  SURNAMES: ReadonlyArray<readonly [string, number]>;
  NICKNAMES: Readonly<Record<string, string>>;
  TOWNS: ReadonlyArray<{ name: string; postnummerPrefix: string; municipality: string }>;
  STREET_STEMS: readonly string[];
  EMAIL_DOMAINS: readonly string[];
  weightedPicker<T>(entries: ReadonlyArray<readonly [T, number]>): (random: () => number) => T;
  seededRandom(seed: number): () => number;
} = se;

describe("the se library's index", () => {
  it("exports every part of the agreed surface", () => {
    for (const [name, value] of Object.entries(api)) {
      expect(value, name).toBeDefined();
    }
  });
});
