import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../../src/db/rows";
import { deduplicateRegister } from "../../src/flows/deduplicate-register";
import { loadDemoData } from "../../src/flows/demo";
import { DEMO_SALES_LETTER_RULE } from "../../src/flows/demo-rules";
import { listTasks } from "../../src/modules/activities";
import { listMatchCandidates } from "../../src/modules/quality";
import { getOrganization, getPerson, listOrganizations, listPeople } from "../../src/modules/register";
import { listFirings, listRules } from "../../src/modules/rules";
import { computedTraitValues, listTrackedEvents } from "../../src/modules/tracking";
import { describeStores } from "../support/services";

describeStores("demo data", ({ services }) => {
  it("fills an empty register with people greeted by their preferred names, companies and a timeline", async () => {
    const ctx = services().systemCtx("test");
    const result = await loadDemoData(ctx, { people: 40, seed: 7 }, { rules: services().rules });
    expect(result).toEqual({ people: 40, organizations: 12, duplicates: 2 });
    const everyone = await listPeople(ctx, { limit: 100 });
    // 40 people, and two of them a second time from the web shop, for the duplicate check.
    expect(everyone.items).toHaveLength(42);
    const people = { items: everyone.items.filter((person) => person.personnummer !== null) };
    expect(people.items).toHaveLength(40);
    for (const person of people.items) {
      expect(person.personnummer).toMatch(/^(19|20)\d{10}$/);
      expect(person.email).toMatch(/@(example\.(com|net|org)|mail\.example|post\.example)$/);
      const parts = person.givenNames.split(" ");
      expect(parts).toContain(person.greetingName.split("-")[0]);
    }
    expect(people.items.some((person) => person.greetingName !== person.givenNames.split(" ")[0])).toBe(true);
    expect((await listOrganizations(ctx, { limit: 50 })).items.some((org) => org.people > 0)).toBe(true);
    // A month of visits and support calls, tied to the people, counted in their computed traits.
    const events = await listTrackedEvents(ctx, { limit: 200 });
    expect(events.items.some((event) => event.type === "page" && event.personId !== null)).toBe(true);
    const visitor = events.items.find((event) => event.type === "page" && event.personId)?.personId as string;
    const traits = await computedTraitValues(ctx, visitor);
    expect(traits.find((trait) => trait.key === "page_views_30d")?.value).toBeGreaterThan(0);
    await expect(loadDemoData(ctx, { people: 5 })).rejects.toMatchObject({ code: "conflict" });
    // The web shop's records are the same people written differently: merged, or put to a person.
    const fromShop = everyone.items.filter((person) => person.personnummer === null).map((person) => person.id);
    await deduplicateRegister(ctx);
    const merged = (await listPeople(ctx, { limit: 100 })).items.map((person) => person.id);
    for (const id of fromShop) {
      const queued = await listMatchCandidates(ctx, { personId: id });
      expect(!merged.includes(id) || queued.length === 1, `web shop record ${id}`).toBe(true);
    }
    expect(merged.length).toBeLessThan(42);
  });

  it("tells a story a new user can follow: companies in their towns, customers of long standing who moved, and the sales letter for Stig", async () => {
    const ctx = services().systemCtx("test");
    const organizations = (await listOrganizations(ctx, { limit: 50 })).items;
    const brewery = organizations.find((organization) => organization.name === "Bryggeriet i Visby AB");
    expect(brewery?.city).toBe("Visby");
    const employees = await Promise.all(
      (await listPeople(ctx, { limit: 100 })).items.map((person) => getPerson(ctx, person.id)),
    );
    const towns = new Map(organizations.map((organization) => [organization.id, organization.city]));
    const staff = employees.filter((person) => person.roles.length > 0);
    const atHome = staff.filter((person) =>
      person.addresses.some(
        (address) => !address.validTo && address.city === towns.get(person.roles[0]?.organizationId ?? ""),
      ),
    );
    expect(staff.length).toBeGreaterThan(5);
    // Some customers have a meeting booked in the coming fortnight, not yet their last contact.
    const now = ctx.clock.now().getTime();
    const booked = employees.filter((person) => person.nextContactAt !== null);
    expect(booked.length).toBeGreaterThan(0);
    for (const person of booked) {
      expect(person.nextContactAt?.getTime()).toBeGreaterThan(now);
      expect(person.nextContactAt?.getTime()).toBeLessThan(now + 16 * 86_400_000);
      expect(person.lastContactAt === null || person.lastContactAt.getTime() <= now).toBe(true);
    }
    expect(atHome.length / staff.length).toBeGreaterThan(0.5);
    // Sellers call, write and meet on weekdays in office hours; a web shop takes orders at any hour.
    const stockholm = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Stockholm",
      weekday: "short",
      hour: "2-digit",
      hourCycle: "h23",
    });
    const contacts = await queryRows<{ occurred_at: string | Date }>(
      ctx.db,
      sql`select occurred_at from activities where kind in ('call', 'email', 'meeting', 'note')`,
    );
    expect(contacts.length).toBeGreaterThan(20);
    for (const { occurred_at } of contacts) {
      const parts = stockholm.formatToParts(new Date(occurred_at));
      const hour = Number(parts.find((part) => part.type === "hour")?.value);
      const weekday = parts.find((part) => part.type === "weekday")?.value;
      expect({ weekday, hour, at: occurred_at }).toMatchObject({
        weekday: expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri)$/),
        hour: expect.toSatisfy((h: number) => h >= 8 && h < 17),
      });
    }
    const minutesOfDay = await queryRows<{ minute: number }>(
      ctx.db,
      sql`select distinct extract(hour from ordered_at) * 60 + extract(minute from ordered_at) as minute from orders`,
    );
    expect(minutesOfDay.length).toBeGreaterThan(10);
    // Some have told how they want to be reached, about what and when: after they became customers,
    // not on the day the demo was loaded.
    const told = employees.filter((person) => person.channelPreferences.length > 0);
    expect(told.length).toBeGreaterThan(0);
    for (const person of told) {
      const toldAt = new Date(person.channelPreferences[0]?.source.receivedAt ?? 0).getTime();
      expect(toldAt).toBeGreaterThan(person.createdAt.getTime());
      expect(toldAt).toBeLessThan(now - 86_400_000);
    }
    expect(told.flatMap((person) => person.channelPreferences)).toContainEqual(
      expect.objectContaining({
        topic: "orders",
        channel: "sms",
        window: { days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" },
      }),
    );
    // Customers came over the years, and some have moved since: the old address is kept, closed
    // the day the new one starts.
    const registered = employees.filter((person) => person.personnummer).map((person) => person.createdAt.getTime());
    const yearAgo = ctx.clock.now().getTime() - 365 * 86_400_000;
    expect(registered.every((at) => at < yearAgo)).toBe(true);
    const moved = (address: (typeof employees)[number]["addresses"][number]) =>
      address.source?.system === "demo" && address.validTo !== null;
    const movers = employees.filter((person) => person.addresses.some(moved));
    expect(movers.length).toBeGreaterThan(0);
    for (const mover of movers) {
      const old = mover.addresses.find(moved);
      const current = mover.addresses.find((address) => !address.validTo && address.kind === old?.kind);
      expect(current?.validFrom.getTime()).toBe(old?.validTo?.getTime());
      expect(current?.validFrom.getTime()).toBeGreaterThan(old?.validFrom.getTime() ?? 0);
    }
    // The rule the product is for fired for the man it is for, greeting him by the name he goes by.
    const stig = employees.find((person) => person.givenNames === "Karl Stig Emanuel");
    expect(stig?.greetingName).toBe("Stig");
    const rule = (await listRules(ctx, services().rules)).find((saved) => saved.name === DEMO_SALES_LETTER_RULE.name);
    expect(rule?.enabled).toBe(true);
    const firings = await listFirings(ctx, { ruleId: rule?.id });
    expect(firings.map((firing) => firing.personId)).toContain(stig?.id);
    expect(firings.find((firing) => firing.personId === stig?.id)?.explanation.join("\n")).toMatch(
      /complaint_calls_90d/,
    );
    const tasks = await listTasks(ctx, { personId: stig?.id as string });
    expect(tasks.map((task) => task.subject)).toContain(`Skicka säljbrev till Stig ${stig?.surname}`);
    // What the shop keeps beyond the register's fields, in custom attributes: Stig is a gold customer.
    expect(stig?.custom.kundniva).toBe("Guld");
    expect(employees.filter((person) => person.custom.kundklubb === true).length).toBeGreaterThan(0);
    const details = await Promise.all(organizations.map((listed) => getOrganization(ctx, listed.id)));
    expect(details.some((detail) => typeof detail.custom.kreditgrans === "number")).toBe(true);
    expect(details.some((detail) => /^\d{4}-\d{2}-\d{2}$/.test(String(detail.custom.ramavtal_till)))).toBe(true);
    const organization = await getOrganization(ctx, brewery?.id as string);
    expect(organization.createdAt.getTime()).toBeLessThan(Math.min(...registered));
  });
});
