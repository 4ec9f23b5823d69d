import type { z } from "zod";
import { actingUserId } from "../kernel/actor";
import { ManualClock } from "../kernel/clock";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { DEFAULT_INSTALLATION_ZONE, wallClockToInstant } from "../kernel/local-time";
import { STREET_STEMS, seededRandom, TOWNS } from "../lib/se";
import { logActivity } from "../modules/activities";
import { recordOrder } from "../modules/orders";
import {
  addRole,
  createOrganization,
  importPeople,
  listPeople,
  moveAddress,
  recordConsent,
  resolvePersonRefs,
  setChannelPreference,
  updatePerson,
  type ZChannelPreferenceInput,
} from "../modules/register";
import type { RuleEngine } from "../modules/rules";
import { defineDemoAttributes } from "./demo-attributes";
import { loadDemoDuplicates } from "./demo-duplicates";
import { defineDemoTraits, loadDemoEvents } from "./demo-events";
import { generateDemoPeople, townNamed } from "./demo-people";
import { loadDemoRules } from "./demo-rules";
import { refreshLastContact } from "./refresh-last-contact";

export interface DemoOptions {
  people?: number;
  seed?: number;
  /** Load even when the register already has people. */
  force?: boolean;
}

/** Name, SNI code, industry, employees, and the town the company is in (and most staff live). */
const COMPANIES: Array<[string, string, string, number, string]> = [
  ["Norrlands Trä AB", "16.100", "Sågverk", 140, "Sundsvall"],
  ["Mälardalens Bygg AB", "41.200", "Byggentreprenad", 65, "Västerås"],
  ["Skånska Livs AB", "47.110", "Livsmedelshandel", 38, "Malmö"],
  ["Västkustens Fisk AB", "10.200", "Fiskberedning", 22, "Göteborg"],
  ["Kungsholmens Redovisning AB", "69.201", "Redovisning", 12, "Stockholm"],
  ["Dalarnas Energi AB", "35.110", "Elproduktion", 210, "Falun"],
  ["Göta Kanal Turism AB", "79.120", "Researrangör", 17, "Motala"],
  ["Umeå Mjukvara AB", "62.010", "Programvaruutveckling", 48, "Umeå"],
  ["Lantmännens Gårdsbutik Ek. för.", "47.210", "Gårdsbutik", 9, "Uppsala"],
  ["Östersunds Sport & Fritid AB", "47.640", "Sportartiklar", 26, "Östersund"],
  ["Hallands Trädgård HB", "01.190", "Odling", 6, "Halmstad"],
  ["Bryggeriet i Visby AB", "11.050", "Bryggeri", 31, "Visby"],
];

/** Every how many customers one is the sales letter's customer: complains, hardly visits, a big order open. */
const UNHAPPY_EVERY = 75;
const UNHAPPY_FIRST = 5;
/** People are registered in groups of this many, each group on a day of its own. */
const REGISTERED_PER_DAY = 50;
const DAY_MS = 86_400_000;

