import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/api-problem";
import { bulkMatch, bulkSet, refusedRecords } from "./bulk-change";

describe("a change to everyone a list matches", () => {
  it("sends the list's search and filters, without its order or empty filters", () => {
    expect(
      bulkMatch({
        q: "ek",
        city: undefined,
        filter: ["custom.kundniva:eq:Guld"],
        consent: [],
        sort: "-createdAt",
      }),
    ).toEqual({ q: "ek", filter: ["custom.kundniva:eq:Guld"] });
    expect(bulkMatch({ q: "", sort: "name" })).toEqual({});
  });

  it("sets only what was chosen", () => {
    expect(bulkSet({ ownerId: "keep", ownerTeamId: "none", lifecycleStage: "lead" })).toEqual({
      ownerTeamId: null,
      lifecycleStage: "lead",
    });
  });

  it("reads who was refused, and how many in all, from the problem", () => {
    const problem = new ApiProblem({
      status: 403,
      code: "forbidden",
      detail: "60 of the 70 records cannot be changed; nothing was changed",
      refused: 60,
      records: [{ id: "a", name: "Cia Ceder", code: "forbidden" }],
    });
    expect(refusedRecords(problem)).toEqual({
      records: [{ id: "a", name: "Cia Ceder", code: "forbidden" }],
      count: 60,
    });
    expect(refusedRecords(new Error("network"))).toEqual({ records: [], count: 0 });
  });
});
