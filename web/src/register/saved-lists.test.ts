import { describe, expect, it } from "vitest";
import { organizationsQueryParams, organizationsSearchFromQuery } from "../organizations/organizations-search";
import { type PeopleSearch, peopleQueryParams, peopleSearchFromQuery } from "../people/people-search";
import { listQueryObject } from "./list-filters";
import { activeSavedList, type SavedList } from "./saved-lists";

const TEAM = "0190f7a0-0000-7000-8000-000000000001";
const USER = "0190f7a0-0000-7000-8000-000000000002";

const list = (name: string, query: SavedList["query"], mine = true): SavedList => ({
  id: name,
  entity: "person",
  name,
  query,
  userId: USER,
  shared: !mine,
  mine,
});

describe("saved lists in the app", () => {
  it("opens a saved list as the list it was saved from, whoever is responsible", () => {
    for (const search of [
      { q: "ek", stage: "customer", city: "Visby", sort: "-createdAt" },
      { owner: "none", filter: ["custom.kundniva:eq:Guld"], consent: ["marketing:email:granted"] },
      { owner: `team:${TEAM}`, filter: ["custom.kundniva:eq:Guld", "custom.kundniva:eq:Silver"] },
      { owner: USER },
      {},
    ] as PeopleSearch[]) {
      const query = listQueryObject(peopleQueryParams(search));
      expect(peopleSearchFromQuery(query)).toEqual({
        q: undefined,
        stage: undefined,
        city: undefined,
        owner: undefined,
        filter: undefined,
        consent: undefined,
        sort: undefined,
        ...search,
      });
    }
    const organizations = { group: TEAM, sort: "-employees", owner: "none", filter: ["custom.kreditgrans:gt:100000"] };
    expect(organizationsSearchFromQuery(listQueryObject(organizationsQueryParams(organizations)))).toEqual({
      q: undefined,
      city: undefined,
      ...organizations,
    });
  });

  it("knows which saved list is shown, whatever the order of its filters", () => {
    const lists = [
      list("Guld", { filter: ["custom.kundniva:eq:Guld", "ownerId:empty", "ownerTeamId:empty"] }),
      list("Visby", { city: "Visby", sort: "-createdAt" }, false),
    ];
    expect(activeSavedList(lists, { sort: "-createdAt", city: "Visby" })?.name).toBe("Visby");
    expect(
      activeSavedList(lists, { filter: ["ownerTeamId:empty", "custom.kundniva:eq:Guld", "ownerId:empty"] })?.name,
    ).toBe("Guld");
    expect(activeSavedList(lists, { city: "Visby" })).toBeUndefined();
    expect(activeSavedList(lists, { city: ["Visby"], sort: "-createdAt" })?.name).toBe("Visby");
  });
});
