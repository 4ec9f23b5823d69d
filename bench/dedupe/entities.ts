import { TOWNS } from "../../src/lib/se";
import type { Entity } from "./dataset";
import {
  birthDateOf,
  drawAddress,
  drawGivenNames,
  drawMarking,
  drawPersonnummer,
  drawSurname,
  emailFor,
  mobileNumber,
  otherDomain,
  type PeopleContext,
} from "./people";

export function makePerson(context: PeopleContext): Entity {
  const { random } = context;
  const sex = random() < 0.5 ? "female" : "male";
  const givenNames = drawGivenNames(random, sex);
  const surname = random() < 0.04 ? `${drawSurname(random)} ${drawSurname(random)}` : drawSurname(random);
  const personnummer = drawPersonnummer(context, sex);
  return finish(context, {
    id: context.nextId++,
    sex,
    givenNames,
    preferred: drawMarking(random, givenNames.length),
    surname,
    personnummer,
    birthDate: birthDateOf(personnummer),
    addresses: [drawAddress(random)],
    emails: [],
    phones: [],
  });
}

/**
 * Same surname, address and birth date; another given name and personnummer. Null when the test
 * series has no number left for that birth date.
 */
export function makeTwin(context: PeopleContext, sibling: Entity): Entity | null {
  const { random } = context;
  const other = sibling.sex === "female" ? "male" : "female";
  let sex: "female" | "male" = random() < 0.6 ? sibling.sex : other;
  let personnummer = tryPersonnummer(context, sex, sibling.birthDate);
  if (personnummer === null) {
    sex = sex === other ? sibling.sex : other;
    personnummer = tryPersonnummer(context, sex, sibling.birthDate);
  }
  if (personnummer === null) return null;
  const givenNames = drawGivenNames(random, sex, sibling.givenNames);
  return finish(context, {
    id: context.nextId++,
    sex,
    givenNames,
    preferred: drawMarking(random, givenNames.length),
    surname: sibling.surname,
    personnummer,
    birthDate: birthDateOf(personnummer),
    addresses: [{ ...(sibling.addresses[0] as Entity["addresses"][number]) }],
    emails: [],
    phones: [],
    hard: { tag: "twin", of: sibling.id },
  });
}

/** Same names and address, a generation apart: a son named after his father. */
export function makeParentOrChild(context: PeopleContext, relative: Entity): Entity {
  const { random } = context;
  const relativeYear = Number(relative.birthDate.slice(0, 4));
  const gap = 20 + Math.floor(random() * 20);
  const year = relativeYear + gap <= 2007 ? relativeYear + gap : Math.max(1925, relativeYear - gap);
  const personnummer = drawPersonnummer(context, relative.sex, { year: [year, year], samordning: false });
  return finish(context, {
    id: context.nextId++,
    sex: relative.sex,
    givenNames: [...relative.givenNames],
    preferred: [...relative.preferred],
    surname: relative.surname,
    personnummer,
    birthDate: birthDateOf(personnummer),
    addresses: [{ ...(relative.addresses[0] as Entity["addresses"][number]) }],
    emails: [],
    phones: [],
    hard: { tag: "parent_child", of: relative.id },
  });
}

/** The same common name in the same town, and nothing else in common. */
export function makeNamesake(context: PeopleContext, other: Entity): Entity {
  const { random } = context;
  const personnummer = drawPersonnummer(context, other.sex);
  const town = TOWNS.find((candidate) => candidate.name === other.addresses[0]?.city);
  return finish(context, {
    id: context.nextId++,
    sex: other.sex,
    givenNames: [...other.givenNames],
    preferred: [...other.preferred],
    surname: other.surname,
    personnummer,
    birthDate: birthDateOf(personnummer),
    addresses: [drawAddress(random, town)],
    emails: [],
    phones: [],
    hard: { tag: "common_name", of: other.id },
  });
}

function finish(context: PeopleContext, entity: Entity): Entity {
  const { random } = context;
  const email = emailFor(context, entity);
  entity.emails.push(email);
  if (random() < 0.4) {
    const second = random() < 0.5 ? otherDomain(context, email) : emailFor(context, entity);
    if (second !== null) entity.emails.push(second);
  }
  entity.phones.push(mobileNumber(context));
  if (random() < 0.15) entity.phones.push(mobileNumber(context));
  return entity;
}

function tryPersonnummer(context: PeopleContext, sex: "female" | "male", date: string): string | null {
  try {
    return drawPersonnummer(context, sex, { date, samordning: false });
  } catch {
    return null;
  }
}
