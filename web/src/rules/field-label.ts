import type { Messages } from "../i18n/sv";
import type { RuleField } from "./types";

const EVENT_PROPERTY = /^event\.(properties|number)\.(.+)$/;

/**
 * A field as the reader knows it: built-in fields in the app's words, computed traits and custom
 * attributes by the names they were given, an event property by its name.
 */
export function fieldLabel(key: string, fields: readonly RuleField[], t: Messages): string {
  const property = EVENT_PROPERTY.exec(key);
  if (property?.[2]) {
    return property[1] === "number"
      ? t.rules.condition.eventNumber(property[2])
      : t.rules.condition.eventProperty(property[2]);
  }
  return t.rules.fieldLabels[key] ?? fields.find((field) => field.key === key)?.label ?? key;
}
