import {
  EMAIL_DOMAINS,
  FEMALE_GIVEN_NAMES,
  foldSwedish,
  generateTestPersonnummer,
  MALE_GIVEN_NAMES,
  STREET_STEMS,
  SURNAMES,
  TOWNS,
  weightedPicker,
} from "../../src/lib/se";
import type { Address, Entity } from "./dataset";

/** What drawing people needs and what must stay unique across them. */
export interface PeopleContext {
  random: () => number;
  nextId: number;
  usedPersonnummer: Set<string>;
  usedEmails: Set<string>;
  usedPhones: Set<string>;
}

const femaleName = weightedPicker(FEMALE_GIVEN_NAMES);
const maleName = weightedPicker(MALE_GIVEN_NAMES);
const surnamePicker = weightedPicker(SURNAMES);
const BIRTH_YEARS = { from: 1925, to: 2007 };

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.min(values.length - 1, Math.floor(random() * values.length))] as T;
}

export function drawSurname(random: () => number, not?: string): string {
  for (;;) {
    const surname = surnamePicker(random);
    if (surname !== not) return surname;
  }
}

export function drawGivenNames(random: () => number, sex: "female" | "male", avoid: readonly string[] = []): string[] {
  const count = random() < 0.35 ? 1 : random() < 0.75 ? 2 : 3;
  const names: string[] = [];
  while (names.length < count) {
    const name = (sex === "female" ? femaleName : maleName)(random);
    if (!names.includes(name) && !avoid.includes(name)) names.push(name);
  }
  return names;
}

/** Mostly the first name is the one marked; often another one; now and then two. */
export function drawMarking(random: () => number, count: number): number[] {
  if (count === 1) return [1];
  const r = random();
  if (r < 0.55) return [1];
  if (r < 0.95) return [2 + Math.floor(random() * (count - 1))];
  return [1, 2];
}

export function drawAddress(random: () => number, town = pick(random, TOWNS)): Address {
  return {
    street: `${pick(random, STREET_STEMS)} ${1 + Math.floor(random() * 80)}`,
    postnummer: `${town.postnummerPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`,
    city: town.name,
  };
}

/**
 * A personnummer no one else in the data set has. The test series has only 20 serials per
 * birth date, so numbers are drawn until a free one comes up; `date` pins the birth date (twins).
 */
export function drawPersonnummer(
  context: PeopleContext,
  sex: "female" | "male",
  options: { year?: [number, number]; date?: string; samordning?: boolean } = {},
): string {
  for (let attempt = 0; attempt < 400; attempt++) {
    let random = context.random;
    let [from, to] = options.year ?? [BIRTH_YEARS.from, BIRTH_YEARS.to];
    if (options.date !== undefined) {
      const [year, month, day] = options.date.split("-").map(Number) as [number, number, number];
      from = year;
      to = year;
      random = scripted([0.5, (month - 0.5) / 12, (day - 0.5) / daysIn(year, month)], context.random);
    }
    const number = generateTestPersonnummer(random, {
      birthYearFrom: from,
      birthYearTo: to,
      sex,
      samordning: options.samordning ?? context.random() < 0.05,
    }).normalized;
    if (!context.usedPersonnummer.has(number)) {
      context.usedPersonnummer.add(number);
      return number;
    }
  }
  throw new Error("The test personnummer series has no free number left for this birth date range.");
}

function scripted(first: number[], then: () => number): () => number {
  let at = 0;
  return () => (at < first.length ? (first[at++] as number) : then());
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function birthDateOf(personnummer: string): string {
  const day = Number(personnummer.slice(6, 8));
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${String(day > 60 ? day - 60 : day).padStart(2, "0")}`;
}

export function emailFor(
  context: PeopleContext,
  entity: Pick<Entity, "givenNames" | "preferred" | "surname" | "birthDate">,
): string {
  const { random } = context;
  const call = ascii(entity.givenNames[(entity.preferred[0] ?? 1) - 1] ?? "x");
  const surname = ascii(entity.surname);
  const style = random();
  let local =
    style < 0.45
      ? `${call}.${surname}`
      : style < 0.7
        ? `${call}${surname}${entity.birthDate.slice(2, 4)}`
        : style < 0.85
          ? `${call.slice(0, 1)}${surname}`
          : `${call}_${Math.floor(random() * 1000)}`;
  const domain = pick(random, EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  while (context.usedEmails.has(email)) {
    local = `${local}${Math.floor(random() * 10)}`;
    email = `${local}@${domain}`;
  }
  context.usedEmails.add(email);
  return email;
}

/** The same local part at another domain: people keep their name when they change provider. */
export function otherDomain(context: PeopleContext, email: string): string | null {
  const local = email.slice(0, email.indexOf("@"));
  for (const domain of EMAIL_DOMAINS) {
    const candidate = `${local}@${domain}`;
    if (!context.usedEmails.has(candidate)) {
      context.usedEmails.add(candidate);
      return candidate;
    }
  }
  return null;
}

export function mobileNumber(context: PeopleContext): string {
  for (;;) {
    const number = `+467${pick(context.random, ["0", "2", "3", "6"])}${String(Math.floor(context.random() * 1e7)).padStart(7, "0")}`;
    if (!context.usedPhones.has(number)) {
      context.usedPhones.add(number);
      return number;
    }
  }
}

function ascii(name: string): string {
  return foldSwedish(name).replace(/ /g, "");
}
