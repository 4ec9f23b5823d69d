import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { describeResult } from "./describe-result";

const names = (userId: string) => (userId === "u1" ? "Maja Ström" : userId);

describe("what an action of a firing did, in words", () => {
  it("names the owner a task was made for, and the new owner", () => {
    expect(describeResult({ type: "create_task", ok: true, taskId: "t1", ownerId: "u1" }, sv, names)).toBe(
      "Uppgift skapad åt Maja Ström",
    );
    expect(describeResult({ type: "create_task", ok: true, ownerId: null }, sv, names)).toBe("Uppgift skapad");
    expect(describeResult({ type: "assign_owner", ok: true, ownerId: "u1" }, sv, names)).toBe("Ny ägare: Maja Ström");
  });

  it("names the lifecycle stage in the reader's words, and lists by name", () => {
    expect(describeResult({ type: "set_field", ok: true, field: "lifecycleStage", value: "customer" }, sv, names)).toBe(
      "Livscykelsteg satt till Kund",
    );
    expect(describeResult({ type: "add_to_list", ok: true, list: "Säljbrev" }, sv, names)).toBe(
      "Tillagd i listan Säljbrev",
    );
  });

  it("says which action failed and why", () => {
    expect(describeResult({ type: "assign_owner", ok: false, error: "Every member is at capacity" }, sv, names)).toBe(
      "Tilldela ägare misslyckades: Every member is at capacity",
    );
  });
});
