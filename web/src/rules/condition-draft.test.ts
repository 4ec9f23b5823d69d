import { describe, expect, it } from "vitest";
import {
  conditionDraft,
  conditionOf,
  type GroupDraft,
  newGroup,
  newRow,
  nodePaths,
  type RowDraft,
  removeNode,
  withField,
} from "./condition-draft";
import type { Condition, RuleField } from "./types";

const FIELDS: RuleField[] = [
  { key: "trait.complaint_calls_90d", label: "Klagomål", type: "number", group: "traits", wholeBase: true },
  { key: "orders.open_sek", label: "Öppna ordrar", type: "kronor", group: "orders", wholeBase: true },
  { key: "orders.last_order_at", label: "Senaste order", type: "timestamp", group: "orders", wholeBase: true },
  {
    key: "person.lifecycle_stage",
    label: "Steg",
    type: "choice",
    group: "person",
    choices: ["lead", "customer"],
    wholeBase: true,
  },
];

const row = (field: string, op: RowDraft["op"], value: RowDraft["value"]): RowDraft => ({
  ...newRow(),
  field,
  op,
  value,
});

describe("the condition tree as the builder holds it", () => {
  it("sends what was typed: numbers as numbers, lists of numbers as numbers, spans as they are", () => {
    const root: GroupDraft = {
      ...newGroup("all", [
        row("trait.complaint_calls_90d", "gt", 3),
        row("orders.open_sek", "in", ["100", "1 234,5"]),
        row("orders.last_order_at", "within_last", { amount: 30, unit: "days" }),
        row("person.lifecycle_stage", "is_set", null),
      ]),
    };
    expect(conditionOf(root, FIELDS)).toEqual({
      all: [
        { field: "trait.complaint_calls_90d", op: "gt", value: 3 },
        { field: "orders.open_sek", op: "in", value: [100, 1234.5] },
        { field: "orders.last_order_at", op: "within_last", value: { amount: 30, unit: "days" } },
        { field: "person.lifecycle_stage", op: "is_set" },
      ],
    });
  });

  it("reads a saved condition back as the same condition, a negated comparison as a negated group of one", () => {
    const saved: Condition = {
      any: [
        { field: "trait.complaint_calls_90d", op: "between", value: [1, 5] },
        { not: { all: [{ field: "person.lifecycle_stage", op: "in", value: ["lead"] }] } },
      ],
    };
    expect(conditionOf(conditionDraft(saved, FIELDS), FIELDS)).toEqual(saved);
    const negated = conditionDraft({ not: { field: "orders.open_sek", op: "gt", value: 1 } }, FIELDS);
    expect(conditionOf(negated, FIELDS)).toEqual({ not: { all: [{ field: "orders.open_sek", op: "gt", value: 1 }] } });
  });

  it("names each row by the path the server's errors use", () => {
    const second = row("orders.open_sek", "gt", "");
    const inner: GroupDraft = { ...newGroup("any", [second]), negated: true };
    const root = newGroup("all", [row("trait.complaint_calls_90d", "gt", 3), inner]);
    const paths = nodePaths(root);
    expect(paths.get(root.id)).toBe("condition");
    expect(paths.get(inner.id)).toBe("condition.all.1");
    expect(paths.get(second.id)).toBe("condition.all.1.not.any.0");
    expect(nodePaths(removeNode(root, inner.id)).has(second.id)).toBe(false);
  });

  it("keeps the comparison when the field changes to one of the same type, and starts afresh otherwise", () => {
    const calls = row("trait.complaint_calls_90d", "lte", 7);
    expect(withField(calls, "orders.open_sek", FIELDS)).toMatchObject({ op: "gt", value: "" });
    const fresh = withField(newRow(), "orders.last_order_at", FIELDS);
    expect(fresh).toMatchObject({ op: "within_last", value: { amount: 30, unit: "days" } });
    expect(withField(fresh, "orders.last_order_at", FIELDS)).toEqual(fresh);
  });
});
