import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
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
} from "../lib/se";
import { logActivity } from "../modules/activities";
import { recordOrder } from "../modules/orders";
import {
  addRole,
  createOrganization,
  importPeople,
  listPeople,
  recordConsent,
  resolvePersonRefs,
  type TPersonImportRow,
} from "../modules/register";
import { loadDemoDuplicates } from "./demo-duplicates";
import { loadDemoEvents } from "./demo-events";

export interface DemoOptions {
  people?: number;
  seed?: number;
  /** Load even when the register already has people. */
  force?: boolean;
}

const COMPANIES: Array<[string, string, string, number]> = [
  ["Norrlands Trä AB", "16.100", "Sågverk", 140],
  ["Mälardalens Bygg AB", "41.200", "Byggentreprenad", 65],
  ["Skånska Livs AB", "47.110", "Livsmedelshandel", 38],
  ["Västkustens Fisk AB", "10.200", "Fiskberedning", 22],
  ["Kungsholmens Redovisning AB", "69.201", "Redovisning", 12],
  ["Dalarnas Energi AB", "35.110", "Elproduktion", 210],
  ["Göta Kanal Turism AB", "79.120", "Researrangör", 17],
  ["Umeå Mjukvara AB", "62.010", "Programvaruutveckling", 48],
  ["Lantmännens Gårdsbutik Ek. för.", "47.210", "Gårdsbutik", 9],
  ["Östersunds Sport & Fritid AB", "47.640", "Sportartiklar", 26],
  ["Hallands Trädgård HB", "01.190", "Odling", 6],
  ["Bryggeriet i Visby AB", "11.050", "Bryggeri", 31],
];

const CALL_SUBJECTS = [
  "Frågade om leveranstid",
  "Klagomål på leverans",
  "Ville ändra sin order",
  "Fråga om faktura",
  "Tackade för snabb service",
];
const TASKS = [
  "Följ upp offert",
  "Ring tillbaka om leveransen",
  "Skicka prislista för vedleverans",
  "Boka visning av köksutställningen",
];
const NOTES = [
  "Föredrar att bli kontaktad på förmiddagen",
  "Intresserad av vedleverans till hösten",
  "Har sommarstuga i Roslagen",
  "Vill ha offert på nytt kök",
];
const PRODUCTS: Array<[string, number]> = [
  ["Ved, björk 40 l", 89],
  ["Kaffe, mörkrost 500 g", 69],
  ["Fågelfrö 5 kg", 129],
  ["Gräsklippare, batteri", 3_990],
  ["Trädgårdsslang 25 m", 349],
  ["Vedspis, gjutjärn", 14_900],
  ["Snöskyffel", 299],
];

/**
 * A valid organisationsnummer of the company's legal form: the first digits say what it is
 * (556 aktiebolag, 969 handels- or kommanditbolag, 769 ekonomisk förening).
 */
function organisationsnummer(name: string, random: () => number): string {
  const prefix = / (HB|KB)$/.test(name) ? [9, 6, 9] : /Ek\. ?för\.?$/.test(name) ? [7, 6, 9] : [5, 5, 6];
  const digits = [...prefix, ...Array.from({ length: 6 }, () => Math.floor(random() * 10))];
  let sum = 0;
  digits.forEach((digit, index) => {
    const product = index % 2 === 0 ? digit * 2 : digit;
    sum += product > 9 ? product - 9 : product;
  });
  return `${digits.join("")}${(10 - (sum % 10)) % 10}`;
}

/**
 * Loads a realistic Swedish demo register: people named after real name frequencies, with
 * several given names and a preferred-name marking, valid test personnummer (never real
 * people's), addresses, companies and roles, consents, calls, notes, tasks and orders, and a
 * month of their visits to a demo shop and calls to customer service, through the tracking API;
 * and a few of them a second time, from the web shop, for the duplicate check to find.
 */
