import { Badge, Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { formatNumber } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { matchCandidatesQuery, QUEUE_LIMIT } from "./queries";

const TABS = ["/people", "/people/duplicates"] as const;
type TabPath = (typeof TABS)[number];

/** Between the register and its duplicate queue; the queue's tab says how many pairs wait. */
export function PeopleTabs({ current }: { current: TabPath }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const open = useQuery(matchCandidatesQuery("open")).data?.length ?? 0;
  const count = open >= QUEUE_LIMIT ? `${formatNumber(QUEUE_LIMIT, locale)}+` : formatNumber(open, locale);
  return (
    <Tabs
      value={current}
      onChange={(path) => {
        const tab = TABS.find((candidate) => candidate === path);
        if (tab) void navigate({ to: tab });
      }}
    >
      <Tabs.List>
        <Tabs.Tab value="/people">{t.duplicates.tabAll}</Tabs.Tab>
        <Tabs.Tab
          value="/people/duplicates"
          rightSection={
            open > 0 ? (
              <Badge size="sm" color="orange" variant="filled" radius="xl" circle={open < 10}>
                {count}
              </Badge>
            ) : undefined
          }
        >
          {t.duplicates.tab}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
