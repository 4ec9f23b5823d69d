import { describe, expect, it } from "vitest";
import { ownerParams, validOwner, withOwnerFilters } from "./owner-filter";

const ID = "0190f7a0-0000-7000-8000-000000000001";

describe("whose customers a list shows", () => {
  it("takes a user, a team or nobody from the address, and nothing else", () => {
    expect(validOwner(ID)).toBe(ID);
    expect(validOwner(`team:${ID}`)).toBe(`team:${ID}`);
    expect(validOwner("none")).toBe("none");
    expect(validOwner("team:anna")).toBeUndefined();
    expect(validOwner("me")).toBeUndefined();
    expect(validOwner(42)).toBeUndefined();
  });

  it("asks the API for a user's by ownerId, and for a team's or nobody's by filters", () => {
    expect(ownerParams(ID)).toEqual({ ownerId: ID, filter: [] });
    expect(ownerParams(`team:${ID}`)).toEqual({ filter: [`ownerTeamId:eq:${ID}`] });
    expect(ownerParams("none")).toEqual({ filter: ["ownerId:empty", "ownerTeamId:empty"] });
    expect(withOwnerFilters(["custom.a:eq:1"], "none")).toEqual([
      "custom.a:eq:1",
      "ownerId:empty",
      "ownerTeamId:empty",
    ]);
    expect(withOwnerFilters(undefined, ID)).toBeUndefined();
  });
});
