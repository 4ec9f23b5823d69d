import type { Messages } from "../i18n/sv";
import type { CustomAttribute, CustomAttributeType } from "./types";

/** `presence` fields answer only whether a record has one: who has a personnummer, not whose it is. */
export type FilterFieldType = CustomAttributeType | "presence";

export interface FilterField {
  /** As the API's `filter=` names it: a built-in field, or `custom.<key>`. */
  field: string;
  label: string;
  type: FilterFieldType;
  choices?: readonly string[] | null;
  group: "register" | "custom";
}

/** What a list can be filtered on: the register's own fields the API filters, then the custom ones. */
export function filterFields(
  entity: "person" | "organization",
  attributes: readonly CustomAttribute[],
  t: Messages,
): FilterField[] {
  const words = t.listFilters.fields;
  const builtIn: Array<Omit<FilterField, "group">> =
    entity === "person"
      ? [
          { field: "birthDate", label: words.birthDate, type: "date" },
          { field: "createdAt", label: words.createdAt, type: "date" },
          { field: "lastContactAt", label: words.lastContactAt, type: "date" },
          { field: "nextContactAt", label: words.nextContactAt, type: "date" },
          { field: "personnummer", label: words.personnummer, type: "presence" },
          { field: "email", label: words.email, type: "presence" },
          { field: "phone", label: words.phone, type: "presence" },
        ]
      : [
          { field: "employees", label: words.employees, type: "number" },
          { field: "revenueSek", label: words.revenueSek, type: "kronor" },
          { field: "industry", label: words.industry, type: "text" },
          { field: "createdAt", label: words.createdAt, type: "date" },
          { field: "lastContactAt", label: words.lastContactAt, type: "date" },
          { field: "nextContactAt", label: words.nextContactAt, type: "date" },
        ];
  return [
    ...builtIn.map((field) => ({ ...field, group: "register" as const })),
    ...attributes.map((attribute) => ({
      field: `custom.${attribute.key}`,
      label: attribute.label,
      type: attribute.type,
      choices: attribute.choices,
      group: "custom" as const,
    })),
  ];
}
