import { Badge, CloseButton, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import type { EventStreamSearch } from "./event-stream-search";
import { sourcesQuery } from "./queries";
import { EVENT_TYPES, isEventType } from "./types";

const TYPING_PAUSE_MS = 300;
type TextFilter = "name" | "anonymousId" | "userId";

/** Text filters apply once typing pauses; source and type apply at once. */
export function EventStreamFilters({
  search,
  onChange,
}: {
  search: EventStreamSearch;
  onChange: (change: EventStreamSearch) => void;
}) {
  const { t } = useI18n();
  const sources = useQuery(sourcesQuery);
  const [typed, setTyped] = useState<Record<TextFilter, string>>({
    name: search.name ?? "",
    anonymousId: search.anonymousId ?? "",
    userId: search.userId ?? "",
  });
  const apply = useDebouncedCallback((change: EventStreamSearch) => onChange(change), TYPING_PAUSE_MS);
  const textInput = (field: TextFilter, label: string, placeholder: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={typed[field]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setTyped((current) => ({ ...current, [field]: value }));
        apply({ [field]: value.trim() || undefined });
      }}
      w={field === "name" ? 180 : 160}
    />
  );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" flex={1}>
      <Select
        label={t.stream.source}
        placeholder={t.stream.anySource}
        data={(sources.data ?? []).map((source) => ({ value: source.id, label: source.name }))}
        value={search.sourceId ?? null}
        onChange={(value) => onChange({ sourceId: value ?? undefined })}
        clearable
        w={170}
      />
      <Select
        label={t.stream.type}
        placeholder={t.stream.anyType}
        data={EVENT_TYPES.map((type) => ({ value: type, label: t.events.types[type] }))}
        value={search.type ?? null}
        onChange={(value) => onChange({ type: isEventType(value) ? value : undefined })}
        clearable
        w={150}
      />
      {textInput("name", t.stream.name, t.stream.namePlaceholder)}
      {textInput("anonymousId", t.stream.anonymousId, t.stream.idPlaceholder)}
      {textInput("userId", t.stream.userId, t.stream.idPlaceholder)}
      {search.personId && (
        <Badge
          size="lg"
          variant="light"
          radius="sm"
          tt="none"
          mb={4}
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t.stream.clearPerson}
              onClick={() => onChange({ personId: undefined })}
            />
          }
        >
          {t.stream.personFilter}
        </Badge>
      )}
    </Group>
  );
}
