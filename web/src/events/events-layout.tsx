import { Badge, Stack, Tabs, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { identityConflictsQuery } from "./queries";

const TABS = [
  { path: "/events", key: "stream" },
  { path: "/events/sources", key: "sources" },
  { path: "/events/traits", key: "traits" },
  { path: "/events/conflicts", key: "conflicts" },
] as const;

type TabPath = (typeof TABS)[number]["path"];

/** The tab a page belongs to: a source's debugger sits under Sources. */
function tabOf(pathname: string): TabPath {
  const found = TABS.find((tab) => tab.path !== "/events" && pathname.startsWith(tab.path));
  return found?.path ?? "/events";
}

/** The events module's pages under one heading, with tabs between them. */
export function EventsLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Open conflicts wait for a person to decide, so the tab says how many there are.
  const conflicts = useQuery(identityConflictsQuery);
  const openConflicts = conflicts.data?.length ?? 0;
  return (
    <Stack gap="lg" maw={1440}>
      <Title order={1}>{t.modules.events}</Title>
      <Tabs
        value={tabOf(pathname)}
        onChange={(path) => {
          const tab = TABS.find((candidate) => candidate.path === path);
          if (tab) void navigate({ to: tab.path });
        }}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab
              key={tab.key}
              value={tab.path}
              rightSection={
                tab.key === "conflicts" && openConflicts > 0 ? (
                  <Badge size="sm" color="orange" variant="filled" radius="xl" circle={openConflicts < 10}>
                    {openConflicts}
                  </Badge>
                ) : undefined
              }
            >
              {t.events.tabs[tab.key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