/** What customers tell sales and support about being reached: a topic, a channel, and when. */
const DEMO_PREFERENCES: Array<z.input<typeof ZChannelPreferenceInput>> = [
  { topic: "orders", channel: "sms", window: { days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" } },
  { topic: "*", channel: "email", window: null },
  { topic: "support", channel: "phone", window: { days: [1, 2, 3, 4, 5], from: "09:00", to: "16:00" } },
  { topic: "offers", channel: "letter", window: null },
];

const MEETING_SUBJECTS = ["Visning av sortimentet", "Genomgång av avtalet", "Offertgenomgång", "Uppföljningsmöte"];

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

export interface DemoDeps {
  /** Lets the demo's rule decide on the demo's events as they arrive, as it would on the API's. */
  rules?: RuleEngine;
}

/**
 * Loads a realistic Swedish demo register: people named after real name frequencies, with
 * several given names and a preferred-name marking, valid test personnummer (never real
 * people's), registered over the last few years, some of whom have moved since; companies in
 * their own towns with staff who mostly live there; consents, calls, notes, tasks and orders, and
 * a month of visits to a demo shop and calls to customer service, through the tracking API; the
 * sales-letter rule, with a few customers it is meant for; and a few people a second time, from
 * the web shop, for the duplicate check to find.
 */
export async function loadDemoData(
  ctx: Ctx,
  options: DemoOptions = {},
  deps: DemoDeps = {},
): Promise<{ people: number; organizations: number; duplicates: number }> {
  const count = options.people ?? 500;
  const random = seededRandom(options.seed ?? 20261122);
  if (!options.force && (await listPeople(ctx, { limit: 1 })).items.length > 0) {
    throw new AppError("conflict", "The register already has people; use force to add the demo data anyway");
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = ctx.clock.now().getTime();
  const people = generateDemoPeople(count, random, {
    companyTowns: COMPANIES.map(([, , , , town]) => town),
    stig: UNHAPPY_FIRST,
    unhappy: isUnhappy,
  });
  const rows = people.map((person) => person.row);
  await defineDemoAttributes(ctx);
  // The customers came over the years: each group is registered on a day of its own, from three
  // years ago to fourteen months ago, before the first of their orders.
  const registeredAt: Date[] = [];
  const groups = Math.ceil(rows.length / REGISTERED_PER_DAY);
  for (let group = 0; group < groups; group++) {
    const daysAgo = 1_100 - Math.round((680 * group) / Math.max(1, groups - 1));
    const at = new Date(now - daysAgo * DAY_MS);
    const slice = rows.slice(group * REGISTERED_PER_DAY, (group + 1) * REGISTERED_PER_DAY);
    const result = await importPeople({ ...ctx, clock: new ManualClock(at) }, slice, { system: "demo" });
    if (result.errors.length > 0) throw new Error(`demo data failed validation: ${JSON.stringify(result.errors[0])}`);
    registeredAt.push(...slice.map(() => at));
  }
  const personIds = (
    await resolvePersonRefs(
      ctx,
      "demo",
      rows.map((row) => ({ externalId: row.values.externalId })),
    )
  ).filter((id): id is string => id !== null);

  const organizationIds: string[] = [];
  const foundedCtx = { ...ctx, clock: new ManualClock(new Date(now - 1_200 * DAY_MS)) };
  for (const [name, sniCode, industry, employees, home] of COMPANIES) {
    const town = townNamed(home);
    const organization = await createOrganization(foundedCtx, {
      name,
      organisationsnummer: organisationsnummer(name, random),
      sniCode,
      industry,
      employees,
      revenueSek: employees * (900_000 + Math.floor(random() * 600_000)),
      ...(random() < 0.7
        ? {
            custom: {
              kreditgrans: Math.max(25_000, Math.round(employees * 2_500) * 10),
              ramavtal_till: new Date(now + (30 + Math.floor(random() * 500)) * DAY_MS).toISOString().slice(0, 10),
            },
          }
        : {}),
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
  // Whoever loads the demo is the seller of the customers it gives them tasks for, and of those
  // the sales letter is meant for, so the rule's tasks reach their list.
  const seller = actingUserId(ctx.actor);
  for (const [index, personId] of personIds.entries()) {
    await withTransaction(ctx, async (tx) => {
      const employer = people[index]?.employer ?? null;
      if (employer !== null) {
        await addRole(tx, {
          personId,
          organizationId: organizationIds[employer] as string,
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
      // Every seventh customer has told someone how they want to be reached. Chosen by place,
      // not drawn, so the rest of the demo stays as it was.
      const preference = index % 7 === 3 ? DEMO_PREFERENCES[index % DEMO_PREFERENCES.length] : undefined;
      if (preference) {
        // Said a while after they became customers, not on the day the demo was loaded.
        const toldAt = Math.min(now, (registeredAt[index]?.getTime() ?? now) + (30 + (index % 200)) * DAY_MS);
        await setChannelPreference(tx, personId, {
          ...preference,
          source: { system: "demo", receivedAt: new Date(toldAt).toISOString() },
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
          occurredAt: officeHours(now - Math.floor(random() * 365) * DAY_MS, random(), now),
        });
      }
      // Every twelfth customer has a meeting booked in the coming fortnight, on the hour in office
      // hours: the seller's next contact, which becomes the last once it has been held.
      const booked = index % 12 === 5;
      if (booked) {
        let day = Math.floor(now / DAY_MS) + (index % 14) + 1;
        // Not on a weekend: the Monday after.
        day += [1, 0, 0, 0, 0, 0, 2][new Date(day * DAY_MS).getUTCDay()] as number;
        await logActivity(tx, {
          personId,
          kind: "meeting",
          subject: MEETING_SUBJECTS[index % MEETING_SUBJECTS.length] as string,
          occurredAt: new Date(day * DAY_MS + (8 + (index % 6)) * 3_600_000),
        });
      }
      if (activityCount > 0 || booked) await refreshLastContact(tx, [personId]);
      const hasTask = random() < 0.15;
      if (hasTask) {
        await logActivity(tx, {
          personId,
          kind: "task",
          subject: TASKS[index % TASKS.length] as string,
          // From a week late to two weeks ahead: a to-do list with something already overdue.
          dueAt: new Date(now + (Math.floor(random() * 21) - 7) * DAY_MS),
        });
      }
      if (seller && (hasTask || isUnhappy(index))) await updatePerson(tx, personId, { ownerId: seller });
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
          // At any hour, as web shops take orders, but not all at the same minute of the day.
          orderedAt: new Date(
            now - Math.floor(random() * 400) * DAY_MS - ((index * 37 + order * 101) % 1_440) * 60_000,
          ),
          lines,
          source: { system: "demo", externalId: `ORD-${index}-${order}` },
        });
      }
      if (isUnhappy(index)) {
        await recordOrder(tx, {
          personId,
          number: String(10_000 + index * 4 + 3),
          status: "open",
          orderedAt: new Date(now - (3 + Math.floor(random() * 18)) * DAY_MS),
          lines: [
            { description: "Vedspis, gjutjärn", unitPriceSek: 14_900, quantity: 1 },
            { description: "Ved, björk 40 l", unitPriceSek: 89, quantity: 10 },
          ],
          source: { system: "demo", externalId: `ORD-${index}-3` },
        });
      }
      // One in ten has moved since they were registered: the old address is kept, closed.
      const registered = registeredAt[index]?.getTime() ?? now;
      if (random() < 0.1) {
        const town = pick(TOWNS);
        const span = Math.max(1, Math.floor((now - registered) / DAY_MS) - 90);
        const movedAt = new Date(registered + (60 + Math.floor(random() * span)) * DAY_MS);
        // The register heard of the move from the population register a few days later.
        await moveAddress(
          { ...tx, clock: new ManualClock(new Date(movedAt.getTime() + 4 * DAY_MS)) },
          { entity: "person", id: personId },
          {
            kind: "home",
            street: `${pick(STREET_STEMS)} ${1 + Math.floor(random() * 60)}`,
            postalCode: `${town.postnummerPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`,
            city: town.name,
            validFrom: movedAt.toISOString(),
            source: { system: "demo" },
          },
        );
      }
    });
  }
  await defineDemoTraits(ctx);
  if (deps.rules) await loadDemoRules(ctx, deps.rules);
  // Every row was imported, so the ids line up with the rows they came from.
  if (personIds.length === rows.length) {
    const visitors = rows.map((row, index) => ({
      id: personIds[index] as string,
      email: row.values.email ?? null,
      unhappy: isUnhappy(index),
    }));
    await loadDemoEvents(ctx, visitors, random, deps.rules);
  }
  const duplicates = await loadDemoDuplicates(ctx, rows);
  return { people: personIds.length, organizations: organizationIds.length, duplicates };
}

function isUnhappy(index: number): boolean {
  return index % UNHAPPY_EVERY === UNHAPPY_FIRST;
}

/**
 * A moment in office hours (08–17 in Stockholm) on the weekday of `instant`, or the Friday before
 * a weekend: when sellers call, write and meet. `share` (0–1) places it within the hours; a
 * moment after `notAfter` (later today) moves to the working day before.
 */
function officeHours(instant: number, share: number, notAfter: number): Date {
  let day = Math.floor(instant / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day -= DAY_MS;
  if (weekday === 0) day -= 2 * DAY_MS;
  const wallClock = day + 8 * 3_600_000 + Math.floor(share * 9 * 3_600_000);
  const at = wallClockToInstant(wallClock, DEFAULT_INSTALLATION_ZONE) ?? wallClock;
  return at > notAfter ? officeHours(day - DAY_MS, share, notAfter) : new Date(at);
}
