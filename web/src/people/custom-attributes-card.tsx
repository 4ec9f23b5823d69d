import { DataList, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { formatCustomValue } from "../register/format-custom-value";
import { customAttributesQuery } from "../register/queries";
import type { Person } from "../register/types";
import { SectionCard } from "../ui/section-card";

/** The company's own fields, each shown the way its type is read; they are changed under Edit. */
export function CustomAttributesCard({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const attributes = useQuery(customAttributesQuery("person"));
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
            <DataList.Item key={attribute.key}>
              <DataList.ItemLabel>{attribute.label}</DataList.ItemLabel>
              <DataList.ItemValue>
                {formatCustomValue(attribute, person.custom[attribute.key], locale, t)}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </SectionCard>
  );
}
