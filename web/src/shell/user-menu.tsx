import { Avatar, Box, Group, Menu, Modal, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { ChangePasswordForm } from "../auth/change-password-form";
import { useMe } from "../auth/me-query";
import { useChangeLanguage } from "../auth/use-change-language";
import { useSignOut } from "../auth/use-sign-out";
import { LOCALES } from "../i18n/locale";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";

export function UserMenu() {
  const { t, locale } = useI18n();
  const user = useMe();
  const changeLanguage = useChangeLanguage();
  const signOut = useSignOut();
  const [changingPassword, passwordDialog] = useDisclosure();
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton px="xs" py={6} style={{ borderRadius: "var(--mantine-radius-md)" }}>
            <Group gap="sm" wrap="nowrap">
              <Avatar name={user.name} color="pine" radius="xl" size={34} />
              <Box visibleFrom="xs">
                <Text size="sm" fw={600} lh={1.2}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t.roles[user.role]}
                </Text>
              </Box>
              <Text c="dimmed" size="xs" aria-hidden="true">
                ▾
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t.shell.language}</Menu.Label>
          {LOCALES.map((option) => (
            <Menu.Item
              key={option}
              lang={option}
              onClick={() => option !== locale && changeLanguage.mutate(option)}
              rightSection={option === locale ? <Text c="pine.7">✓</Text> : null}
              aria-current={option === locale ? "true" : undefined}
            >
              {LANGUAGE_NAMES[option]}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={passwordDialog.open}>{t.shell.changePassword}</Menu.Item>
          <Menu.Item color="red" onClick={() => signOut.mutate()}>
            {t.shell.signOut}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changingPassword} onClose={passwordDialog.close} title={t.password.title}>
        <ChangePasswordForm onDone={passwordDialog.close} />
      </Modal>
    </>
  );
}
