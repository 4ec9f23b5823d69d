import {
  EMAIL_DOMAINS,
  FEMALE_GIVEN_NAMES,
  generateTestPersonnummer,
  MALE_GIVEN_NAMES,
  STREET_STEMS,
  SURNAMES,
  TOWNS,
  weightedPicker,
} from "../lib/se";
import type { TPersonImportRow } from "../modules/register";

export interface DemoPerson {
  row: { row: number; values: TPersonImportRow };
  /** The index of the company they work at, if any. */
  employer: number | null;
}

export interface DemoPeopleShape {
  /** The town each company is in, by company index: most of its staff live there. */
  companyTowns: readonly string[];
  /** The index of the man the register is built for: Karl Stig Emanuel, who goes by Stig. */
  stig: number;
  /** Those who have bought before and are unhappy now: customers, whatever the draw says. */
  unhappy: (index: number) => boolean;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]/g, "");

export const townNamed = (name: string) =>
  TOWNS.find((town) => town.name === name) ?? (TOWNS[0] as (typeof TOWNS)[number]);

/**
 * The demo's people as import rows: names drawn by real frequencies, one to three given names
 * with a preferred-name marking on most, valid test personnummer, e-mail, mobile and address.
 * One in four works at one of the companies, and most of those live in its town.
 */
export function generateDemoPeople(count: number, random: () => number, shape: DemoPeopleShape): DemoPerson[] {
  const female = weightedPicker(FEMALE_GIVEN_NAMES);
  const male = weightedPicker(MALE_GIVEN_NAMES);
  const surname = weightedPicker(SURNAMES);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const people: DemoPerson[] = [];
  for (let index = 0; index < count; index++) {
    const stig = index === shape.stig;
    const sex = stig || random() >= 0.5 ? "male" : "female";
    const names = sex === "female" ? female : male;
    const nameCount = 1 + Math.floor(random() * 3);
    const given = stig
      ? ["Karl", "Stig", "Emanuel"]
      : [...new Set(Array.from({ length: nameCount }, () => names(random)))];
    const marked = stig
      ? 2
      : given.length > 1 && random() < 0.8
        ? 1 + Math.floor(random() * given.length)
        : given.length === 1
          ? 1
          : 0;
    const family = surname(random);
    const employer = index % 4 === 0 ? Math.floor(random() * shape.companyTowns.length) : null;
    const companyTown = employer === null ? undefined : shape.companyTowns[employer];
    const town = companyTown && random() < 0.8 ? townNamed(companyTown) : pick(TOWNS);
    const preferred = marked ? (given[marked - 1] ?? given[0] ?? "") : (given[0] ?? "");
    const pnr = generateTestPersonnummer(random, { birthYearFrom: 1940, birthYearTo: 2005, sex });
    people.push({
      employer,
      row: {
        row: index + 1,
        values: {
          externalId: `DEMO-${String(index + 1).padStart(5, "0")}`,
          givenNames: given.join(" "),
          surname: family,
          ...(marked ? { preferredNameMarking: `${marked}0` } : {}),
          personnummer: pnr.normalized,
          email: `${fold(preferred)}.${fold(family)}${index}@${pick(EMAIL_DOMAINS)}`,
          mobile: `07${[0, 2, 3, 6][Math.floor(random() * 4)]}${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`,
          street: `${pick(STREET_STEMS)} ${1 + Math.floor(random() * 60)}`,
          postalCode: `${town.postnummerPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`,
          city: town.name,
          lifecycleStage: shape.unhappy(index)
            ? "customer"
            : pick(["interested", "prospect", "lead", "customer", "customer", "customer"]),
          ...(random() < 0.1 ? { apartment: String(1101 + Math.floor(random() * 300)) } : {}),
          ...customValues(shape.unhappy(index), random),
        },
      },
    });
  }
  return people;
}

/** The demo's custom attributes (see demo-attributes): a tier for most, the big customers gold. */
function customValues(bigCustomer: boolean, random: () => number): TPersonImportRow {
  const draw = random();
  const tier = bigCustomer ? "Guld" : draw < 0.3 ? "Brons" : draw < 0.5 ? "Silver" : draw < 0.6 ? "Guld" : null;
  const member = random();
  return {
    ...(tier ? { "custom.kundniva": tier } : {}),
    ...(member < 0.4 ? { "custom.kundklubb": "ja" } : member < 0.6 ? { "custom.kundklubb": "nej" } : {}),
  };
}
