import { SimpleGrid, Stack, Title } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { CustomAttributeInput } from "./custom-attribute-input";
import type { CustomAttribute } from "./types";

interface CustomFieldsSectionProps {
  attributes: readonly CustomAttribute[] | undefined;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** The message for one field, by its API name `custom.<key>`. */
  errorAt: (field: string) => string | undefined;
}

/** The company's own fields in a person's or organisation's form; nothing when none are in use. */
export function CustomFieldsSection({ attributes, values, onChange, errorAt }: CustomFieldsSectionProps) {
  const { t } = useI18n();
  const shown = (attributes ?? []).filter((attribute) => !attribute.retired);
  if (shown.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t.personForm.custom}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {shown.map((attribute) => (
          <CustomAttributeInput
            key={attribute.id}
            attribute={attribute}
            value={values[attribute.key]}
            onChange={(value) => onChange({ ...values, [attribute.key]: value })}
            error={errorAt(`custom.${attribute.key}`)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
