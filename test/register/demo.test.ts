import { expect, it } from "vitest";
import { deduplicateRegister } from "../../src/flows/deduplicate-register";
import { loadDemoData } from "../../src/flows/demo";
import { listMatchCandidates } from "../../src/modules/quality";
import { listOrganizations, listPeople } from "../../src/modules/register";
import { computedTraitValues, listTrackedEvents } from "../../src/modules/tracking";
import { describeStores } from "../support/services";

describeStores("demo data", ({ services }) => {
  it("fills an empty register with people greeted by their preferred names, companies and a timeline", async () => {
    const ctx = services().systemCtx("test");
    const result = await loadDemoData(ctx, { people: 40, seed: 7 });
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
});
