import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";

export interface SearchOption {
  value: string;
  label: string;
}

interface SearchSelectProps {
  label: string;
  placeholder: string;
  /** Names the search in the query cache, e.g. "people". */
  cacheKey: string;
  search: (text: string) => Promise<SearchOption[]>;
  value: SearchOption | null;
  onChange: (option: SearchOption | null) => void;
  error?: string;
  /** Options never to offer, e.g. the record itself. */
  exclude?: string[];
}

/** A select whose options the server finds as the user types. */
export function SearchSelect({
  label,
  placeholder,
  cacheKey,
  search,
  value,
  onChange,
  error,
  exclude = [],
}: SearchSelectProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value?.label ?? "");
  const [debounced] = useDebouncedValue(text.trim(), 250);
  // Once an option is picked the box shows its label; that is no new search.
  const query = debounced === value?.label ? "" : debounced;
  const found = useQuery({
    queryKey: ["search", cacheKey, query],
    queryFn: () => search(query),
    staleTime: 30_000,
  });
  const options = (found.data ?? []).filter((option) => !exclude.includes(option.value));
  // The picked option stays among the options, or the box could not show its label.
  const data = value && !options.some((option) => option.value === value.value) ? [value, ...options] : options;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      data={data}
      value={value?.value ?? null}
      onChange={(id) => onChange(data.find((option) => option.value === id) ?? null)}
      searchValue={text}
      onSearchChange={setText}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t.loading : t.register.nothingFound}
      error={error}
    />
  );
}
