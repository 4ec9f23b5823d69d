import { AppShell, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { QuickSearch } from "./quick-search";
import { UserMenu } from "./user-menu";

export function AppLayout() {
  const { t } = useI18n();
  const [navOpened, nav] = useDisclosure();
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="xl"
    >
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t.shell.toggleMenu} />
            <Logo />
          </Group>
          <Group gap="md" wrap="nowrap">
            <QuickSearch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t.shell.mainMenu}>
        <ScrollArea>
          <MainNav onNavigate={nav.close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
