import { describe, expect, it } from "vitest";
import { mayChangeTask, mayWriteRecord } from "./register-access";

const seller = { id: "u-anna", role: "sales" as const, teamIds: ["t-syd"] };
const unowned = { ownerId: null, ownerTeamId: null };

describe("who may change a register record, as the server decides", () => {
  it("lets a seller change their own, their team's and unowned customers, not another team's", () => {
    expect(mayWriteRecord(seller, unowned)).toBe(true);
    expect(mayWriteRecord(seller, { ownerId: "u-anna", ownerTeamId: "t-norr" })).toBe(true);
    expect(mayWriteRecord(seller, { ownerId: null, ownerTeamId: "t-syd" })).toBe(true);
    expect(mayWriteRecord(seller, { ownerId: "u-bo", ownerTeamId: "t-syd" })).toBe(true);
    expect(mayWriteRecord(seller, { ownerId: null, ownerTeamId: "t-norr" })).toBe(false);
    // A colleague's customer with no owning team is theirs alone, even if they share a team.
    expect(mayWriteRecord(seller, { ownerId: "u-bo", ownerTeamId: null })).toBe(false);
  });

  it("lets admin, marketing and support change any record, and read-only none", () => {
    const another = { ownerId: "u-bo", ownerTeamId: "t-norr" };
    for (const role of ["admin", "marketing", "support"] as const) {
      expect(mayWriteRecord({ ...seller, role }, another)).toBe(true);
    }
    expect(mayWriteRecord({ ...seller, role: "read_only" }, unowned)).toBe(false);
  });

  it("lets a task's assignee close it on a customer they may not otherwise change", () => {
    expect(mayChangeTask(seller, "u-anna", false)).toBe(true);
    expect(mayChangeTask(seller, "u-bo", false)).toBe(false);
    expect(mayChangeTask(seller, null, true)).toBe(true);
    expect(mayChangeTask({ ...seller, role: "read_only" }, "u-anna", false)).toBe(false);
  });
});
