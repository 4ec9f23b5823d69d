import { expect, it } from "vitest";
import { loadDemoData } from "../../src/flows/demo";
import { listOrganizations, listPeople } from "../../src/modules/register";
import { computedTraitValues, listTrackedEvents } from "../../src/modules/tracking";
import { describeStores } from "../support/services";

describeStores("demo data", ({ services }) => {
  it("fills an empty register with people greeted by their preferred names, companies and a timeline", async () => {
    const ctx = services().systemCtx("test");
    const result = await loadDemoData(ctx, { people: 40, seed: 7 });
    expect(result).toEqual({ people: 40, organizations: 12 });
    const people = await listPeople(ctx, { limit: 100 });
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
  });
});
