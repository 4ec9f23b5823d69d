import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { formatCustomValue } from "./format-custom-value";
import type { CustomAttribute } from "./types";

const attribute = (type: CustomAttribute["type"]): CustomAttribute => ({
  id: "a",
  key: "k",
  label: "K",
  description: null,
  type,
  choices: null,
  required: false,
  retired: false,
});

describe("custom values", () => {
  it("shows each type the Swedish way", () => {
    expect(formatCustomValue(attribute("kronor"), 1250.5, "sv", sv)).toBe("1\u00a0250,50\u00a0kr");
    expect(formatCustomValue(attribute("number"), 12000, "sv", sv)).toBe("12\u00a0000");
    expect(formatCustomValue(attribute("date"), "2026-03-02", "sv", sv)).toBe("2026-03-02");
    expect(formatCustomValue(attribute("boolean"), true, "sv", sv)).toBe("Ja");
    expect(formatCustomValue(attribute("choice"), "guld", "sv", sv)).toBe("guld");
  });

  it("shows a dash where there is no value", () => {
    expect(formatCustomValue(attribute("text"), null, "sv", sv)).toBe("–");
  });
});
