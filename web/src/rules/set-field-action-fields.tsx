import { Select, SimpleGrid } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { CustomAttributeInput } from "../register/custom-attribute-input";
import { customAttributesQuery } from "../register/queries";
import { LIFECYCLE_STAGES } from "../register/types";
import type { ActionDraft } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";

type SetFieldDraft = Extract<ActionDraft, { type: "set_field" }>;

const LIFECYCLE = "lifecycleStage";

/** The lifecycle stage or a custom attribute, and the value it gets, typed as the attribute is. */
export function SetFieldActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<SetFieldDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const attributes = useQuery(customAttributesQuery("person")).data ?? [];
  const fieldOptions = [
    { value: LIFECYCLE, label: words.lifecycleStage },
    ...attributes.map((attribute) => ({ value: `custom.${attribute.key}`, label: attribute.label })),
  ];
  if (!fieldOptions.some((option) => option.value === action.field)) {
    fieldOptions.push({ value: action.field, label: action.field });
  }
  const attribute = attributes.find((candidate) => `custom.${candidate.key}` === action.field);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <Select
        label={words.field}
        data={fieldOptions}
        value={action.field}
        onChange={(field) => field && onChange({ field, value: field === LIFECYCLE ? "customer" : null })}
        allowDeselect={false}
        searchable
        error={errorAt("field")}
        disabled={disabled}
      />
      {action.field === LIFECYCLE ? (
        <Select
          label={words.value}
          data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] }))}
          value={typeof action.value === "string" ? action.value : null}
          onChange={(value) => onChange({ value })}
          error={errorAt("value")}
          disabled={disabled}
        />
      ) : attribute ? (
        <CustomAttributeInput
          attribute={{ ...attribute, label: words.value, required: false }}
          value={action.value}
          onChange={(value) => onChange({ value })}
          error={errorAt("value")}
        />
      ) : null}
    </SimpleGrid>
  );
}
