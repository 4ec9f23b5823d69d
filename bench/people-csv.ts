import { createWriteStream } from "node:fs";
import {
  EMAIL_DOMAINS,
  FEMALE_GIVEN_NAMES,
  generateTestPersonnummer,
  MALE_GIVEN_NAMES,
  STREET_STEMS,
  SURNAMES,
  seededRandom,
  TOWNS,
  weightedPicker,
} from "../src/lib/se";

export const PEOPLE_CSV_HEADER =
  "externalId,givenNames,surname,preferredNameMarking,personnummer,email,mobile,street,postalCode,city";

/**
 * Writes a CSV of synthetic Swedish people: names by real frequencies, several given names with
 * a marking, valid personnummer, e-mail, mobile and address. The same seed gives the same file.
 */
export async function writePeopleCsv(path: string, count: number, seed = 1): Promise<void> {
  const random = seededRandom(seed);
  const female = weightedPicker(FEMALE_GIVEN_NAMES);
  const male = weightedPicker(MALE_GIVEN_NAMES);
  const surname = weightedPicker(SURNAMES);
  const out = createWriteStream(path);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write(`${PEOPLE_CSV_HEADER}\n`);
  // Personnummer must be unique; the serial space of the test series is small, so the
  // generator's numbers are made unique by walking birth dates deterministically.
  const used = new Set<string>();
  for (let index = 0; index < count; index++) {
    const sex = random() < 0.5 ? "female" : "male";
    const names = sex === "female" ? female : male;
    const given = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => names(random)))];
    const marking = given.length > 1 ? `${1 + Math.floor(random() * given.length)}0` : "";
    let pnr = generateTestPersonnummer(random, { birthYearFrom: 1930, birthYearTo: 2008, sex }).normalized;
    for (let attempt = 0; used.has(pnr) && attempt < 20; attempt++) {
      pnr = generateTestPersonnummer(random, { birthYearFrom: 1930, birthYearTo: 2008, sex }).normalized;
    }
    const personnummer = used.has(pnr) ? "" : pnr;
    if (personnummer) used.add(personnummer);
    const family = surname(random);
    const town = TOWNS[Math.floor(random() * TOWNS.length)] ?? TOWNS[0];
    const fold = (text: string) =>
      text
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z]/g, "");
    const email = `${fold(given[0] ?? "x")}.${fold(family)}${index}@${EMAIL_DOMAINS[index % EMAIL_DOMAINS.length]}`;
    const mobile = `07${[0, 2, 3, 6][Math.floor(random() * 4)]}${String(index).padStart(7, "0")}`;
    const street = `${STREET_STEMS[Math.floor(random() * STREET_STEMS.length)]} ${1 + Math.floor(random() * 80)}`;
    const postal = `${town?.postnummerPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`;
    await write(
      `P${index},${given.join(" ")},${family},${marking},${personnummer},${email},${mobile},${street},${postal},${town?.name}\n`,
    );
  }
  await new Promise<void>((resolve) => out.end(resolve));
}
