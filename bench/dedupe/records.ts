import type { MatchRecord } from "../../src/lib/match";
import { TOWNS } from "../../src/lib/se";
import type { Entity, ErrorTag, GeneratedRecord } from "./dataset";
import {
  normalisePersonnummer,
  normalisePhone,
  normalisePostnummer,
  personnummerVariant,
  phoneVariant,
  postnummerVariant,
  streetVariant,
} from "./format-variants";
import { hasSwedishLetters, nicknamesOf, typo, withoutSwedishLetters } from "./name-errors";
import { drawAddress, drawSurname, type PeopleContext, pick } from "./people";

const DUPLICATES = [0.3, 0.25, 0.2, 0.13, 0.08, 0.04];
const ERRORS_PER_DUPLICATE = [0.15, 0.5, 0.27, 0.08];
const ERROR_WEIGHTS: ReadonlyArray<readonly [ErrorTag, number]> = [
  ["typo", 0.2],
  ["aao_spelling", 0.08],
  ["nickname", 0.08],
  ["first_given_name", 0.1],
  ["swapped_names", 0.06],
  ["marriage_surname", 0.08],
  ["moved", 0.15],
  ["format_variants", 0.15],
  ["missing_personnummer", 0.12],
];
const SOURCES = ["crm", "webshop", "support", "newsletter", "store"];
const START = Date.UTC(2016, 0, 1);
const DAY = 86_400_000;

/** The original record of a person and 0-5 duplicates, each with its errors tagged. */
export function recordsOf(context: PeopleContext, entity: Entity, personnummer: "present" | "absent"): DraftRecord[] {
  const { random } = context;
  const duplicates = draw(random, DUPLICATES);
  const plans: ErrorTag[][] = [[]];
  for (let d = 0; d < duplicates; d++) plans.push(drawTags(random, entity, personnummer));
  return plans.map((tags) => makeRecord(context, entity, tags, personnummer));
}

function drawTags(random: () => number, entity: Entity, personnummer: "present" | "absent"): ErrorTag[] {
  const wanted = draw(random, ERRORS_PER_DUPLICATE);
  const tags: ErrorTag[] = [];
  let options = ERROR_WEIGHTS.filter(
    ([tag]) =>
      (tag !== "missing_personnummer" || personnummer === "present") &&
      (tag !== "first_given_name" || (entity.givenNames.length > 1 && entity.preferred[0] !== 1)) &&
      (tag !== "nickname" || nicknamesOf(callName(entity)).length > 0) &&
      (tag !== "aao_spelling" || hasSwedishLetters(`${entity.givenNames.join(" ")} ${entity.surname}`)),
  );
  while (tags.length < wanted && options.length > 0) {
    const chosen = (
      options[
        draw(
          random,
          options.map(([, weight]) => weight),
        )
      ] as (typeof options)[number]
    )[0];
    tags.push(chosen);
    options = options.filter(([tag]) => tag !== chosen);
  }
  return tags;
}

/** A generated record before it is given its id. */
export type DraftRecord = Omit<GeneratedRecord, "record"> & { record: Omit<MatchRecord, "id"> };

