import { Select, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { DateField } from "../ui/date-field";
import { choiceOptions, editableNumber } from "./custom-values";
import type { CustomAttribute } from "./types";

interface CustomAttributeInputProps {
  attribute: CustomAttribute;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

/**
 * The input that fits the attribute's type. Numbers and kronor are typed as text and read when
 * the form is sent (see prepareCustomValues), so what is typed or pasted is never silently
 * changed while typing: "−500" stays negative, "1e5" and "abc" are named as faults.
 */
export function CustomAttributeInput({ attribute, value, onChange, error }: CustomAttributeInputProps) {
  const { t, locale } = useI18n();
  const common = {
    label: attribute.label,
    description: attribute.description || undefined,
    error,
    required: attribute.required,
  };
  switch (attribute.type) {
    case "number":
    case "kronor":
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          autoComplete="off"
          value={typeof value === "number" ? editableNumber(value, locale) : typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value)}
          rightSection={attribute.type === "kronor" ? "kr" : undefined}
          rightSectionPointerEvents="none"
        />
      );
    case "date":
      return <DateField {...common} value={typeof value === "string" ? value : ""} onChange={onChange} />;
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
    case "choice": {
      const options = choiceOptions(attribute);
      // A stored value no longer among the choices is still shown, not dropped from the form.
      if (typeof value === "string" && value !== "" && !options.includes(value)) options.push(value);
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === "string" ? value : null}
          onChange={onChange}
          clearable
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === "string" ? value : value === null || value === undefined ? "" : String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
