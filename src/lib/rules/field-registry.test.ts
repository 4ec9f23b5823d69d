import { describe, expect, it } from "vitest";
import { columnField } from "../../../test/rules/sample-fields";
import { FieldRegistry } from "./field-registry";

describe("FieldRegistry", () => {
  it("finds fields by key and lists them in registration order", () => {
    const registry = new FieldRegistry();
    registry.register(columnField("traits.page_views_30d", "Page views, 30 days", "number"));
    registry.register(columnField("orders.open_sek", "Open orders", "kronor"));
    expect(registry.get("orders.open_sek")?.label).toBe("Open orders");
    expect(registry.get("orders.missing")).toBeUndefined();
    expect(registry.list().map((def) => def.key)).toEqual(["traits.page_views_30d", "orders.open_sek"]);
  });

  it("refuses a second field with the same key, which would change existing rules' meaning", () => {
    const registry = new FieldRegistry();
    registry.register(columnField("traits.page_views_30d", "Page views", "number"));
    expect(() => registry.register(columnField("traits.page_views_30d", "Other", "text"))).toThrow(
      /already registered/,
    );
  });

  it("refuses a choice field without choices", () => {
    const registry = new FieldRegistry();
    expect(() => registry.register(columnField("person.stage", "Stage", "choice", { choices: [] }))).toThrow(
      /no choices/,
    );
  });
});
