import { Select } from "@mantine/core";
import { isRole, ROLES, type Role } from "../api/types";
import { isLocale, LOCALES, type Locale } from "../i18n/locale";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";

interface FieldProps<T> {
  value: T;
  onChange: (value: T) => void;
  error?: string;
}

/** A user's role, named in the reader's language; shared by the create form and the edit drawer. */
export function RoleSelect({ value, onChange, error }: FieldProps<Role>) {
  const { t } = useI18n();
  return (
    <Select
      label={t.users.role}
      data={ROLES.map((role) => ({ value: role, label: t.roles[role] }))}
      value={value}
      onChange={(next) => isRole(next) && onChange(next)}
      allowDeselect={false}
      error={error}
    />
  );
}

/** A user's language, each named in itself. */
export function LanguageSelect({ value, onChange, error }: FieldProps<Locale>) {
  const { t } = useI18n();
  return (
    <Select
      label={t.users.language}
      data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
      value={value}
      onChange={(next) => isLocale(next) && onChange(next)}
      allowDeselect={false}
      error={error}
    />
  );
}