export async function loadDemoData(
  ctx: Ctx,
  options: DemoOptions = {},
): Promise<{ people: number; organizations: number; duplicates: number }> {
  const count = options.people ?? 500;
  const random = seededRandom(options.seed ?? 20261122);
  if (!options.force && (await listPeople(ctx, { limit: 1 })).items.length > 0) {
    throw new AppError("conflict", "The register already has people; use force to add the demo data anyway");
  }
  const female = weightedPicker(FEMALE_GIVEN_NAMES);
  const male = weightedPicker(MALE_GIVEN_NAMES);
  const surname = weightedPicker(SURNAMES);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const rows: Array<{ row: number; values: TPersonImportRow }> = [];
  for (let index = 0; index < count; index++) {
    const sex = random() < 0.5 ? "female" : "male";
    const names = sex === "female" ? female : male;
    const nameCount = 1 + Math.floor(random() * 3);
    const given = [...new Set(Array.from({ length: nameCount }, () => names(random)))];
    const marked =
      given.length > 1 && random() < 0.8 ? 1 + Math.floor(random() * given.length) : given.length === 1 ? 1 : 0;
    const family = surname(random);
    const town = pick(TOWNS);
    const preferred = marked ? (given[marked - 1] ?? given[0] ?? "") : (given[0] ?? "");
    const pnr = generateTestPersonnummer(random, { birthYearFrom: 1940, birthYearTo: 2005, sex });
    const fold = (text: string) =>
      text
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z]/g, "");
    rows.push({
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
        lifecycleStage: pick(["interested", "prospect", "lead", "customer", "customer", "customer"]),
        ...(random() < 0.1 ? { apartment: String(1101 + Math.floor(random() * 300)) } : {}),
      },
    });
  }
  for (let start = 0; start < rows.length; start += 1_000) {
    const result = await importPeople(ctx, rows.slice(start, start + 1_000), { system: "demo" });
    if (result.errors.length > 0) throw new Error(`demo data failed validation: ${JSON.stringify(result.errors[0])}`);
  }
  const personIds = (
    await resolvePersonRefs(
      ctx,
      "demo",
      rows.map((row) => ({ externalId: row.values.externalId })),
    )
  ).filter((id): id is string => id !== null);

  const organizationIds: string[] = [];
  for (const [name, sniCode, industry, employees] of COMPANIES) {
    const town = pick(TOWNS);
    const organization = await createOrganization(ctx, {
      name,
      organisationsnummer: organisationsnummer(name, random),
      sniCode,
      industry,
      employees,
      revenueSek: employees * (900_000 + Math.floor(random() * 600_000)),
      address: {
        kind: "visiting",
        street: `${pick(STREET_STEMS)} ${1 + Math.floor(random() * 40)}`,
        postalCode: `${town.postnummerPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`,
        city: town.name,
      },
      source: { system: "demo" },
    });
    organizationIds.push(organization.id);
  }
  const now = ctx.clock.now().getTime();
  const day = 86_400_000;
  for (const [index, personId] of personIds.entries()) {
    await withTransaction(ctx, async (tx) => {
      if (index % 4 === 0) {
        await addRole(tx, {
          personId,
          organizationId: pick(organizationIds),
          title: pick(["Inköpschef", "VD", "Ekonomiansvarig", "Projektledare", "Säljare"]),
          isPrimaryContact: random() < 0.3,
        });
      }
      if (random() < 0.6) {
        await recordConsent(tx, personId, {
          purpose: "marketing",
          channel: random() < 0.7 ? "email" : "sms",
          status: random() < 0.85 ? "granted" : "withdrawn",
          source: { system: "demo" },
        });
      }
      const activityCount = Math.floor(random() * 5);
      for (let activity = 0; activity < activityCount; activity++) {
        const kind = pick(["call", "call", "note", "email", "meeting"] as const);
        await logActivity(tx, {
          personId,
          kind,
          direction: kind === "call" || kind === "email" ? pick(["inbound", "outbound"] as const) : undefined,
          subject: kind === "note" ? pick(NOTES) : pick(CALL_SUBJECTS),
          occurredAt: new Date(now - Math.floor(random() * 365) * day - Math.floor(random() * day)),
        });
      }
      if (random() < 0.15) {
        await logActivity(tx, {
          personId,
          kind: "task",
          subject: TASKS[index % TASKS.length] as string,
          // From a week late to two weeks ahead: a to-do list with something already overdue.
          dueAt: new Date(now + (Math.floor(random() * 21) - 7) * day),
        });
      }
      const orderCount = Math.floor(random() * 4);
      for (let order = 0; order < orderCount; order++) {
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
          const [description, unitPriceSek] = pick(PRODUCTS);
          return { description, unitPriceSek, quantity: 1 + Math.floor(random() * 3) };
        });
        await recordOrder(tx, {
          personId,
          number: String(10_000 + index * 4 + order),
          status: pick(["open", "delivered", "paid", "paid", "paid", "cancelled"] as const),
          orderedAt: new Date(now - Math.floor(random() * 400) * day),
          lines,
          source: { system: "demo", externalId: `ORD-${index}-${order}` },
        });
      }
    });
  }
  // Every row was imported, so the ids line up with the rows they came from.
  if (personIds.length === rows.length) {
    const people = rows.map((row, index) => ({ id: personIds[index] as string, email: row.values.email ?? null }));
    await loadDemoEvents(ctx, people, random);
  }
  const duplicates = await loadDemoDuplicates(ctx, rows);
  return { people: personIds.length, organizations: organizationIds.length, duplicates };
}
