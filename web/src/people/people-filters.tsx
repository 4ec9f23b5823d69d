import { Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { OwnerSelect } from "../register/owner-select";
import { isLifecycleStage, LIFECYCLE_STAGES } from "../register/types";
import { SearchIcon } from "../ui/icons";
import type { PeopleSearch } from "./people-search";

const TYPING_PAUSE_MS = 300;

/** Text filters apply once typing pauses; the stage applies at once. */
export function PeopleFilters({
  search,
  onChange,
}: {
  search: PeopleSearch;
  onChange: (change: PeopleSearch) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(search.q ?? "");
  const [city, setCity] = useState(search.city ?? "");
  const applyQ = useDebouncedCallback((value: string) => onChange({ q: value || undefined }), TYPING_PAUSE_MS);
  const applyCity = useDebouncedCallback((value: string) => onChange({ city: value || undefined }), TYPING_PAUSE_MS);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t.people.search}
        placeholder={t.people.searchPlaceholder}
        leftSection={<SearchIcon size={16} />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          applyQ(event.currentTarget.value);
        }}
        type="search"
        flex={1}
        miw={280}
        maw={520}
      />
      <Select
        label={t.people.stage}
        placeholder={t.people.anyStage}
        data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] }))}
        value={search.stage ?? null}
        onChange={(value) => onChange({ stage: isLifecycleStage(value) ? value : undefined })}
        clearable
        w={200}
      />
      <TextInput
        label={t.people.city}
        placeholder={t.people.cityPlaceholder}
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
