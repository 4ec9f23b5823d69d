import { Anchor, DataList, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { personTraitsQuery } from "../events/queries";
import { formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { SectionCard } from "../ui/section-card";

/** The person's computed traits as of now, e.g. page views in 30 days; null reads as a dash. */
export function BehaviourCard({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const traits = useQuery(personTraitsQuery(personId));
  const showEvents = (
    <Anchor size="sm" renderRoot={(props) => <Link to="/events" search={{ personId }} {...props} />}>
      {t.behaviour.showEvents}
    </Anchor>
  );
  return (
    <SectionCard title={t.behaviour.title} action={showEvents}>
      {traits.isPending && <Loader size="sm" type="dots" />}
      {traits.isError && (
        <Text size="sm" c="red.7" role="alert">
          {problemMessage(traits.error, t)}
        </Text>
      )}
      {traits.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.behaviour.none}
        </Text>
      )}
      {traits.data && traits.data.length > 0 && (
        <DataList size="sm" labelWidth="60%" withDivider>
          {traits.data.map((trait) => (
            <DataList.Item key={trait.key}>
              <DataList.ItemLabel>
                {trait.label}
                <Text span size="xs" c="dimmed" display="block">
                  {t.behaviour.window(trait.windowDays)}
                </Text>
              </DataList.ItemLabel>
              <DataList.ItemValue data-testid={`trait-${trait.key}`}>
                {trait.value === null ? t.register.none : formatNumber(trait.value, locale)}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </SectionCard>
  );
}
