import { DataList, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { SectionCard } from "../ui/section-card";
import { formatCustomValue } from "./format-custom-value";
import { customAttributesQuery } from "./queries";
import type { CustomEntity } from "./types";

/** The company's own fields, each shown the way its type is read; they are changed under Edit. */
export function CustomAttributesCard({ entity, values }: { entity: CustomEntity; values: Record<string, unknown> }) {
  const { t, locale } = useI18n();
  const attributes = useQuery(customAttributesQuery(entity));
  if (!attributes.data) return null;
  return (
    <SectionCard title={t.person.custom}>
      {attributes.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.person.noCustom}
        </Text>
      ) : (
        <DataList size="sm" labelWidth="45%" withDivider>
          {attributes.data.map((attribute) => (
            <DataList.Item key={attribute.id}>
              <DataList.ItemLabel>{attribute.label}</DataList.ItemLabel>
              <DataList.ItemValue>{formatCustomValue(attribute, values[attribute.key], locale, t)}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </SectionCard>
  );
}
