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

  it("says whether a message went out or was held back, and which cases were opened and escalated", () => {
    expect(describeResult({ type: "send_message", ok: true, messageId: "m1", status: "queued" }, sv, names)).toBe(
      "Meddelande köat",
    );
    expect(
      describeResult(
        { type: "send_message", ok: true, messageId: "m1", status: "suppressed", suppressedReason: "no_consent" },
        sv,
        names,
      ),
    ).toBe("Meddelandet hölls tillbaka: inget samtycke till e-post");
    expect(describeResult({ type: "open_case", ok: true, caseId: "c1", number: 1042 }, sv, names)).toBe(
      "Ärende 1042 öppnat",
    );
    const escalated = [
      { caseId: "c1", number: 1042, level: 1 },
      { caseId: "c2", number: 1043, level: 2 },
    ];
    expect(describeResult({ type: "escalate", ok: true, escalated }, sv, names)).toBe("Ärendena 1042, 1043 eskalerade");
    expect(describeResult({ type: "escalate", ok: true, escalated: [] }, sv, names)).toBe(
      "Inga öppna ärenden att eskalera",
    );
  });

  it("says which action failed and why", () => {
    expect(describeResult({ type: "assign_owner", ok: false, error: "Every member is at capacity" }, sv, names)).toBe(
      "Tilldela ägare misslyckades: Every member is at capacity",
    );
  });
});
