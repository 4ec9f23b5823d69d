import { Anchor, Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue, useDisclosure, useHotkeys } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, useId, useState } from "react";
import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import { useI18n } from "../i18n/use-i18n";
import { CreatePersonDrawer } from "../people/create-person-drawer";
import { type PersonFromSearch, personFromSearch } from "../people/person-from-search";
import { formatOrganisationsnummer, formatPersonnummer } from "../register/format-identity";
import { formatPhone } from "../register/format-phone";
import type { OrganizationSummary, PersonSummary } from "../register/types";
import { useCanWriteRegister } from "../register/use-can-write-register";
import { SearchIcon } from "../ui/icons";

const PEOPLE_SHOWN = 6;
const ORGANIZATIONS_SHOWN = 4;

interface Hit {
  kind: "person" | "organization";
  id: string;
  title: string;
  detail: string;
}

const personHit = (person: PersonSummary): Hit => ({
  kind: "person",
  id: person.id,
  title: `${person.greetingName} ${person.surname}`,
  detail: [
    person.personnummer && formatPersonnummer(person.personnummer),
    person.city,
    person.phone && formatPhone(person.phone),
    person.email,
  ]
    .filter(Boolean)
    .join(" · "),
});

const organizationHit = (organization: OrganizationSummary): Hit => ({
  kind: "organization",
  id: organization.id,
  title: organization.name,
  detail: [
    organization.organisationsnummer && formatOrganisationsnummer(organization.organisationsnummer),
    organization.city,
  ]
    .filter(Boolean)
    .join(" · "),
});

/**
 * *Sök kund* in the header, or Ctrl K (⌘ K) anywhere: the phone rings, the number is typed, the
 * customer is one Enter away. People and organisations are searched as their lists search them.
 */
export function QuickSearch() {
  const { t } = useI18n();
  const [opened, dialog] = useDisclosure(false);
  // A caller nobody found, to be registered with what the search said about them.
  const [newPerson, setNewPerson] = useState<PersonFromSearch | null>(null);
  useHotkeys([["mod+K", dialog.open]], []);
  return (
    <>
      <UnstyledButton
        onClick={dialog.open}
        aria-label={t.quickSearch.open}
        px="sm"
        py={6}
        style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: "var(--mantine-radius-md)" }}
      >
        <Group gap="xs" wrap="nowrap" c="dimmed">
          <SearchIcon size={16} />
          <Text size="sm" visibleFrom="sm">
            {t.quickSearch.open}
          </Text>
          <Kbd size="xs" visibleFrom="md">
            {t.quickSearch.shortcut}
          </Kbd>
        </Group>
      </UnstyledButton>
      <Modal opened={opened} onClose={dialog.close} title={t.quickSearch.title} size="lg" yOffset="10vh">
        {opened && (
          <QuickSearchForm
            onClose={dialog.close}
            onCreate={(text) => {
              dialog.close();
              setNewPerson(personFromSearch(text));
            }}
          />
        )}
      </Modal>
      <CreatePersonDrawer
        opened={newPerson !== null}
        onClose={() => setNewPerson(null)}
        initial={newPerson ?? undefined}
      />
    </>
  );
}

function QuickSearchForm({ onClose, onCreate }: { onClose: () => void; onCreate: (text: string) => void }) {
  const { t } = useI18n();
  const canWrite = useCanWriteRegister();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 200);
  const searching = q.length >= 2;
  const people = useQuery({
    queryKey: ["people", "quick", q],
    queryFn: () => api<CursorPage<PersonSummary>>("/api/people", { query: { q, limit: PEOPLE_SHOWN } }),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const organizations = useQuery({
    queryKey: ["organizations", "quick", q],
    queryFn: () =>
      api<CursorPage<OrganizationSummary>>("/api/organizations", { query: { q, limit: ORGANIZATIONS_SHOWN } }),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const personHits = searching ? (people.data?.items ?? []).map(personHit) : [];
  const organizationHits = searching ? (organizations.data?.items ?? []).map(organizationHit) : [];
  const hits = [...personHits, ...organizationHits];
  const current = Math.min(active, Math.max(hits.length - 1, 0));
  const loading = searching && (people.isFetching || organizations.isFetching);
  const open = (hit: Hit | undefined) => {
    if (!hit) return;
    onClose();
    void (hit.kind === "person"
      ? navigate({ to: "/people/$personId", params: { personId: hit.id } })
      : navigate({ to: "/organizations/$organizationId", params: { organizationId: hit.id } }));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + hits.length) % Math.max(hits.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(hits[current]);
    }
  };
  const optionId = (index: number) => `${listId}-${index}`;
  const group = (label: string, items: Hit[], offset: number) =>
    items.length > 0 && (
      <Stack gap={2} role="group" aria-label={label}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" aria-hidden>
          {label}
        </Text>
        {items.map((hit, index) => (
          <UnstyledButton
            key={hit.id}
            id={optionId(offset + index)}
            role="option"
            aria-selected={current === offset + index}
            tabIndex={-1}
            px="xs"
            py={6}
            onMouseEnter={() => setActive(offset + index)}
            onClick={() => open(hit)}
            style={{
              borderRadius: "var(--mantine-radius-sm)",
              background: current === offset + index ? "var(--mantine-color-green-0)" : undefined,
            }}
          >
            <Text size="sm" fw={600}>
              {hit.title}
            </Text>
            {hit.detail && (
              <Text size="xs" c="dimmed" truncate>
                {hit.detail}
              </Text>
            )}
          </UnstyledButton>
        ))}
      </Stack>
    );
  const allLink = (to: "/people" | "/organizations", label: string) => (
    <Anchor size="xs" renderRoot={(props) => <Link to={to} search={{ q }} {...props} />} onClick={onClose}>
      {label}
    </Anchor>
  );
  return (
    <Stack gap="md">
      <TextInput
        aria-label={t.quickSearch.label}
        placeholder={t.quickSearch.label}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        leftSection={<SearchIcon size={16} />}
        rightSection={loading ? <Loader size="xs" /> : null}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        data-autofocus
        autoComplete="off"
      />
      <Stack gap="md" id={listId} role="listbox" aria-label={t.quickSearch.title}>
        {group(t.quickSearch.people, personHits, 0)}
        {group(t.quickSearch.organizations, organizationHits, personHits.length)}
      </Stack>
      {hits.length > 0 && (
        <Group gap="lg">
          {personHits.length > 0 && allLink("/people", t.quickSearch.allPeople)}
          {organizationHits.length > 0 && allLink("/organizations", t.quickSearch.allOrganizations)}
        </Group>
      )}
      {text.trim().length > 0 && !searching && (
        <Text size="sm" c="dimmed">
          {t.quickSearch.typeMore}
        </Text>
      )}
      {searching && !loading && people.isSuccess && organizations.isSuccess && hits.length === 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {t.quickSearch.none(q)}
          </Text>
          {canWrite && (
            <Button size="compact-sm" variant="light" onClick={() => onCreate(q)}>
              {t.quickSearch.newPerson}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
