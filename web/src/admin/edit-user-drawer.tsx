import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { Role, User } from "../api/types";
import { ChangePasswordForm } from "../auth/change-password-form";
import { useMe } from "../auth/me-query";
import type { Locale } from "../i18n/locale";
import { fieldProblem } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { teamsQuery, useRefreshAdmin } from "./queries";
import { userProblem } from "./user-problem";
import { LanguageSelect, RoleSelect } from "./user-selects";

interface EditUserDrawerProps {
  user: User | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** A user's name, role, teams and language, and a new password, which is its own change. */
export function EditUserDrawer({ user, onClose, onSaved }: EditUserDrawerProps) {
  const { t } = useI18n();
  // One's own password is changed with the current one, as from the user menu.
  const me = useMe();
  return (
    <Drawer
      opened={user !== null}
      onClose={onClose}
      position="right"
      size="md"
      styles={DRAWER_STYLES}
      title={user ? t.userAdmin.editTitle(user.name) : ""}
    >
      {user && (
        <Stack gap="xl">
          <EditUserForm user={user} onClose={onClose} onSaved={onSaved} />
          <Divider />
          {user.id === me.id ? (
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t.password.title}
              </Title>
              <ChangePasswordForm />
            </Stack>
          ) : (
            <SetPasswordForm user={user} />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

interface Draft {
  name: string;
  role: Role;
  locale: Locale;
  teamIds: string[];
}

/** Only what changed is sent, so the audit log says what this edit did. */
function changes(user: User, draft: Draft): Partial<Draft> {
  const body: Partial<Draft> = {};
  if (draft.name.trim() !== user.name) body.name = draft.name;
  if (draft.role !== user.role) body.role = draft.role;
  if (draft.locale !== user.locale) body.locale = draft.locale;
  if ([...draft.teamIds].sort().join() !== [...user.teamIds].sort().join()) body.teamIds = draft.teamIds;
  return body;
}

function EditUserForm({ user, onClose, onSaved }: Required<EditUserDrawerProps> & { user: User }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const teams = useQuery(teamsQuery);
  const [draft, setDraft] = useState<Draft>({
    name: user.name,
    role: user.role,
    locale: user.locale,
    teamIds: user.teamIds,
  });
  const save = useMutation({
    mutationFn: (body: Partial<Draft>) => api<User>(`/api/users/${user.id}`, { method: "PATCH", body }),
    onSuccess: async (saved) => {
      onSaved(t.userAdmin.saved(saved.name));
      onClose();
      await refreshAdmin();
    },
  });
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = changes(user, draft);
    if (Object.keys(body).length === 0) onClose();
    else save.mutate(body);
  };
  const fieldError = (field: keyof Draft) => fieldProblem(save.error, field, t, { last_admin: t.userAdmin.lastAdmin });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.isError && !["name", "role", "locale", "teamIds"].some((field) => fieldError(field as keyof Draft)) && (
          <Alert color="red" variant="light" role="alert">
            {userProblem(save.error, t)}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <TextInput
          label={t.users.name}
          value={draft.name}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={fieldError("name")}
          data-autofocus
        />
        <RoleSelect value={draft.role} onChange={(role) => update({ role })} error={fieldError("role")} />
        <MultiSelect
          label={t.userAdmin.teams}
          placeholder={draft.teamIds.length === 0 ? t.userAdmin.noTeams : undefined}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={draft.teamIds}
          onChange={(teamIds) => update({ teamIds })}
          searchable
          clearable
          error={fieldError("teamIds")}
        />
        <LanguageSelect value={draft.locale} onChange={(locale) => update({ locale })} error={fieldError("locale")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.userAdmin.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.userAdmin.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An administrator sets a password without knowing the old one; the user's sessions end. */
function SetPasswordForm({ user }: { user: User }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [password, setPassword] = useState("");
  const set = useMutation({
    mutationFn: (value: string) => api<User>(`/api/users/${user.id}`, { method: "PATCH", body: { password: value } }),
    onSuccess: async () => {
      setPassword("");
      await refreshAdmin();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate(password);
  };
  const error = fieldProblem(set.error, "password", t, { too_small: t.fields.passwordTooShort });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t.userAdmin.setPasswordTitle(user.name)}
        </Title>
        {set.isSuccess && (
          <Alert color="pine" variant="light">
            {t.userAdmin.passwordSet(user.name)}
          </Alert>
        )}
        {set.isError && !error && (
          <Alert color="red" variant="light" role="alert">
            {userProblem(set.error, t)}
          </Alert>
        )}
        <PasswordInput
          label={t.userAdmin.setPassword}
          description={t.userAdmin.passwordHint}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={error}
          visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={set.isPending}>
            {t.userAdmin.setPassword}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
