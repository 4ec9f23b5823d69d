import { NumberInput, Select, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { CustomAttribute } from "./types";

interface CustomAttributeInputProps {
  attribute: CustomAttribute;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

/** The input that fits the attribute's type; the server checks and converts what is typed. */
export function CustomAttributeInput({ attribute, value, onChange, error }: CustomAttributeInputProps) {
  const { t, locale } = useI18n();
  const common = { label: attribute.label, error, required: attribute.required };
  const decimalSeparator = locale === "sv" ? "," : ".";
  const thousandSeparator = locale === "sv" ? "\u00a0" : ",";
  const asNumber = typeof value === "number" || typeof value === "string" ? value : "";
  switch (attribute.type) {
    case "number":
      return (
        <NumberInput
          {...common}
          value={asNumber}
          onChange={onChange}
          decimalSeparator={decimalSeparator}
          hideControls
        />
      );
    case "kronor":
      return (
        <NumberInput
          {...common}
          value={asNumber}
          onChange={onChange}
          decimalSeparator={decimalSeparator}
          thousandSeparator={thousandSeparator}
          decimalScale={2}
          suffix=" kr"
          hideControls
        />
      );
    case "date":
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case "boolean":
      return (
        <Select
          {...common}
          data={[
            { value: "true", label: t.register.yes },
            { value: "false", label: t.register.no },
          ]}
          value={typeof value === "boolean" ? String(value) : null}
          onChange={(choice) => onChange(choice === null ? null : choice === "true")}
          clearable
        />
      );
    case "choice":
      return (
        <Select
          {...common}
          data={attribute.choices ?? []}
          value={typeof value === "string" ? value : null}
          onChange={onChange}
          clearable
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
