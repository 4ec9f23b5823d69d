import { Group, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { OwnerSelect } from "../register/owner-select";
import { SearchIcon } from "../ui/icons";
import type { OrganizationsSearch } from "./organizations-search";

const TYPING_PAUSE_MS = 300;

export function OrganizationsFilters({
  search,
  onChange,
}: {
  search: OrganizationsSearch;
  onChange: (change: OrganizationsSearch) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(search.q ?? "");
  const [city, setCity] = useState(search.city ?? "");
  const applyQ = useDebouncedCallback((value: string) => onChange({ q: value || undefined }), TYPING_PAUSE_MS);
  const applyCity = useDebouncedCallback((value: string) => onChange({ city: value || undefined }), TYPING_PAUSE_MS);
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        label={t.organizations.search}
        placeholder={t.organizations.searchPlaceholder}
        leftSection={<SearchIcon size={16} />}
        type="search"
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          applyQ(event.currentTarget.value);
        }}
        flex={1}
        miw={280}
        maw={520}
      />
      <TextInput
        label={t.organizations.city}
        placeholder={t.organizations.cityPlaceholder}
        value={city}
        onChange={(event) => {
          setCity(event.currentTarget.value);
          applyCity(event.currentTarget.value);
        }}
        w={200}
      />
      <OwnerSelect value={search.owner} onChange={(owner) => onChange({ owner })} />
    </Group>
  );
}
