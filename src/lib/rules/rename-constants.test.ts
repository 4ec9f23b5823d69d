import { describe, expect, it } from "vitest";
import { renameConstants } from "./rename-constants";

describe("renameConstants", () => {
  const renames = new Map([["guld", "Guld"]]);

  it("renames the field's whole-value constants at any depth, in any case, and nothing else", () => {
    const condition = {
      all: [
        { field: "person.custom.niva", op: "eq", value: "guld" },
        { not: { field: "person.custom.niva", op: "in", value: ["GULD ", "silver"] } },
        { any: [{ field: "person.custom.niva", op: "contains", value: "guld" }] },
        { field: "person.custom.annan", op: "eq", value: "guld" },
      ],
    };
    const result = renameConstants(condition, "person.custom.niva", renames);
    expect(result.renamed).toBe(2);
    expect(result.condition).toEqual({
      all: [
        { field: "person.custom.niva", op: "eq", value: "Guld" },
        { not: { field: "person.custom.niva", op: "in", value: ["Guld", "silver"] } },
        { any: [{ field: "person.custom.niva", op: "contains", value: "guld" }] },
        { field: "person.custom.annan", op: "eq", value: "guld" },
      ],
    });
  });

  it("leaves a condition without the old spelling as it was", () => {
    const condition = { field: "person.custom.niva", op: "eq", value: "Guld" };
    const result = renameConstants(condition, "person.custom.niva", renames);
    expect(result).toEqual({ condition, renamed: 0 });
    expect(result.condition).toBe(condition);
  });
});