function makeRecord(
  context: PeopleContext,
  entity: Entity,
  wanted: ErrorTag[],
  mode: "present" | "absent",
): DraftRecord {
  const { random } = context;
  const applied: ErrorTag[] = [];
  const has = (tag: ErrorTag) => wanted.includes(tag);
  // Half the sources hold the full list with its marking, the rest only the name the person gives.
  const full = random() < 0.5;
  const marked = entity.preferred.map((position) => entity.givenNames[position - 1] as string);
  let givenNames = full ? [...entity.givenNames] : marked;
  let preferred = full && entity.givenNames.length > 1 ? marked : [];
  let surname = entity.surname;
  if (has("nickname")) {
    givenNames = [pick(random, nicknamesOf(callName(entity)))];
    preferred = [];
    applied.push("nickname");
  } else if (has("first_given_name")) {
    givenNames = [entity.givenNames[0] as string];
    preferred = [];
    applied.push("first_given_name");
  }
  if (has("marriage_surname")) {
    const married = drawSurname(random, entity.surname);
    const r = random();
    surname = r < 0.5 ? married : r < 0.75 ? `${entity.surname} ${married}` : `${married} ${entity.surname}`;
    applied.push("marriage_surname");
  }
  if (has("swapped_names")) {
    if (entity.givenNames.length > 1 && givenNames.length > 1 && random() < 0.5) {
      givenNames = [...givenNames].reverse();
    } else {
      const call = preferred[0] ?? (givenNames[0] as string);
      givenNames = [surname];
      preferred = [];
      surname = call;
    }
    applied.push("swapped_names");
  }
  if (has("aao_spelling")) {
    const before = `${givenNames.join(" ")} ${surname}`;
    givenNames = givenNames.map((name) => withoutSwedishLetters(random, name));
    preferred = preferred.map((name) => withoutSwedishLetters(random, name));
    surname = withoutSwedishLetters(random, surname);
    if (`${givenNames.join(" ")} ${surname}` !== before) applied.push("aao_spelling");
  }
  // Address: the original one, or after a move a newer one; the observation date follows.
  let addressIndex = 0;
  if (has("moved")) {
    if (entity.addresses.length === 1 || random() < 0.3) {
      const current = entity.addresses[entity.addresses.length - 1];
      entity.addresses.push(drawAddress(random, random() < 0.4 ? townOf(current?.city) : undefined));
    }
    addressIndex = entity.addresses.length - 1;
    applied.push("moved");
  }
  const address = entity.addresses[addressIndex] as Entity["addresses"][number];
  const observedAt = new Date(START + (addressIndex * 800 + Math.floor(random() * 700)) * DAY)
    .toISOString()
    .slice(0, 10);
  const withAddress = has("moved") || random() < 0.9;
  let personnummer: string | null = mode === "present" ? entity.personnummer : null;
  if (has("missing_personnummer")) {
    personnummer = null;
    applied.push("missing_personnummer");
  }
  let birthDate: string | null = personnummer !== null || random() < 0.75 ? entity.birthDate : null;
  const emails = random() < 0.75 ? pickSome(random, entity.emails) : [];
  const phones = random() < 0.65 ? pickSome(random, entity.phones) : [];
  if (has("typo")) {
    const r = random();
    if (r < 0.15 && personnummer !== null) personnummer = transpose(random, personnummer);
    else if (r < 0.3 && personnummer === null && birthDate !== null) birthDate = slipBirthDate(random, birthDate);
    else if (r < 0.65 || surname.length < 3) {
      const at = Math.floor(random() * givenNames.length);
      const before = givenNames[at] as string;
      const after = typo(random, before);
      givenNames = givenNames.map((name, i) => (i === at ? after : name));
      preferred = preferred.map((name) => (name === before ? after : name));
    } else surname = typo(random, surname);
    applied.push("typo");
  }
  let street: string | null = withAddress ? address.street : null;
  let postnummer: string | null = withAddress ? address.postnummer : null;
  let finalPhones = phones;
  let finalEmails = emails;
  if (has("format_variants")) {
    if (personnummer !== null && personnummer === entity.personnummer) {
      personnummer = normalisePersonnummer(personnummerVariant(random, personnummer));
    }
    if (postnummer !== null) postnummer = normalisePostnummer(postnummerVariant(random, postnummer));
    if (street !== null && random() < 0.6) street = streetVariant(random, street);
    finalPhones = phones.flatMap((phone) => normalisePhone(phoneVariant(random, phone)) ?? []);
    finalEmails = emails.map((email) => (random() < 0.5 ? email.toUpperCase() : email).toLowerCase());
    applied.push("format_variants");
  }
  return {
    record: {
      givenNames,
      preferredGivenNames: preferred,
      surname,
      personnummer,
      birthDate,
      street,
      postnummer,
      city: withAddress ? address.city : null,
      emails: finalEmails,
      phones: finalPhones,
    },
    entityId: entity.id,
    tags: applied,
    source: pick(random, SOURCES),
    observedAt,
  };
}

export function callName(entity: Entity): string {
  return entity.givenNames[(entity.preferred[0] ?? 1) - 1] as string;
}

function townOf(city: string | undefined) {
  return TOWNS.find((town) => town.name === city);
}

function draw(random: () => number, weights: readonly number[]): number {
  let target = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function pickSome(random: () => number, values: readonly string[]): string[] {
  if (values.length > 1 && random() < 0.1) return [...values];
  return [random() < 0.7 ? (values[0] as string) : pick(random, values)];
}

/** Two neighbouring digits that differ, swapped: the personnummer's commonest slip. */
function transpose(random: () => number, personnummer: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = Math.floor(random() * (personnummer.length - 1));
    if (personnummer[at] !== personnummer[at + 1]) {
      return personnummer.slice(0, at) + personnummer[at + 1] + personnummer[at] + personnummer.slice(at + 2);
    }
  }
  return personnummer;
}

function slipBirthDate(random: () => number, date: string): string {
  const [year, month, day] = date.split("-") as [string, string, string];
  const r = random();
  if (r < 0.4)
    return `${year}-${month}-${String(((Number(day) + (random() < 0.5 ? 0 : 26)) % 28) + 1).padStart(2, "0")}`;
  if (r < 0.6 && Number(day) <= 12 && day !== month) return `${year}-${day}-${month}`;
  if (r < 0.8) return `${year}-${String((Number(month) % 12) + 1).padStart(2, "0")}-${day}`;
  const slipped = year[2] === year[3] ? String(Number(year) + 1) : `${year.slice(0, 2)}${year[3]}${year[2]}`;
  return `${slipped}-${month}-${day}`;
}
